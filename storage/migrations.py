"""Schema migrations: ordered functions, applied once each, recorded in schema_version."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from storage import tables
from storage.errors import StorageError

# Any fixed number: all processes migrating a PostgreSQL database queue on this lock.
ADVISORY_LOCK_ID = 7_406_221_301


def _create_tables(connection: Connection) -> None:
    """Version 1: every table of the first release."""
    first = [t for t in tables.metadata.sorted_tables if t.name != "schema_version"]
    tables.metadata.create_all(connection, tables=first, checkfirst=True)


def _add_request_ids(connection: Connection) -> None:
    """Version 2: assessments.request_id (unique), so a repeated "Create" makes one assessment."""
    # A database made by this release already has it (version 1 creates today's tables).
    columns = {column["name"] for column in sa.inspect(connection).get_columns("assessments")}
    if "request_id" not in columns:
        connection.execute(sa.text("ALTER TABLE assessments ADD COLUMN request_id VARCHAR(64)"))
    index = next(i for i in tables.assessments.indexes if i.name == "ix_assessments_request_id")
    index.create(connection, checkfirst=True)


# Append new steps; never edit or reorder a released one.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_create_tables, _add_request_ids)


def current_version(connection: Connection) -> int:
    """The highest migration applied (0 on an empty database)."""
    found = connection.execute(sa.select(sa.func.max(tables.schema_version.c.version))).scalar()
    return int(found or 0)


def migrate(engine: Engine) -> int:
    """Apply every pending migration in one transaction; safe when two processes start at once."""
    # On SQLite the write transaction starts with BEGIN IMMEDIATE, which already serialises
    # two starting processes; PostgreSQL needs the advisory lock (DDL races on the catalog).
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(sa.select(sa.func.pg_advisory_xact_lock(ADVISORY_LOCK_ID)))
        tables.schema_version.create(connection, checkfirst=True)
        version = current_version(connection)
        if version > len(MIGRATIONS):
            raise StorageError(
                f"The database is at schema version {version}, newer than this app knows ({len(MIGRATIONS)}).",
                hint="Upgrade the app before using this database.",
            )
        for number, step in enumerate(MIGRATIONS, start=1):
            if number > version:
                step(connection)
                connection.execute(sa.insert(tables.schema_version).values(version=number, applied_at=tables.utcnow()))
    return len(MIGRATIONS)
