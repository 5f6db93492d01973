"""The facilitator benchmark times the live panel's own call on a seeded workshop."""

from __future__ import annotations

from pathlib import Path

import storage
from bench.bench_facilitator import check, refresh, seed
from questions.loader import builtin_bank_paths, load_bank


def test_refresh_of_a_seeded_workshop_shows_every_chart(tmp_path: Path) -> None:
    path = builtin_bank_paths()["coproduction-full"]
    bank = load_bank(path)
    engine = storage.make_engine(f"sqlite:///{tmp_path / 'bench.db'}")
    try:
        row = storage.save_bank(engine, bank, path.read_text(encoding="utf-8"), builtin=True)
        workshop = seed(engine, row.id, bank, 30)
        live = refresh(engine, workshop, bank)
        check(live, 30)
        assert live.results.n_respondents == 30
    finally:
        engine.dispose()
