"""Engine creation: where the database is, how connections behave, and transactions."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine

from storage.errors import StorageError

DEFAULT_URL = "sqlite:///data/coproduction.db"
ENV_VAR = "COPRO_DATABASE_URL"
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


def make_engine(url: str | None = None, *, connect_args: dict[str, Any] | None = None) -> Engine:
    """An engine for the URL (default: COPRO_DATABASE_URL or data/coproduction.db), migrated."""
    from storage.migrations import migrate  # migrations import the tables, which import nothing here

    raw = url if url is not None else database_url_from_env()
    parsed = _parse(raw)
    args = dict(connect_args or {})
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(parsed, args)
    else:
        engine = sa.create_engine(parsed, pool_pre_ping=True, connect_args=args)
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
def reading(engine: Engine) -> Iterator[Connection]:
    """A read-only connection (plain BEGIN on SQLite, so readers never queue behind writers)."""
    with engine.connect() as connection:
        connection.execution_options(**{READ_ONLY: True})
        yield connection
