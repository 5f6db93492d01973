"""Input checks shared by the storage functions, raising StorageError with plain messages."""

from __future__ import annotations

import math
import numbers
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Row

from domain.vocabulary import NAME_LIMIT as NAME_LIMIT, TEXT_LIMIT as TEXT_LIMIT, SessionStatus  # the one place
from storage import tables
from storage.errors import StorageError

TITLE_LIMIT = 500
CLOSED_MESSAGE = "This session is closed: ask the facilitator to reopen it."


def clean_text(value: Any, label: str, limit: int, required: bool = False) -> str:
    """The text stripped of outer spaces, checked for emptiness, length and NUL characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise StorageError(f"The {label} must be text, not {type(value).__name__}.")
    text = value.strip() if required else value
    if required and not text:
        raise StorageError(f"The {label} is empty: please type one.")
    if len(text) > limit:
        raise StorageError(f"The {label} is {len(text):,} characters long: the limit is {limit:,}.")
    if "\x00" in text:
        # PostgreSQL cannot store NUL in text, and no keyboard types one.
        raise StorageError(f"The {label} contains a NUL character: please remove it.")
    return text


def clean_level(value: Any, label: str) -> int | None:
    """A scale answer: a whole number 0-4, or None (NaN counts as None) for don't know."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, bool):
        raise StorageError(f"The {label} must be a whole number from 0 to 4, not {value!r}.")
    if isinstance(value, numbers.Integral):
        number = int(value)
    elif isinstance(value, numbers.Real) and float(value).is_integer():
        number = int(float(value))
    else:
        raise StorageError(f"The {label} must be a whole number from 0 to 4, not {value!r}.")
    if not 0 <= number <= 4:
        raise StorageError(f"The {label} must be a whole number from 0 to 4, not {value!r}.")
    return number


def clean_perspective(value: Any, allowed: tuple[str, ...]) -> str:
    """A perspective id, one of the session's perspectives when it lists any."""
    perspective = clean_text(value, "perspective", NAME_LIMIT, required=True)
    if allowed and perspective not in allowed:
        raise StorageError(
            f"The perspective {perspective!r} is not one of this session's: {', '.join(allowed)}.",
        )
    return perspective


# Built once: the hot paths (joining, saving, submitting) skip rebuilding the statement.
_ASSESSMENT_BY_ID = sa.select(tables.assessments).where(tables.assessments.c.id == sa.bindparam("assessment_id"))


def assessment_row(connection: Connection, assessment_id: int) -> Row[Any]:
    """The assessment's row, or StorageError when it has gone."""
    row = connection.execute(_ASSESSMENT_BY_ID, {"assessment_id": assessment_id}).first()
    if row is None:
        raise StorageError("This session no longer exists: it may have been deleted.")
    return row


def require_open(row: Row[Any]) -> None:
    """Refuse changes to a closed session."""
    if row.status != SessionStatus.OPEN:
        raise StorageError(CLOSED_MESSAGE)
