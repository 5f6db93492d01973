"""Engine settings, database addresses and migrations."""

from __future__ import annotations

import pickle
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

import storage.db as storage_db
from storage import StorageError, create_team, list_teams, database_url_from_env, describe_url, make_engine
from storage.db import Combiner, pool_settings, synchronous_commit
from storage.migrations import MIGRATIONS
from storage.tables import schema_version
from tests.storage.engines import pg_engine, pg_engine_in, pg_schema, pg_url, sqlite_engine


def test_database_url_from_env_defaults_to_local_sqlite_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COPRO_DATABASE_URL", raising=False)
    assert database_url_from_env() == "sqlite:///data/coproduction.db"


def test_database_url_from_env_reads_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPRO_DATABASE_URL", " postgresql+psycopg://app@db/copro ")
    assert database_url_from_env() == "postgresql+psycopg://app@db/copro"


def test_describe_url_hides_password() -> None:
    shown = describe_url("postgresql+psycopg://app:s3cret@db.example:5432/copro")
    assert shown == "postgresql+psycopg://app:***@db.example:5432/copro"


def test_make_engine_without_url_creates_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("COPRO_DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    engine = make_engine()
    try:
        assert (tmp_path / "data" / "coproduction.db").is_file()
    finally:
        engine.dispose()


def test_make_engine_sqlite_sets_pragmas(tmp_path: Path) -> None:
    engine = sqlite_engine(tmp_path)
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 60_000
    engine.dispose()


def test_make_engine_sqlite_writes_begin_immediate(tmp_path: Path) -> None:
    engine = sqlite_engine(tmp_path)
    seen: list[str] = []
    sa.event.listen(engine, "before_cursor_execute", lambda *args: seen.append(args[2]))
    create_team(engine, "Org", "Team")
    assert seen[0] == "BEGIN IMMEDIATE"
    seen.clear()
    list_teams(engine)  # readers take no write lock, so they never queue behind writers
    engine.dispose()
    assert seen[0] == "BEGIN"


def test_make_engine_rejects_other_databases() -> None:
    with pytest.raises(StorageError) as caught:
        make_engine("mysql://user:pw@host/db")
    assert str(caught.value) == (
        "The database address mysql://user:***@host/db is not SQLite or PostgreSQL. "
        "Hint: Use sqlite:///path/to/file.db or postgresql+psycopg://user@host/dbname."
    )


def test_make_engine_unreachable_postgres_raises_storage_error() -> None:
    with pytest.raises(StorageError) as caught:
        make_engine("postgresql+psycopg://nobody:pw@127.0.0.1:1/none", connect_args={"connect_timeout": 2})
    message = str(caught.value)
    assert message.startswith("Could not open the database at postgresql+psycopg://nobody:***@127.0.0.1:1/none: ")
    assert message.endswith("Hint: Check that the database server is running and the address is right.")
    assert "pw@" not in message


def _versions(engine: Engine) -> list[int]:
    with engine.connect() as connection:
        return list(connection.execute(sa.select(schema_version.c.version)).scalars())


def test_make_engine_twice_on_same_sqlite_file_migrates_once(tmp_path: Path) -> None:
    first = sqlite_engine(tmp_path)
    create_team(first, "Org", "Team")
    first.dispose()
    second = sqlite_engine(tmp_path)
    assert _versions(second) == list(range(1, len(MIGRATIONS) + 1))
    with second.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM teams").scalar() == 1
    second.dispose()


def test_make_engine_twice_on_same_postgres_schema_migrates_once() -> None:
    with pg_schema() as schema:
        first = pg_engine_in(schema)
        create_team(first, "Org", "Team")
        first.dispose()
        second = pg_engine_in(schema)
        assert _versions(second) == list(range(1, len(MIGRATIONS) + 1))
        with second.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM teams").scalar() == 1
        second.dispose()


def _start_together(build: list[object]) -> list[BaseException]:
    """Run each callable in its own thread, released at once; return what they raised."""
    barrier = threading.Barrier(len(build))
    errors: list[BaseException] = []

    def run(step: object) -> None:
        barrier.wait()
        try:
            step().dispose()  # type: ignore[operator]
        except BaseException as error:  # noqa: BLE001 - collected and asserted on below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(step,)) for step in build]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_make_engine_concurrent_first_start_on_sqlite(tmp_path: Path) -> None:
    errors = _start_together([lambda: sqlite_engine(tmp_path) for _ in range(4)])
    assert errors == []
    engine = sqlite_engine(tmp_path)
    assert _versions(engine) == list(range(1, len(MIGRATIONS) + 1))
    engine.dispose()


def test_make_engine_concurrent_first_start_on_postgres() -> None:
    with pg_schema() as schema:
        errors = _start_together([lambda: pg_engine_in(schema) for _ in range(4)])
        assert errors == []
        engine = pg_engine_in(schema)
        assert _versions(engine) == list(range(1, len(MIGRATIONS) + 1))
        engine.dispose()


def test_make_engine_refuses_newer_schema(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(sa.insert(schema_version).values(version=99, applied_at=sa.func.now()))
    with pytest.raises(StorageError) as caught:
        from storage.migrations import migrate

        migrate(engine)
    assert str(caught.value) == (
        f"The database is at schema version 99, newer than this app knows ({len(MIGRATIONS)}). "
        "Hint: Upgrade the app before using this database."
    )


def test_pg_schema_unreachable_server_fails_not_skips(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPRO_TEST_PG_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    with pytest.raises(pytest.fail.Exception) as caught, pg_schema():
        pass
    assert str(caught.value).startswith("PostgreSQL is unreachable at postgresql+psycopg://nobody@127.0.0.1:1/none: ")
    assert str(caught.value).endswith("Start it, or point COPRO_TEST_PG_URL at a server.")


def test_storage_error_survives_pickling() -> None:
    error = StorageError("This session is closed: ask the facilitator to reopen it.", hint="Try later.")
    copy = pickle.loads(pickle.dumps(error))
    assert str(copy) == str(error) == "This session is closed: ask the facilitator to reopen it. Hint: Try later."
    assert (copy.message, copy.hint, copy.problems) == (error.message, "Try later.", ())


def test_migrate_adds_request_ids_to_a_version_one_database(engine: Engine) -> None:
    from storage.migrations import migrate

    # Put the database back to the first release: no request_id column, schema version 1.
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP INDEX ix_assessments_request_id")
        connection.exec_driver_sql("ALTER TABLE assessments DROP COLUMN request_id")
        connection.execute(sa.delete(schema_version).where(schema_version.c.version > 1))
    team = create_team(engine, "Org", "Team")
    assert migrate(engine) == len(MIGRATIONS)
    assert _versions(engine) == list(range(1, len(MIGRATIONS) + 1))
    with engine.connect() as connection:
        inspector = sa.inspect(connection)
        assert "request_id" in {c["name"] for c in inspector.get_columns("assessments")}
        assert any(i["name"] == "ix_assessments_request_id" and i["unique"] for i in inspector.get_indexes("assessments"))
        assert connection.exec_driver_sql("SELECT count(*) FROM teams").scalar() == 1
    assert team.id == create_team(engine, "Org", "Team").id


# --- PostgreSQL pool, commit and connection settings -----------------------------------------------

def test_pool_settings_default_to_eight_connections_and_no_overflow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COPRO_DB_POOL_SIZE", raising=False)
    monkeypatch.delenv("COPRO_DB_MAX_OVERFLOW", raising=False)
    assert pool_settings() == (8, 0)


def test_pool_settings_read_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPRO_DB_POOL_SIZE", " 3 ")
    monkeypatch.setenv("COPRO_DB_MAX_OVERFLOW", "2")
    assert pool_settings() == (3, 2)


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("COPRO_DB_POOL_SIZE", "0", "COPRO_DB_POOL_SIZE is '0': expected a whole number of at least 1. "
                                "Hint: Unset it to use the default, 8."),
    ("COPRO_DB_POOL_SIZE", "many", "COPRO_DB_POOL_SIZE is 'many': expected a whole number of at least 1. "
                                   "Hint: Unset it to use the default, 8."),
    ("COPRO_DB_MAX_OVERFLOW", "-1", "COPRO_DB_MAX_OVERFLOW is '-1': expected a whole number of at least 0. "
                                    "Hint: Unset it to use the default, 0."),
])
def test_pool_settings_bad_value_rejected(monkeypatch: pytest.MonkeyPatch, variable: str, value: str,
                                          message: str) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(StorageError) as caught:
        pool_settings()
    assert str(caught.value) == message


def test_synchronous_commit_bad_value_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPRO_DB_SYNCHRONOUS_COMMIT", "sometimes")
    with pytest.raises(StorageError) as caught:
        synchronous_commit()
    assert str(caught.value) == (
        "COPRO_DB_SYNCHRONOUS_COMMIT is 'sometimes': expected one of on, off, local, remote_write, remote_apply. "
        "Hint: Unset it to use the default, on."
    )


def test_make_engine_postgres_pool_and_commit_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPRO_DB_POOL_SIZE", "3")
    monkeypatch.setenv("COPRO_DB_SYNCHRONOUS_COMMIT", "off")
    with pg_schema() as schema:
        engine = pg_engine_in(schema)
        try:
            assert isinstance(engine.pool, sa.pool.QueuePool) and engine.pool.size() == 3
            with engine.connect() as connection:
                assert connection.exec_driver_sql("SHOW synchronous_commit").scalar() == "off"
                assert connection.exec_driver_sql("SHOW search_path").scalar() == schema  # the caller's options kept
        finally:
            engine.dispose()


def test_make_engine_postgres_commits_wait_for_the_disk_by_default(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COPRO_DB_SYNCHRONOUS_COMMIT", raising=False)
    with pg_engine() as engine, engine.connect() as connection:
        assert connection.exec_driver_sql("SHOW synchronous_commit").scalar() == "on"


def test_make_engine_postgres_replaces_a_connection_the_server_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage_db, "PING_AFTER_IDLE_SECONDS", 0.0)  # every reuse counts as idle here
    with pg_engine() as engine:
        create_team(engine, "Org", "Team")
        with engine.connect() as connection:
            pid = connection.exec_driver_sql("SELECT pg_backend_pid()").scalar()
        with sa.create_engine(pg_url(), poolclass=NullPool).connect() as admin:
            admin.exec_driver_sql(f"SELECT pg_terminate_backend({int(pid or 0)})")
        assert [team.name for team in list_teams(engine)] == ["Team"]


# --- Combining concurrent calls ----------------------------------------------------------------------

def test_combiner_runs_the_calls_waiting_meanwhile_as_one_batch() -> None:
    batches: list[list[int]] = []
    first_running, release = threading.Event(), threading.Event()

    def run(engine: object, items: list[int]) -> list[int]:
        batches.append(list(items))
        if len(batches) == 1:
            first_running.set()
            release.wait()
        return [item * 10 for item in items]

    combiner = Combiner(run)
    results: dict[int, int] = {}

    def call(item: int) -> None:
        results[item] = combiner(None, item)  # type: ignore[arg-type]

    first = threading.Thread(target=call, args=(0,))
    first.start()
    first_running.wait()
    others = [threading.Thread(target=call, args=(item,)) for item in range(1, 10)]
    for thread in others:
        thread.start()
    while combiner.waiting() < 9:
        time.sleep(0.001)
    release.set()
    for thread in [first, *others]:
        thread.join()
    assert batches[0] == [0] and sorted(batches[1]) == list(range(1, 10)) and len(batches) == 2
    assert results == {item: item * 10 for item in range(10)}


def test_combiner_failed_batch_gives_every_caller_none() -> None:
    def run(engine: object, items: list[int]) -> list[int]:
        raise RuntimeError("the database went away")

    assert Combiner(run)(None, 1) is None  # type: ignore[arg-type]

def _release_two_engine(url: str, connect_args: dict[str, object] | None = None) -> Engine:
    """An engine on a database laid out exactly as release 2 left it (schema version 2), with a little data."""
    from tests.storage import schema_v2

    engine = sa.create_engine(url, connect_args=connect_args or {})
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", lambda dbapi, _record: dbapi.execute("PRAGMA foreign_keys=ON"))
    schema_v2.metadata.create_all(engine)
    now = schema_v2.utcnow()
    with engine.begin() as connection:
        connection.execute(sa.insert(schema_v2.schema_version), [{"version": 1, "applied_at": now},
                                                                 {"version": 2, "applied_at": now}])
        # Rows one by one without ids, so PostgreSQL's sequences count them (ids 1, 2, 3 on a fresh database).
        for organisation, name in [("Riverside Council", "Day services"), ("Riverside Council", "Home care"),
                                   ("Hillside Trust", "Wards")]:
            connection.execute(sa.insert(schema_v2.teams).values(organisation=organisation, name=name, created_at=now))
        connection.execute(sa.insert(schema_v2.banks).values(
            bank_id="my-bank", version="1.0", title="Mine", yaml_text="x", content_hash="h", builtin=False,
            created_at=now))
        connection.execute(sa.insert(schema_v2.assessments).values(
            team_id=3, bank_row_id=1, title="Spring", mode="self", status="open", join_code="ABCDEFGHJK",
            perspectives=[], threshold=3, created_at=now))
    return engine


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_migrate_release_two_database_gains_organisations_links_and_owned_banks(backend: str, tmp_path: Path) -> None:
    """Issue 11 point 1 and 3: an upgraded database has organisations, secret links and banks per owner."""
    from storage import get_assessment, get_team, list_organisations, save_bank
    from storage.migrations import migrate
    from tests.storage.conftest import make_bank
    from tests.storage.engines import pg_url

    def check(engine: Engine) -> None:
        assert migrate(engine) == len(MIGRATIONS)
        assert _versions(engine) == list(range(1, len(MIGRATIONS) + 1))
        organisations = {o.name: o.id for o in list_organisations(engine)}
        assert sorted(organisations) == ["Hillside Trust", "Riverside Council"]
        teams = [get_team(engine, team_id) for team_id in (1, 2, 3)]
        assert [t.organisation_id for t in teams if t] == [organisations["Riverside Council"]] * 2 + [
            organisations["Hillside Trust"]]
        tokens = [t.link_token for t in teams if t]
        assert all(token and len(token) >= 22 for token in tokens) and len(set(tokens)) == 3
        assessment = get_assessment(engine, 1)
        assert assessment is not None and assessment.link_token and assessment.bank_row_id == 1
        # The old "one bank id and version in the whole database" is gone: each organisation has its own.
        bank = make_bank("my-bank", "1.0")
        first = save_bank(engine, bank, "A's wording", organisation_id=organisations["Riverside Council"])
        second = save_bank(engine, bank, "B's wording", organisation_id=organisations["Hillside Trust"])
        assert first.id != second.id and first.id != 1
        with pytest.raises(StorageError):
            save_bank(engine, bank, "A's other wording", organisation_id=organisations["Riverside Council"])
        # The migration is idempotent: a second start finds nothing to do.
        assert migrate(engine) == len(MIGRATIONS)

    if backend == "sqlite":
        engine = _release_two_engine(f"sqlite:///{tmp_path / 'old.db'}")
        try:
            check(engine)
            with engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        finally:
            engine.dispose()
    else:
        with pg_schema() as schema:
            engine = _release_two_engine(pg_url(), {"options": f"-csearch_path={schema}"})
            try:
                check(engine)
            finally:
                engine.dispose()
