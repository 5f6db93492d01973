"""Sessions: create self-assessments and workshops, find them, open and close them, facilitator keys."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.engine import Engine

import storage
from domain.records import Assessment
from domain.vocabulary import Mode, SessionStatus


def create_self_assessment(engine: Engine, team_id: int, bank_row_id: int, title: str, threshold: int,
                           request_id: str) -> Assessment:
    """Start a self-assessment; a repeated request (double click, retry) returns the one it made."""
    return storage.create_assessment(engine, team_id, bank_row_id, title, mode=Mode.SELF, threshold=threshold,
                                     request_id=request_id)


def new_facilitator_key() -> str:
    """A fresh facilitator key, made before the click so a repeated request hands back the same one."""
    return storage.new_facilitator_key()


def create_workshop(engine: Engine, team_id: int, bank_row_id: int, title: str, perspectives: Iterable[str],
                    threshold: int, key: str | None = None, request_id: str | None = None) -> tuple[Assessment, str]:
    """Start a workshop; returns it and the facilitator key (only its hash is stored)."""
    return storage.create_workshop(engine, team_id, bank_row_id, title, perspectives, threshold, key=key,
                                   request_id=request_id)


def follow_up(engine: Engine, workshop: Assessment, key: str | None) -> tuple[Assessment, str]:
    """A new workshop on the same team, bank, perspectives and threshold, opened with the same key."""
    return storage.create_workshop(engine, workshop.team_id, workshop.bank_row_id, f"Follow-up to {workshop.title}",
                                   workshop.perspectives, workshop.threshold, key=key)


def get_session(engine: Engine, assessment_id: int) -> Assessment | None:
    """The session with this id, or None."""
    return storage.get_assessment(engine, assessment_id)


def find_session(engine: Engine, code: str | None) -> Assessment | None:
    """The session with this join code as typed (any case, spaces or dashes), or None."""
    return storage.find_by_join_code(engine, code)


def set_open(engine: Engine, assessment: Assessment, is_open: bool) -> Assessment:
    """Open or close a session."""
    return storage.set_status(engine, assessment.id, SessionStatus.OPEN if is_open else SessionStatus.CLOSED)


def key_matches(engine: Engine, assessment_id: int, key: str | None) -> bool:
    """Whether the key is this workshop's facilitator key."""
    return storage.check_facilitator_key(engine, assessment_id, key)
