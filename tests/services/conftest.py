"""A fresh SQLite database with the built-in banks, and helpers to fill it, for the glue tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

import storage
from tests.storage.engines import pg_engine, sqlite_engine


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    """A migrated SQLite database holding the built-in banks."""
    engine = sqlite_engine(tmp_path)
    storage.install_builtin_banks(engine)
    yield engine
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A fresh database with the built-in banks, of each kind."""
    if request.param == "sqlite":
        made = sqlite_engine(tmp_path)
        storage.install_builtin_banks(made)
        yield made
        made.dispose()
    else:
        with pg_engine() as made:
            storage.install_builtin_banks(made)
            yield made


def quick_row(engine: Engine) -> int:
    """The stored row id of the built-in quick bank."""
    return next(b.id for b in storage.list_banks(engine) if b.bank_id == "coproduction-quick")


def send(engine: Engine, assessment: storage.Assessment, perspective: str, level: int, token: str) -> None:
    """One sent response giving `level` to every statement."""
    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    answers = {s.id: storage.Answer(s.id, level, None, "") for s in bank.statements}
    storage.submit_response(engine, assessment.id, perspective, answers, token)
