"""AppTest fixtures: a fresh SQLite database per test and a way to open a page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

import storage
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


def open_page(page: str | None = None, session: dict[str, Any] | None = None, **params: str) -> AppTest:
    """Run app.py, switch to a page with query parameters, and return the finished run."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in (session or {}).items():
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
