"""Words the whole app agrees on: assessment modes, statuses, the answer scale and the answer columns.

Defined once here; storage builds its CHECK constraints from these, the pages and reports read
their values from here, so a status can never be spelled two ways.
"""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    """How an assessment is run."""

    SELF = "self"          # a team rates itself (together or individually), results open to the team
    WORKSHOP = "workshop"  # a facilitated session: participants join by code, results need the facilitator

    @property
    def counts_only_sent(self) -> bool:
        """Whether only sent responses count in results, exports and baselines (the one rule: see results).

        In every mode: answers someone is still giving (or gave up on) never count until they press Send.
        """
        return True


class ResponseSource(StrEnum):
    """How a response reached the app."""

    ONLINE = "online"  # answered on a phone or computer
    PAPER = "paper"    # written on the paper pack and typed in by a facilitator


class SessionStatus(StrEnum):
    """Whether an assessment still accepts answers."""

    OPEN = "open"
    CLOSED = "closed"


class ActionStatus(StrEnum):
    """Where an agreed action stands."""

    PLANNED = "planned"
    IN_PROGRESS = "in progress"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def is_open(self) -> bool:
        """Still owed: neither done nor dropped."""
        return self not in (ActionStatus.DONE, ActionStatus.DROPPED)


class Role(StrEnum):
    """What a signed-in person may do in an organisation or one of its teams (services/roles.py says what)."""

    ADMIN = "admin"              # people, teams, banks and the audit log of the organisation
    MANAGER = "manager"          # sees every team of the organisation, read-only
    FACILITATOR = "facilitator"  # creates workshops and self-assessments for their teams
    MEMBER = "member"            # answers and sees their team's results


class GrantKind(StrEnum):
    """What a browser was given in open mode (or, for a facilitator, in either mode)."""

    TEAM = "team"                # created the team or opened its link
    SESSION = "session"          # opened a session's results link
    FACILITATOR = "facilitator"  # gave a workshop's facilitator key (or created the workshop)


class AuditAction(StrEnum):
    """What the audit log records."""

    SIGN_IN = "sign-in"
    SIGN_OUT = "sign-out"
    RESULTS_VIEWED = "results viewed"
    EXPORT = "export"
    DELETION = "deletion"
    ROLE_CHANGE = "role change"
    TEAM_CREATED = "team created"
    ORGANISATION_CREATED = "organisation created"
    BANK_UPLOADED = "bank uploaded"
    DEFAULT_BANK = "default bank chosen"
    FACILITATOR_UNLOCKED = "facilitator unlocked"
    DEVICES_REVOKED = "devices revoked"
    RETENTION_CHANGED = "retention changed"
    ANSWERS_DELETED = "answers deleted (retention)"



class PresenterStage(StrEnum):
    """What the projector shows during a workshop, in the order a workshop usually goes."""

    JOIN = "join"              # the join code, QR code and link, very large
    PROGRESS = "progress"      # who has joined, sent, and reached each principle
    RESULTS = "results"        # the group radar, the overall score and the top disagreements
    DISCUSSION = "discussion"  # one statement at a time, with its spread


class DiscussionOrder(StrEnum):
    """The order statements are discussed in."""

    DISAGREEMENTS = "hot"  # least agreement first, statements too few answered last
    BANK = "bank"          # as the question bank lists them

# The answer scale: scores are worked out on 0-4 (score = mean x 25), so every bank uses exactly these.
SCALE_VALUES: tuple[int, ...] = (0, 1, 2, 3, 4)

# The long answer format: one row per answer (scoring input, CSV files, exports).
LONG_COLUMNS: tuple[str, ...] = ("respondent", "perspective", "statement", "current", "target", "comment")

# How long stored text may be: storage refuses longer, and an answers file is checked against the same limits.
NAME_LIMIT = 200
TEXT_LIMIT = 10_000
