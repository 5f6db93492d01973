"""AppTest fixtures: a fresh SQLite database per test and a way to open a page."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

import storage
from domain.vocabulary import GrantKind
from questions.loader import load_builtin

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """The database the app under test will open (via COPRO_DATABASE_URL)."""
    url = f"sqlite:///{tmp_path / 'app.db'}"
    monkeypatch.setenv("COPRO_DATABASE_URL", url)
    engine = storage.make_engine(url)
    storage.install_builtin_banks(engine)
    yield engine
    engine.dispose()


# The browser of the page tests: a device id as its cookie would carry (ui/identity.py).
DEVICE = "views-test-browser-0123456789abcdef"


def hold_team(team_id: int, device: str = DEVICE) -> None:
    """Open mode: this test browser holds the team, as if it had created it or opened its link."""
    held = storage.make_engine(os.environ["COPRO_DATABASE_URL"])
    try:
        storage.add_grant(held, storage.digest(device), GrantKind.TEAM, team_id, dt.timedelta(days=1))
    finally:
        held.dispose()


def open_page(page: str | None = None, session: dict[str, Any] | None = None, holder: bool = True,
              **params: str) -> AppTest:
    """Run app.py, switch to a page with query parameters, and return the finished run.

    With `holder` (the usual case) the browser holds the team of the session named by ?a=<id>, as the
    browser that created it would; holder=False is a fresh browser that was given nothing.
    """
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    session = {"copro_device_id": DEVICE, **(session or {})}
    if holder and params.get("a", "").isdigit():
        held = storage.make_engine(os.environ["COPRO_DATABASE_URL"])
        try:
            assessment = storage.get_assessment(held, int(params["a"]))
        finally:
            held.dispose()
        if assessment is not None:
            hold_team(assessment.team_id, session["copro_device_id"])
    if holder and params.get("team", "").isdigit():
        # Pages name a team by its link secret; a test names it by id and holds it.
        held = storage.make_engine(os.environ["COPRO_DATABASE_URL"])
        try:
            team = storage.get_team(held, int(params["team"]))
        finally:
            held.dispose()
        if team is not None and team.link_token:
            hold_team(team.id, session["copro_device_id"])
            params = {**params, "team": team.link_token}
    for name, value in session.items():
        at.session_state[name] = value
    at.run()
    if page is not None:
        at.switch_page(page)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def bank_row(engine: Engine, bank_id: str) -> int:
    """Row id of a built-in bank."""
    return next(b.id for b in storage.list_banks(engine) if b.bank_id == bank_id)


def seed_answers(
    engine: Engine, assessment: storage.Assessment, bank_id: str, people: int, seed: int = 1, perspective: str | None = None
) -> None:
    """`people` sent responses with varied answers, from one perspective."""
    bank = load_builtin(bank_id)
    rng = np.random.default_rng(seed)
    perspectives = assessment.perspectives or tuple(p.id for p in bank.perspectives)
    for i in range(people):
        answers = {
            s.id: storage.Answer(s.id, int(rng.integers(0, 5)), 4, "") for s in bank.statements
        }
        storage.submit_response(engine, assessment.id, perspective or perspectives[0], answers, f"seed-{seed}-{i}")
