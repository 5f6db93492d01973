"""Reusable database engines for tests: a SQLite file, or a throw-away PostgreSQL schema."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

from storage import describe_url, make_engine

DEFAULT_PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def pg_url() -> str:
    """The PostgreSQL test server (COPRO_TEST_PG_URL or the local default)."""
    return os.environ.get("COPRO_TEST_PG_URL", "").strip() or DEFAULT_PG_URL


def sqlite_engine(tmp_path: Path) -> Engine:
    """A migrated engine on a fresh SQLite file inside tmp_path."""
    return make_engine(f"sqlite:///{tmp_path / 'test.db'}")


@contextmanager
def pg_schema() -> Iterator[str]:
    """A fresh, empty PostgreSQL schema, dropped with everything in it afterwards."""
    schema = f"t_{secrets.token_hex(6)}"
    admin = sa.create_engine(pg_url(), poolclass=NullPool)
    try:
        with admin.begin() as connection:
            connection.execute(sa.schema.CreateSchema(schema))
    except sa.exc.OperationalError as error:
        admin.dispose()
        # Fail, never skip: a green run must mean PostgreSQL was really tested.
        pytest.fail(
            f"PostgreSQL is unreachable at {describe_url(pg_url())}: {str(error.orig).splitlines()[0]}. "
            "Start it, or point COPRO_TEST_PG_URL at a server.",
            pytrace=False,
        )
    try:
        yield schema
    finally:
        with admin.begin() as connection:
            connection.execute(sa.schema.DropSchema(schema, cascade=True))
        admin.dispose()


def pg_engine_in(schema: str) -> Engine:
    """A migrated engine whose tables live in the given schema."""
    return make_engine(pg_url(), connect_args={"options": f"-csearch_path={schema}"})


@contextmanager
def pg_engine() -> Iterator[Engine]:
    """A migrated engine on a fresh PostgreSQL schema, dropped afterwards."""
    with pg_schema() as schema:
        engine = pg_engine_in(schema)
        try:
            yield engine
        finally:
            engine.dispose()
