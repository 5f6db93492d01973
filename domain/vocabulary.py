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


# The answer scale: scores are worked out on 0-4 (score = mean x 25), so every bank uses exactly these.
SCALE_VALUES: tuple[int, ...] = (0, 1, 2, 3, 4)

# The long answer format: one row per answer (scoring input, CSV files, exports).
LONG_COLUMNS: tuple[str, ...] = ("respondent", "perspective", "statement", "current", "target", "comment")
