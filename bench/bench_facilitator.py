"""Facilitator view recompute for 200 participants: read answers from storage, score, rank, chart."""

from __future__ import annotations

import statistics
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import numpy as np

import scoring
import storage
from questions.loader import builtin_bank_paths, load_bank
from reports import charts

PARTICIPANTS = 200
TARGET_SECONDS = 0.3


def _fill(engine: Any, bank_row: int, bank: Any) -> storage.Assessment:
    """A workshop with 200 sent responses over the full bank."""
    team = storage.create_team(engine, "Bench Council", "Bench team")
    workshop, _key = storage.create_workshop(engine, team.id, bank_row, "Bench", tuple(p.id for p in bank.perspectives), 3)
    rng = np.random.default_rng(7)
    perspectives = [p.id for p in bank.perspectives]
    for i in range(PARTICIPANTS):
        answers = {
            s.id: storage.Answer(s.id, int(rng.integers(0, 5)), int(rng.integers(2, 5)), "")
            for s in bank.statements
        }
        storage.submit_response(engine, workshop.id, perspectives[i % len(perspectives)], answers, uuid.uuid4().hex)
    return workshop


def recompute(engine: Any, workshop: storage.Assessment, bank: Any) -> None:
    """Everything the live panel does on one refresh."""
    responses = storage.responses_frame(engine, workshop.id, submitted_only=True)
    result = scoring.score_group(responses, bank, threshold=workshop.threshold)
    scoring.score_perspectives(responses, bank, threshold=workshop.threshold)
    ordered = list(scoring.hot_spots(result, n=len(bank.statements))["statement"])
    series = result.principles.assign(series="Group")[["series", "principle", "score"]]
    charts.radar_spec(series, [(p.id, p.name) for p in bank.principles])
    charts.distribution_chart(result.statements, bank, ordered).to_dict()


def run() -> list[dict[str, Any]]:
    """Median of 5 warm recomputes on SQLite."""
    path = builtin_bank_paths()["coproduction-full"]
    bank = load_bank(path)
    with tempfile.TemporaryDirectory() as folder:
        engine = storage.make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        row = storage.save_bank(engine, bank, path.read_text(encoding="utf-8"), builtin=True)
        workshop = _fill(engine, row.id, bank)
        recompute(engine, workshop, bank)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            recompute(engine, workshop, bank)
            times.append(time.perf_counter() - start)
        engine.dispose()
    value = statistics.median(times)
    print(f"facilitator view recompute, {PARTICIPANTS} participants x {len(bank.statements)} statements: "
          f"{value:.3f} s (target < {TARGET_SECONDS} s) {'PASS' if value < TARGET_SECONDS else 'FAIL'}")
    return [{"name": "facilitator view recompute (200 participants)", "value": value,
             "target": f"< {TARGET_SECONDS} s", "unit": "s", "passed": value < TARGET_SECONDS}]


if __name__ == "__main__":
    run()
