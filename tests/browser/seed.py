"""Test data written straight through storage, for tests whose subject is not how it was created."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.engine import Engine

import storage

QUICK_ID = "coproduction-quick"


def engine_for(db_path: Path) -> Engine:
    """An engine on the test server's SQLite file, with the built-in banks stored as the app does."""
    engine = storage.make_engine(f"sqlite:///{db_path}")
    storage.install_builtin_banks(engine)
    return engine


@contextmanager
def opened(db_path: Path) -> Iterator[Engine]:
    """An engine on the test server's database for the length of a with-block."""
    engine = engine_for(db_path)
    try:
        yield engine
    finally:
        engine.dispose()


def quick_bank_row(engine: Engine) -> int:
    """The stored row id of the built-in quick bank."""
    rows = [b for b in storage.list_banks(engine) if b.bank_id == QUICK_ID and b.builtin]
    assert rows, "the quick bank is not stored"
    return rows[-1].id


def seed_workshop(engine: Engine, team_name: str, threshold: int = 3) -> tuple[storage.Assessment, str]:
    """A team with one open workshop on the quick bank; returns it and the facilitator key."""
    team = storage.create_team(engine, "Seeded Council", team_name)
    bank = storage.load_bank_version(engine, quick_bank_row(engine))
    perspectives = tuple(p.id for p in bank.perspectives)
    return storage.create_workshop(engine, team.id, quick_bank_row(engine), f"{team_name} workshop", perspectives, threshold)


def seed_self_assessment(engine: Engine, team_name: str, levels: list[int | None]) -> storage.Assessment:
    """A team with a self-assessment (threshold 1) that one respondent answered and sent."""
    team = storage.create_team(engine, "Seeded Council", team_name)
    assessment = storage.create_assessment(engine, team.id, quick_bank_row(engine), f"{team_name} check", mode="self", threshold=1)
    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    respondent = storage.join(engine, assessment.id, "staff")
    for statement, level in zip(bank.statements, levels, strict=True):
        storage.save_answer(engine, respondent.id, statement.id, level, 4 if level is not None else None, "")
    storage.submit(engine, respondent.id)
    return assessment


def send_responses(engine: Engine, workshop: storage.Assessment, levels: dict[str, int]) -> None:
    """One sent response per perspective, every statement at that perspective's level."""
    bank = storage.load_bank_version(engine, workshop.bank_row_id)
    for perspective, level in levels.items():
        answers = {s.id: storage.Answer(s.id, level, None, "") for s in bank.statements}
        storage.submit_response(engine, workshop.id, perspective, answers, f"seed-{workshop.id}-{perspective}")


def team_link(db_path: Path, team_id: int) -> str:
    """The secret of a team's link (?team=), which gives a browser the team in open mode."""
    with opened(db_path) as engine:
        team = storage.get_team(engine, team_id)
    assert team is not None and team.link_token
    return team.link_token


def seed_full_results(engine: Engine, team_name: str, people: int = 9, rounds: int = 2) -> storage.Assessment:
    """A team with `rounds` self-assessments on the full bank (36 statements), the last one returned.

    Each has `people` sent responses spread over three perspectives (threshold 3, so each perspective
    shows on its own), so the results page draws every chart: radar, perspectives, statements and trend.
    """
    import random

    team = storage.create_team(engine, "Seeded Council", team_name)
    row = next(b.id for b in storage.list_banks(engine) if b.bank_id == "coproduction-full" and b.builtin)
    bank = storage.load_bank_version(engine, row)
    perspectives = ("staff", "carers", "managers")
    rng = random.Random(12)
    latest: storage.Assessment | None = None
    for number in range(rounds):
        latest = storage.create_assessment(engine, team.id, row, f"{team_name} round {number + 1}", mode="self",
                                           perspectives=perspectives, threshold=3)
        for person in range(people):
            answers = {s.id: storage.Answer(s.id, rng.choice([0, 1, 2, 2, 3, 3, 4, None]), rng.choice([3, 4]), "")
                       for s in bank.statements}
            storage.submit_response(engine, latest.id, perspectives[person % 3], answers,
                                    f"full-{latest.id}-{person}")
    assert latest is not None
    return latest
