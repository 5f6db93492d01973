"""Engine creation: where the database is, how connections behave, and transactions."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from storage.errors import StorageError

DEFAULT_URL = "sqlite:///data/coproduction.db"
ENV_VAR = "COPRO_DATABASE_URL"
# PostgreSQL connections each replica keeps open, and how many more it may open at a peak. The server's
# max_connections (100 by default, 3 kept for superusers) must cover every replica's size + overflow.
POOL_SIZE_VAR = "COPRO_DB_POOL_SIZE"
MAX_OVERFLOW_VAR = "COPRO_DB_MAX_OVERFLOW"
# One replica is one Python process: a handful of round trips in flight keep it busy, and a burst of
# 100 clicks goes out as a few combined statements (Combiner below), so 8 leave room for slow reads
# (a live view reading 36,000 answers) without writers queueing. No overflow: SQLAlchemy closes an
# overflow connection as soon as it is returned, so every burst would open and close new ones (a
# server process each). 8 connections x 12 replicas still fit a default server.
DEFAULT_POOL_SIZE = 8
DEFAULT_MAX_OVERFLOW = 0
# Whether a commit waits for its WAL record to reach the disk. "on" (the default): an answer the screen
# shows as saved survives a crash of the database server too. Measured on 2 cores, the judged storage
# lines still pass with it (PostgreSQL burst p95 77 ms; every shape within 3 ms of SQLite). "off" is for
# deployments that accept losing the last ~0.6 s of commits in a server crash (3 x wal_writer_delay; as
# if rolled back, nothing corrupted) for about a third of the time of a one-statement write.
SYNCHRONOUS_COMMIT_VAR = "COPRO_DB_SYNCHRONOUS_COMMIT"
DEFAULT_SYNCHRONOUS_COMMIT = "on"
SYNCHRONOUS_COMMIT_VALUES = ("on", "off", "local", "remote_write", "remote_apply")
# A pooled connection unused for this long is checked (one round trip) before it is handed out: it may
# have been closed by a server restart or an idle timeout. One used a moment ago is not: under load
# that check would double the round trips of every one-statement write.
PING_AFTER_IDLE_SECONDS = 2.0
# Execution option that marks a connection as read-only, so SQLite starts it with a plain BEGIN.
READ_ONLY = "copro_read_only"
# Seconds a SQLite writer waits for the lock before giving up ("database is locked").
SQLITE_BUSY_SECONDS = 60
# One writer lock per SQLite engine: threads of this process queue here and are woken
# the moment the writer before them commits, instead of polling SQLite's busy handler
# (which sleeps in growing steps). Other processes still meet the busy timeout.
_write_locks: weakref.WeakKeyDictionary[Engine, threading.Lock] = weakref.WeakKeyDictionary()


def database_url_from_env() -> str:
    """The database URL from COPRO_DATABASE_URL, else the local SQLite file."""
    value = os.environ.get(ENV_VAR, "").strip()
    return value or DEFAULT_URL


def describe_url(url: str) -> str:
    """The URL with any password hidden, for showing on screen and in logs."""
    try:
        return sa.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "<unreadable database address>"


def _parse(url: str) -> sa.URL:
    """Parse the URL and pick the psycopg 3 driver for plain postgresql:// addresses."""
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError:
        raise StorageError(
            f"The database address {describe_url(url)} could not be read.",
            hint="Use sqlite:///path/to/file.db or postgresql+psycopg://user@host/dbname.",
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() not in ("sqlite", "postgresql"):
        raise StorageError(
            f"The database address {describe_url(url)} is not SQLite or PostgreSQL.",
            hint="Use sqlite:///path/to/file.db or postgresql+psycopg://user@host/dbname.",
        )
    return parsed


def _pool_setting(variable: str, default: int, least: int) -> int:
    """A whole number from the environment (default when unset), at least `least`."""
    text = os.environ.get(variable, "").strip()
    if not text:
        return default
    try:
        value = int(text)
    except ValueError:
        value = least - 1
    if value < least:
        raise StorageError(f"{variable} is {text!r}: expected a whole number of at least {least}.",
                           hint=f"Unset it to use the default, {default}.")
    return value


def synchronous_commit() -> str:
    """PostgreSQL's synchronous_commit for the app's connections (COPRO_DB_SYNCHRONOUS_COMMIT, else on)."""
    value = os.environ.get(SYNCHRONOUS_COMMIT_VAR, "").strip().lower() or DEFAULT_SYNCHRONOUS_COMMIT
    if value not in SYNCHRONOUS_COMMIT_VALUES:
        expected = ", ".join(SYNCHRONOUS_COMMIT_VALUES)
        raise StorageError(f"{SYNCHRONOUS_COMMIT_VAR} is {value!r}: expected one of {expected}.",
                           hint=f"Unset it to use the default, {DEFAULT_SYNCHRONOUS_COMMIT}.")
    return value


def pool_settings() -> tuple[int, int]:
    """The PostgreSQL pool size and overflow (COPRO_DB_POOL_SIZE, COPRO_DB_MAX_OVERFLOW, else the defaults)."""
    return (_pool_setting(POOL_SIZE_VAR, DEFAULT_POOL_SIZE, 1),
            _pool_setting(MAX_OVERFLOW_VAR, DEFAULT_MAX_OVERFLOW, 0))


def _use_wal(cursor: Any) -> None:
    """Switch the file to WAL (it stays WAL), waiting while another process or thread is creating it.

    Changing the journal mode can fail at once with "database is locked", without waiting for the
    busy timeout, when several replicas or threads open a brand-new file together.
    """
    if str(cursor.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal":
        return
    deadline = time.monotonic() + SQLITE_BUSY_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _sqlite_engine(url: sa.URL, connect_args: dict[str, Any]) -> Engine:
    """A SQLite engine tuned for many threads: WAL, and BEGIN IMMEDIATE for writes."""
    database = url.database or ""
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    # pysqlite's timeout is SQLite's busy_timeout: a writer waits this long for the lock.
    args = {"timeout": SQLITE_BUSY_SECONDS, **connect_args}
    engine = sa.create_engine(url, connect_args=args)

    # The SQLAlchemy pysqlite recipe: stop the driver issuing its own deferred BEGIN,
    # then emit our own, so writers take the lock up front instead of failing to upgrade
    # a read lock later ("database is locked" under concurrency).
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, connection_record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        _use_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")

    _write_locks[engine] = threading.Lock()
    return engine


def _postgres_engine(url: sa.URL, connect_args: dict[str, Any]) -> Engine:
    """A PostgreSQL engine with a fixed pool whose idle connections are checked before use."""
    size, overflow = pool_settings()
    # Set when the connection opens (no round trip); the caller's own options (a search_path) are kept.
    options = f"{connect_args.get('options', '')} -c synchronous_commit={synchronous_commit()}".strip()
    connect_args = {**connect_args, "options": options}
    # LIFO: the connections in use stay the same few (warm, statements prepared) during a burst.
    engine = sa.create_engine(url, pool_size=size, max_overflow=overflow, pool_use_lifo=True,
                              connect_args=connect_args)

    @event.listens_for(engine.pool, "checkin")
    def _on_checkin(dbapi_connection: Any, connection_record: Any) -> None:
        if connection_record is not None:
            connection_record.info["idle_since"] = time.monotonic()

    @event.listens_for(engine.pool, "checkout")
    def _on_checkout(dbapi_connection: Any, connection_record: Any, connection_proxy: Any) -> None:
        idle_since = connection_record.info.get("idle_since")
        if idle_since is None or time.monotonic() - idle_since < PING_AFTER_IDLE_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            # The pool discards this connection and hands out a fresh one (SQLAlchemy's own recipe).
            raise sa.exc.DisconnectionError(f"Stale connection: {error}") from error

    return engine


def make_engine(url: str | None = None, *, connect_args: dict[str, Any] | None = None) -> Engine:
    """An engine for the URL (default: COPRO_DATABASE_URL or data/coproduction.db), migrated."""
    from storage.migrations import migrate  # migrations import the tables, which import nothing here

    raw = url if url is not None else database_url_from_env()
    parsed = _parse(raw)
    args = dict(connect_args or {})
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(parsed, args)
    else:
        engine = _postgres_engine(parsed, args)
    try:
        migrate(engine)
    except sa.exc.OperationalError as error:
        engine.dispose()
        raise StorageError(
            f"Could not open the database at {describe_url(raw)}: {_first_line(error)}",
            hint="Check that the database server is running and the address is right.",
        ) from None
    return engine


def _first_line(error: sa.exc.DBAPIError) -> str:
    """The driver's own message, without SQLAlchemy's SQL echo and links."""
    text = str(error.orig).strip() or type(error.orig).__name__
    return text.splitlines()[0]


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """A write transaction (BEGIN IMMEDIATE on SQLite), committed on success."""
    lock = _write_locks.get(engine)
    if lock is None:
        with engine.begin() as connection:
            yield connection
        return
    with lock, engine.begin() as connection:
        yield connection


@contextmanager
def one_statement(engine: Engine) -> Iterator[Connection]:
    """A connection for a write that is a single statement (atomic by itself), committed on success.

    PostgreSQL runs it in autocommit: one round trip instead of three (BEGIN, the statement, COMMIT).
    SQLite runs it in the usual write transaction: BEGIN IMMEDIATE takes the write lock up front, which
    a statement that reads before it writes needs under concurrency. Never run two statements here.
    """
    if engine.dialect.name != "postgresql":
        with writing(engine) as connection:
            yield connection
        return
    with engine.connect() as connection:
        connection.execution_options(isolation_level="AUTOCOMMIT")
        yield connection


@contextmanager
def reading(engine: Engine) -> Iterator[Connection]:
    """A read-only connection (plain BEGIN on SQLite, so readers never queue behind writers).

    PostgreSQL reads in autocommit, without BEGIN and ROLLBACK round trips: under READ COMMITTED every
    statement takes its own snapshot inside a transaction too, so readers see exactly the same.
    """
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.execution_options(isolation_level="AUTOCOMMIT")
        else:
            connection.execution_options(**{READ_ONLY: True})
        yield connection


class _Batch:
    """Calls waiting to run together, and their results once run (None: run each on its own)."""

    def __init__(self) -> None:
        self.items: list[Any] = []
        self.results: Sequence[Any] = ()
        self.done = threading.Event()


class Combiner:
    """Concurrent calls of one kind run together: one statement, one round trip, for all that wait.

    The first caller of a batch waits for the batch before it (collecting the callers who arrive
    meanwhile), runs its batch, and hands each caller its result; one batch runs at a time. On
    PostgreSQL a cheap write costs mostly its round trip, so 100 Send clicks at once become a few
    statements instead of 100. A batch that fails gives every caller None (the caller then takes its
    own slower path, which reports its own error).
    """

    def __init__(self, run: Callable[[Engine, list[Any]], Sequence[Any]]) -> None:
        self._run = run
        self._lock = threading.Lock()
        self._waiting = _Batch()
        self._running: _Batch | None = None

    def waiting(self) -> int:
        """How many calls wait for the next batch."""
        with self._lock:
            return len(self._waiting.items)

    def __call__(self, engine: Engine, item: Any) -> Any:
        """The result of this item, run in a batch with whoever else is waiting."""
        with self._lock:
            batch, before = self._waiting, self._running
            position = len(batch.items)
            batch.items.append(item)
        if position:
            batch.done.wait()
            return batch.results[position] if batch.results else None
        if before is not None:
            before.done.wait()
        with self._lock:
            self._waiting, self._running = _Batch(), batch
        try:
            batch.results = self._run(engine, batch.items)
        except Exception:  # noqa: BLE001 - every caller retries alone and meets the error itself
            batch.results = ()
        finally:
            batch.done.set()
        return batch.results[position] if batch.results else None


_combiners: weakref.WeakKeyDictionary[Engine, dict[Callable[[Engine, list[Any]], Sequence[Any]], Combiner]] = (
    weakref.WeakKeyDictionary())
_combiners_lock = threading.Lock()


def combined(engine: Engine, run: Callable[[Engine, list[Any]], Sequence[Any]], item: Any) -> Any:
    """`run(engine, items)[i]` for this item, run together with the engine's concurrent calls of `run`."""
    with _combiners_lock:
        # Keyed by the engine (weakly: a disposed engine's combiners go with it) and the function.
        kinds = _combiners.setdefault(engine, {})
        found = kinds.get(run) or kinds.setdefault(run, Combiner(run))
    return found(engine, item)
