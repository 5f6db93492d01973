"""Schema migrations: ordered functions, applied once each, recorded in schema_version."""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from storage import codes, tables
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


def _columns(connection: Connection, table: str) -> set[str]:
    """The column names a table has now."""
    return {column["name"] for column in sa.inspect(connection).get_columns(table)}


def _add_column(connection: Connection, table: str, name: str, ddl: str) -> None:
    """ALTER TABLE ... ADD COLUMN, unless the column is there (a database made by this release)."""
    if name not in _columns(connection, table):
        connection.execute(sa.text(f"ALTER TABLE {table} ADD COLUMN {name} {ddl}"))


def _fill_link_tokens(connection: Connection, table: sa.Table) -> None:
    """Give every row without a link secret a fresh one."""
    missing = connection.execute(sa.select(table.c.id).where(table.c.link_token.is_(None))).scalars().all()
    for row_id in missing:
        connection.execute(sa.update(table).where(table.c.id == row_id).values(link_token=codes.new_link_token()))


def _create_indexes(connection: Connection, table: sa.Table) -> None:
    """Every index of a table, skipping those that exist (IF NOT EXISTS: reflection skips expression indexes)."""
    for index in table.indexes:
        connection.execute(sa.schema.CreateIndex(index, if_not_exists=True))


def _has_old_bank_constraint(connection: Connection) -> bool:
    """Whether banks still has release 2's UNIQUE (bank_id, version) (not reflected: expression indexes warn)."""
    if connection.dialect.name == "postgresql":
        found = connection.execute(sa.text(
            "SELECT 1 FROM pg_constraint WHERE conname = 'uq_banks_bank_id_version' AND conrelid = 'banks'::regclass"
        )).first()
        return found is not None
    sql = connection.exec_driver_sql("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'banks'").scalar()
    return "uq_banks_bank_id_version" in str(sql or "")


def _owned_banks(connection: Connection) -> None:
    """Banks get an owner; one version of a bank id per owner instead of one in the whole database."""
    old_unique = _has_old_bank_constraint(connection)
    if old_unique and connection.dialect.name == "postgresql":
        _add_column(connection, "banks", "organisation_id",
                    "INTEGER REFERENCES organisations(id) ON DELETE CASCADE")
        connection.execute(sa.text("ALTER TABLE banks DROP CONSTRAINT IF EXISTS uq_banks_bank_id_version"))
    elif old_unique:
        # SQLite cannot drop a constraint: copy the table under a new name, drop the old one, rename
        # (SQLite's documented procedure, with foreign keys off: see migrate). The assessments' foreign
        # key names "banks", so it points at the copy once the copy has that name.
        columns = ", ".join(c.name for c in tables.banks.c if c.name != "organisation_id")
        create = str(sa.schema.CreateTable(tables.banks).compile(dialect=connection.dialect))
        connection.exec_driver_sql(create.replace("CREATE TABLE banks ", "CREATE TABLE banks_with_owners ", 1))
        connection.exec_driver_sql(
            f"INSERT INTO banks_with_owners ({columns}) SELECT {columns} FROM banks ORDER BY id")
        connection.exec_driver_sql("DROP TABLE banks")
        connection.exec_driver_sql("ALTER TABLE banks_with_owners RENAME TO banks")
    _create_indexes(connection, tables.banks)


def _add_organisations_and_access(connection: Connection) -> None:
    """Version 3 (issue 11): organisations, roles, device grants, sign-ins, the audit log, secret links."""
    for table in (tables.organisations, tables.memberships, tables.device_grants, tables.sign_ins,
                  tables.audit_log):
        table.create(connection, checkfirst=True)
    _add_column(connection, "teams", "organisation_id", "INTEGER REFERENCES organisations(id)")
    _add_column(connection, "teams", "link_token", "VARCHAR(64)")
    _add_column(connection, "assessments", "link_token", "VARCHAR(64)")
    t, o = tables.teams, tables.organisations
    # Each organisation name typed so far becomes an organisation, and its teams point at it.
    names = connection.execute(
        sa.select(t.c.organisation).where(t.c.organisation_id.is_(None)).distinct()).scalars().all()
    for name in names:
        found = connection.execute(sa.select(o.c.id).where(o.c.name == name)).scalar()
        if found is None:
            found = connection.execute(
                sa.insert(o).values(name=name, created_at=tables.utcnow()).returning(o.c.id)).scalar_one()
        connection.execute(sa.update(t).where(t.c.organisation == name, t.c.organisation_id.is_(None))
                           .values(organisation_id=found))
    _fill_link_tokens(connection, t)
    _fill_link_tokens(connection, tables.assessments)
    for table in (tables.teams, tables.assessments, tables.memberships):
        _create_indexes(connection, table)
    _owned_banks(connection)


def _add_retention(connection: Connection) -> None:
    """Retention (issue 11 point 6): a period per organisation, the scores kept of purged sessions, run times."""
    # ALTER TABLE cannot add a CHECK on SQLite; the column is checked where it is written (storage/retention.py).
    _add_column(connection, "organisations", "retention_days", "INTEGER")
    for table in (tables.session_snapshots, tables.scheduled_runs):
        table.create(connection, checkfirst=True)


def _add_presenter_state(connection: Connection) -> None:
    """Presenter mode (issue 12): what the projector shows and the statement under discussion, per workshop."""
    tables.presenter_state.create(connection, checkfirst=True)


def _add_response_source(connection: Connection) -> None:
    """Paper answers (issue 12 point 8): whether a response was given online or typed in from paper."""
    # ALTER TABLE cannot add a CHECK on SQLite; storage writes only ResponseSource values.
    _add_column(connection, "respondents", "source", "VARCHAR(20) NOT NULL DEFAULT 'online'")


# Append new steps; never edit or reorder a released one.
MIGRATIONS: tuple[Callable[[Connection], None], ...] = (
    _create_tables, _add_request_ids, _add_organisations_and_access, _add_retention, _add_presenter_state,
    _add_response_source,
)


def current_version(connection: Connection) -> int:
    """The highest migration applied (0 on an empty database)."""
    found = connection.execute(sa.select(sa.func.max(tables.schema_version.c.version))).scalar()
    return int(found or 0)


def _apply(connection: Connection) -> None:
    """Every pending step, inside the caller's transaction."""
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
    if connection.dialect.name == "sqlite":
        # Foreign keys are off while SQLite copies a table (see migrate): check them all before committing.
        broken = connection.exec_driver_sql("PRAGMA foreign_key_check").all()
        if broken:
            raise StorageError(f"The upgrade would break {len(broken)} links between tables: nothing was changed.")


def migrate(engine: Engine) -> int:
    """Apply every pending migration in one transaction; safe when two processes start at once."""
    # On SQLite the write transaction starts with BEGIN IMMEDIATE, which already serialises
    # two starting processes; PostgreSQL needs the advisory lock (DDL races on the catalog).
    with engine.connect() as connection:
        driver = connection.connection.driver_connection if connection.dialect.name == "sqlite" else None
        if driver is not None:
            # SQLite's way to copy a table that others point at: foreign keys off outside the transaction
            # (the pragma does nothing inside one), a full check before commit, back on afterwards.
            driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                _apply(connection)
        finally:
            if driver is not None:
                driver.execute("PRAGMA foreign_keys=ON")
    return len(MIGRATIONS)
