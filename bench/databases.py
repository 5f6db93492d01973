"""The two databases the storage benchmark compares, each opened as the app opens it, with a workshop per run."""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

import storage
from domain.records import Answer, Assessment
from questions.schema import Bank

PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


class Setup:
    """A bank and team stored once per database; each run gets its own workshop session."""

    def __init__(self, engine: Engine, bank: Bank, yaml_text: str) -> None:
        self.engine, self.bank = engine, bank
        self.bank_row = storage.save_bank(engine, bank, yaml_text, builtin=True).id
        self.team = storage.create_team(engine, "Bench Council", "Bench team").id
        self.answers = {s.id: Answer(s.id, 2, 3, "a comment") for s in bank.statements}
        self.runs = 0

    def workshop(self) -> Assessment:
        """A fresh open workshop session."""
        self.runs += 1
        return storage.create_assessment(self.engine, self.team, self.bank_row, f"Bench {self.runs}", "workshop",
                                         ("staff",))

    def check(self, workshop: Assessment, participants: int) -> None:
        """Every participant stored exactly once, every one sent with every answer."""
        found = storage.progress(self.engine, workshop.id)
        if found != (participants, participants):
            raise RuntimeError(f"expected {participants} joined and sent, found {found}")
        expected = participants * len(self.bank.statements)
        answers = len(storage.responses_frame(self.engine, workshop.id, submitted_only=True))
        if answers != expected:
            raise RuntimeError(f"expected {expected} answers, found {answers}")


@contextmanager
def sqlite_setup(bank: Bank, yaml_text: str) -> Iterator[Setup]:
    """The app's SQLite engine (make_engine) on a fresh file."""
    with tempfile.TemporaryDirectory() as folder:
        engine = storage.make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            yield Setup(engine, bank, yaml_text)
        finally:
            engine.dispose()


def postgres_unreachable(url: str = PG_URL) -> str | None:
    """Why no PostgreSQL server answers at the URL, or None when one does."""
    probe = sa.create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 3})
    try:
        with probe.connect():
            return None
    except sa.exc.OperationalError as error:
        reason = str(error.orig).strip().splitlines()[0] if str(error.orig).strip() else type(error.orig).__name__
        return f"PostgreSQL not reachable at {storage.describe_url(url)}: {reason}"
    finally:
        probe.dispose()


@contextmanager
def postgres_setup(bank: Bank, yaml_text: str, url: str = PG_URL) -> Iterator[Setup]:
    """The app's PostgreSQL engine (make_engine, with its pool defaults) on a throw-away schema."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(url, poolclass=NullPool, connect_args={"connect_timeout": 3})
    try:
        with admin.begin() as connection:
            connection.execute(sa.schema.CreateSchema(schema))
        try:
            engine = storage.make_engine(url, connect_args={"options": f"-csearch_path={schema}"})
            try:
                yield Setup(engine, bank, yaml_text)
            finally:
                engine.dispose()
        finally:
            with admin.begin() as connection:
                connection.execute(sa.schema.DropSchema(schema, cascade=True))
    finally:
        admin.dispose()
