"""The audit log and sign-in records (issue 11 point 5), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.engine import Engine

from domain.vocabulary import AuditAction
from storage import (
    end_sign_in,
    entries,
    entries_frame,
    record,
    sign_in_ended,
    start_sign_in,
    utcnow,
)


def test_record_and_entries_newest_first_filtered_by_organisation(engine: Engine) -> None:
    now = utcnow()
    record(engine, "alice@a.org", AuditAction.SIGN_IN, "alice@a.org", organisation_id=1, at=now)
    record(engine, "bob@b.org", AuditAction.EXPORT, "Team B", organisation_id=2, at=now + timedelta(seconds=1))
    record(engine, "alice@a.org", AuditAction.DELETION, "Team A", organisation_id=1, details="all its data",
           at=now + timedelta(seconds=2))
    mine = entries(engine, {1})
    assert [(e.actor, e.action, e.target, e.details) for e in mine] == [
        ("alice@a.org", AuditAction.DELETION, "Team A", "all its data"),
        ("alice@a.org", AuditAction.SIGN_IN, "alice@a.org", "")]
    assert len(entries(engine, None)) == 3
    assert entries(engine, set()) == []
    frame = entries_frame(engine, {2})
    assert list(frame.columns) == ["at", "actor", "action", "target", "details"]
    assert frame[["actor", "action", "target"]].values.tolist() == [["bob@b.org", "export", "Team B"]]


def test_record_cuts_long_and_nul_text_instead_of_refusing(engine: Engine) -> None:
    record(engine, "x" * 1000, AuditAction.EXPORT, "t\x00" * 20_000)
    [entry] = entries(engine, None)
    assert len(entry.actor) == 320 and "\x00" not in entry.target and len(entry.target) == 10_000


def test_record_unknown_action_rejected(engine: Engine) -> None:
    with pytest.raises(ValueError):
        record(engine, "a@b.org", "made tea", "kitchen")


def test_sign_in_is_new_once_and_ends_everywhere(engine: Engine) -> None:
    now = utcnow()
    key = "a" * 64
    assert start_sign_in(engine, key, "alice@a.org", now) is True
    assert start_sign_in(engine, key, "alice@a.org", now) is False
    assert sign_in_ended(engine, key) is False
    end_sign_in(engine, key)
    assert sign_in_ended(engine, key) is True
    assert sign_in_ended(engine, "b" * 64) is False
