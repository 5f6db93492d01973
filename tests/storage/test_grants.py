"""Device grants (open mode, issue 11) and facilitator unlocks (issue 10 point 9), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from domain.vocabulary import GrantKind
from storage import (
    StorageError,
    active_grants,
    add_grant,
    create_assessment,
    create_team,
    delete_team,
    digest,
    grant_count,
    revoke_device,
    revoke_object,
    utcnow,
)
from storage.records import StoredBank

DEVICE = digest("device-one-random-id")
OTHER = digest("device-two-random-id")


def test_add_grant_is_seen_until_it_expires(engine: Engine) -> None:
    now = utcnow()
    add_grant(engine, DEVICE, GrantKind.TEAM, 7, timedelta(days=1), now=now)
    assert [(g.kind, g.object_id) for g in active_grants(engine, DEVICE, now=now)] == [(GrantKind.TEAM, 7)]
    assert active_grants(engine, DEVICE, now=now + timedelta(days=1, seconds=1)) == []
    assert active_grants(engine, OTHER, now=now) == []


def test_add_grant_twice_keeps_one_row_with_the_later_expiry(engine: Engine) -> None:
    now = utcnow()
    add_grant(engine, DEVICE, GrantKind.FACILITATOR, 3, timedelta(hours=1), now=now)
    add_grant(engine, DEVICE, GrantKind.FACILITATOR, 3, timedelta(days=2), now=now)
    grants = active_grants(engine, DEVICE, now=now + timedelta(days=1))
    assert [(g.kind, g.object_id) for g in grants] == [(GrantKind.FACILITATOR, 3)]
    with engine.connect() as connection:
        assert connection.execute(sa.text("SELECT count(*) FROM device_grants")).scalar() == 1


def test_add_grant_refuses_a_raw_device_id(engine: Engine) -> None:
    with pytest.raises(StorageError, match="only as a SHA-256 digest"):
        add_grant(engine, "raw-cookie-value", GrantKind.TEAM, 1, timedelta(days=1))
    with engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT count(*) FROM device_grants")).scalar()
    assert stored == 0


def test_revoke_device_ends_every_grant_of_that_browser_only(engine: Engine) -> None:
    add_grant(engine, DEVICE, GrantKind.TEAM, 1, timedelta(days=1))
    add_grant(engine, DEVICE, GrantKind.SESSION, 2, timedelta(days=1))
    add_grant(engine, OTHER, GrantKind.TEAM, 1, timedelta(days=1))
    assert revoke_device(engine, DEVICE) == 2
    assert active_grants(engine, DEVICE) == []
    assert [g.object_id for g in active_grants(engine, OTHER)] == [1]


def test_revoke_object_ends_a_stolen_cookie_but_can_keep_this_browser(engine: Engine) -> None:
    add_grant(engine, DEVICE, GrantKind.FACILITATOR, 5, timedelta(days=1))
    add_grant(engine, OTHER, GrantKind.FACILITATOR, 5, timedelta(days=1))
    assert grant_count(engine, GrantKind.FACILITATOR, 5) == 2
    assert revoke_object(engine, GrantKind.FACILITATOR, 5, keep_device_hash=DEVICE) == 1
    assert active_grants(engine, OTHER) == []
    assert [g.object_id for g in active_grants(engine, DEVICE)] == [5]


def test_delete_team_removes_the_grants_of_its_team_and_sessions(engine: Engine, stored_bank: StoredBank) -> None:
    team = create_team(engine, "Org", "Team")
    assessment = create_assessment(engine, team.id, stored_bank.id, "Spring")
    add_grant(engine, DEVICE, GrantKind.TEAM, team.id, timedelta(days=1))
    add_grant(engine, DEVICE, GrantKind.SESSION, assessment.id, timedelta(days=1))
    delete_team(engine, team.id)
    assert active_grants(engine, DEVICE) == []
