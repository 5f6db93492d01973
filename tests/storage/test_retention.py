"""Storage for retention (issue 11 point 6): the setting, the schedule row shared by replicas, migration 4."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from domain.vocabulary import SessionStatus
from storage import (
    StorageError,
    StoredBank,
    Team,
    claim_run,
    create_assessment,
    create_organisation,
    last_run,
    retention_candidates,
    retention_settings,
    set_retention_days,
    set_status,
)
from storage.migrations import MIGRATIONS, _add_retention, migrate
from storage.tables import schema_version

START = datetime(2027, 3, 1, 2, 0, tzinfo=timezone.utc)
DAY = timedelta(days=1)


def test_set_retention_days_stores_the_setting_and_returns_the_old_one(engine: Engine) -> None:
    organisation = create_organisation(engine, "Riverside Council")
    assert retention_settings(engine) == {organisation.id: None}
    assert set_retention_days(engine, organisation.id, 365) is None
    assert set_retention_days(engine, organisation.id, 0) == 365
    assert retention_settings(engine) == {organisation.id: 0}


@pytest.mark.parametrize("days", [-1, 3651, 2.5, True, "30"])
def test_set_retention_days_refuses_a_bad_period(engine: Engine, days: object) -> None:
    organisation = create_organisation(engine, "Riverside Council")
    with pytest.raises(StorageError) as caught:
        set_retention_days(engine, organisation.id, days)  # type: ignore[arg-type]
    assert str(caught.value) == (f"A retention period must be a whole number of days from 1 to 3,650, not {days!r}. "
                                 "Hint: Choose 'never' to keep answers until the team is deleted.")


def test_set_retention_days_of_a_missing_organisation_raises(engine: Engine) -> None:
    with pytest.raises(StorageError, match="That organisation no longer exists."):
        set_retention_days(engine, 999, 30)


def test_retention_candidates_count_from_the_close_or_the_creation(engine: Engine, team: Team,
                                                                 stored_bank: StoredBank) -> None:
    quiet = create_assessment(engine, team.id, stored_bank.id, "Nobody answered")
    closed = set_status(engine, create_assessment(engine, team.id, stored_bank.id, "Closed").id, SessionStatus.CLOSED)
    found = {c.assessment_id: c for c in retention_candidates(engine)}
    assert found[quiet.id].counted_from == quiet.created_at and found[quiet.id].last_answer_at is None
    assert found[closed.id].counted_from == closed.closed_at
    assert found[closed.id].organisation == "Test Council" and found[closed.id].retention_days is None


def test_claim_run_once_a_day_whatever_the_order_of_asking(engine: Engine) -> None:
    assert last_run(engine, "retention") is None
    assert claim_run(engine, "retention", START, DAY)
    assert not claim_run(engine, "retention", START + DAY - timedelta(seconds=1), DAY)
    assert claim_run(engine, "retention", START + DAY, DAY)
    assert last_run(engine, "retention") == START + DAY
    assert claim_run(engine, "another job", START, DAY), "each job has its own row"


def test_claim_run_replicas_at_once_one_wins(engine: Engine) -> None:
    claim_run(engine, "retention", START, DAY)
    barrier = threading.Barrier(6)
    won: list[bool] = []

    def replica() -> None:
        barrier.wait()
        won.append(claim_run(engine, "retention", START + 2 * DAY, DAY))

    threads = [threading.Thread(target=replica) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(won) == [False] * 5 + [True]


def test_migrate_adds_retention_to_an_older_database(engine: Engine) -> None:
    organisation = create_organisation(engine, "Riverside Council")
    step = MIGRATIONS.index(_add_retention) + 1
    # Put the database back to before this step: no retention column or tables.
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE session_snapshots")
        connection.exec_driver_sql("DROP TABLE scheduled_runs")
        if engine.dialect.name == "sqlite":
            # SQLite cannot drop a column with a CHECK on it: rebuild the table as release 3 made it.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.exec_driver_sql("CREATE TABLE organisations_3 (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, "
                                       "default_bank_row_id INTEGER, created_at DATETIME NOT NULL)")
            connection.exec_driver_sql("INSERT INTO organisations_3 SELECT id, name, default_bank_row_id, created_at "
                                       "FROM organisations")
            connection.exec_driver_sql("DROP TABLE organisations")
            connection.exec_driver_sql("ALTER TABLE organisations_3 RENAME TO organisations")
        else:
            connection.exec_driver_sql("ALTER TABLE organisations DROP COLUMN retention_days")
        connection.execute(sa.delete(schema_version).where(schema_version.c.version >= step))
    assert migrate(engine) == len(MIGRATIONS)
    assert retention_settings(engine) == {organisation.id: None}
    assert set_retention_days(engine, organisation.id, 90) is None
    assert claim_run(engine, "retention", START, DAY)
    assert migrate(engine) == len(MIGRATIONS), "a second start finds nothing to do"
