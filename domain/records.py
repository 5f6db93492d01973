"""Immutable records that storage returns and the service layer and reports read (the typed seam)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from domain.vocabulary import ActionStatus, AuditAction, DiscussionOrder, Mode, PresenterStage, Role, SessionStatus


@dataclass(frozen=True)
class Team:
    """A team inside an organisation that reflects on its co-production."""

    id: int
    organisation: str
    name: str
    created_at: datetime
    organisation_id: int | None = None
    # The secret of the team's link; None only for teams made before links existed and not yet migrated.
    link_token: str | None = None


@dataclass(frozen=True)
class Organisation:
    """An organisation (a council, a trust, a charity) that has teams, people and its own banks."""

    id: int
    name: str
    default_bank_row_id: int | None
    created_at: datetime


@dataclass(frozen=True)
class Membership:
    """A person's role in an organisation (team_id None) or in one of its teams."""

    id: int
    email: str
    organisation_id: int
    team_id: int | None
    role: Role
    invited_by: str
    created_at: datetime


@dataclass(frozen=True)
class AuditEntry:
    """One line of the audit log: who did what, when."""

    id: int
    at: datetime
    actor: str
    action: AuditAction
    organisation_id: int | None
    target: str
    details: str


@dataclass(frozen=True)
class StoredBank:
    """One version of a question bank, kept as its YAML source."""

    id: int
    bank_id: str
    version: str
    title: str
    yaml_text: str
    content_hash: str
    builtin: bool
    created_at: datetime
    organisation_id: int | None = None


@dataclass(frozen=True)
class Assessment:
    """One round of self-assessment (alone or together) or a workshop (many respondents)."""

    id: int
    team_id: int
    bank_row_id: int
    title: str
    mode: Mode
    status: SessionStatus
    join_code: str | None
    perspectives: tuple[str, ...]
    threshold: int
    created_at: datetime
    closed_at: datetime | None
    # The secret of the session's results link (see storage.codes.new_link_token).
    link_token: str | None = None

    @property
    def is_workshop(self) -> bool:
        """A facilitated session (its results need the facilitator)."""
        return self.mode is Mode.WORKSHOP

    @property
    def is_open(self) -> bool:
        """Still accepting answers."""
        return self.status is SessionStatus.OPEN


@dataclass(frozen=True)
class Respondent:
    """Someone answering an assessment from one perspective."""

    id: int
    assessment_id: int
    token: str
    perspective: str
    created_at: datetime
    submitted_at: datetime | None
    language: str | None = None  # the interface language they chose (None: never chose, English)


@dataclass(frozen=True)
class Answer:
    """One respondent's answer to one statement (None = don't know)."""

    statement_id: str
    current: int | None
    target: int | None
    comment: str = ""


@dataclass(frozen=True)
class AgreedRating:
    """The rating a team agreed on for a statement after discussion."""

    statement_id: str
    rating: int | None
    notes: str
    updated_at: datetime


@dataclass(frozen=True)
class Action:
    """A step the team plans to take on a principle."""

    id: int
    assessment_id: int
    principle: str
    description: str
    owner: str
    due_date: date | None
    status: ActionStatus
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class RetentionCandidate:
    """A session whose answers are still stored, with what decides when they are deleted (retention)."""

    assessment_id: int
    title: str
    team_id: int
    team: str
    organisation_id: int | None
    organisation: str
    retention_days: int | None      # the organisation's setting: None the site default, 0 never
    status: SessionStatus
    created_at: datetime
    closed_at: datetime | None
    last_answer_at: datetime | None

    @property
    def counted_from(self) -> datetime:
        """When the retention period starts: the close or the last answer, whichever is later (else creation).

        The later of the two, because answers can still be imported into a closed session.
        """
        return max(moment for moment in (self.created_at, self.closed_at, self.last_answer_at) if moment is not None)


@dataclass(frozen=True)
class Snapshot:
    """What a session showed, kept as JSON after its individual answers were deleted."""

    assessment_id: int
    scored: str
    respondents_deleted: int
    retention_days: int
    answers_deleted_at: datetime


@dataclass(frozen=True)
class PresenterState:
    """What the projector and the facilitator's devices follow in a workshop (stored, so every device agrees)."""

    stage: PresenterStage
    statement_id: str | None      # the statement under discussion; None until the discussion starts
    order: DiscussionOrder
    updated_at: datetime
