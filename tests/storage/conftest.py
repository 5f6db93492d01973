"""Fixtures: every storage test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from questions.schema import Band, Bank, Level, Perspective, Principle, Scale, Statement
from storage import StoredBank, Team, create_team, save_bank
from tests.storage.engines import pg_engine, sqlite_engine

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A fresh, migrated database of each kind."""
    if request.param == "sqlite":
        created = sqlite_engine(tmp_path)
        yield created
        created.dispose()
    else:
        with pg_engine() as created:
            yield created


def make_bank(bank_id: str = "test-bank", version: str = "1.0", statements_per_principle: int = 2) -> Bank:
    """A small bank built directly, so these tests need no YAML loader."""
    levels = tuple(Level(value, f"Level {value}", "") for value in range(5))
    scale = Scale(levels=levels, dont_know_label="Don't know", bands=(Band(0, "Starting", ""), Band(50, "Good", "")))
    principles = tuple(
        Principle(
            id=pid,
            name=pid.title(),
            definition="",
            guidance="",
            statements=tuple(
                Statement(id=f"{pid}-{n}", principle_id=pid, from_text="From", to_text="To")
                for n in range(1, statements_per_principle + 1)
            ),
        )
        for pid in ("assets", "reciprocity")
    )
    perspectives = (Perspective("staff", "Staff"), Perspective("carers", "Carers"))
    return Bank(bank_id, "Test bank", version, "en", "", scale, principles, perspectives)


@pytest.fixture
def bank() -> Bank:
    """The test bank."""
    return make_bank()


@pytest.fixture
def stored_bank(engine: Engine, bank: Bank) -> StoredBank:
    """The test bank saved in the database."""
    return save_bank(engine, bank, "id: test-bank\nversion: '1.0'\n")


@pytest.fixture
def team(engine: Engine) -> Team:
    """A team to hang assessments on."""
    return create_team(engine, "Test Council", "Adult social care")
