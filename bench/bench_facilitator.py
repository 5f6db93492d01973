"""Facilitator live view: one refresh of the live panel, for 1,000 and for 200 participants x 36 statements.

The live panel of views/facilitate.py calls `services.facilitation.live_view(engine, assessment, bank)`
every 3 seconds and draws the chart specs it returns, which Streamlit serialises. One refresh here is
exactly that call plus `json.dumps` of the three chart specs (group radar, perspective radar, spread);
nothing of the view is copied. The data: a SQLite workshop on the full bank (`coproduction-full`,
36 statements) with 1,000 (and, separately, 200) sent responses stored by
`services.answering.submit_whole_response`, spread over the five perspectives, about 1 in 12
answers "don't know" and 1 in 10 with a comment.

Judged (issue 9): 1,000 participants < 0.3 s, best of 7 warm refreshes. INFO: the median, and
200 participants (issue 6's original size).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

import numpy as np
from sqlalchemy.engine import Engine

import storage
from bench.common import Result, info, judged, standalone
from domain.records import Answer, Assessment
from questions.loader import builtin_bank_paths, load_bank
from questions.schema import Bank
from services.answering import submit_whole_response
from services.facilitation import LiveView, live_view

JUDGED_PARTICIPANTS = 1_000
INFO_PARTICIPANTS = 200
TARGET_SECONDS = 0.3
REPEATS = 7
THRESHOLD = 3


def seed(engine: Engine, bank_row: int, bank: Bank, participants: int) -> Assessment:
    """A workshop with `participants` sent responses: about 1 in 12 don't know, some comments."""
    team = storage.create_team(engine, "Bench Council", "Bench team")
    perspectives = [p.id for p in bank.perspectives]
    workshop = storage.create_assessment(engine, team.id, bank_row, f"Bench {participants}", "workshop",
                                         perspectives, THRESHOLD)
    rng = np.random.default_rng(participants)
    for i in range(participants):
        lean = rng.uniform(0.5, 3.5)
        answers = {}
        for statement in bank.statements:
            current = None if rng.random() < 1 / 12 else int(np.clip(round(rng.normal(lean, 0.9)), 0, 4))
            target = int(np.clip(round(lean + rng.uniform(0.5, 1.5)), 0, 4))
            comment = "We could ask people earlier." if rng.random() < 0.1 else ""
            answers[statement.id] = Answer(statement.id, current, target, comment)
        submit_whole_response(engine, workshop, perspectives[i % len(perspectives)], answers, uuid.uuid4().hex)
    return workshop


def refresh(engine: Engine, workshop: Assessment, bank: Bank) -> LiveView:
    """One tick of the live panel: live_view, then its chart specs serialised as Streamlit does."""
    live = live_view(engine, workshop, bank)
    for chart in (live.group_radar, live.perspective_radar, live.spread):
        if chart is not None:
            json.dumps(chart.spec)
    return live


def check(live: LiveView, participants: int) -> None:
    """The refresh showed what a facilitator expects: everyone sent, every chart drawn."""
    if (live.joined, live.sent) != (participants, participants):
        raise RuntimeError(f"expected {participants} joined and sent, got {live.joined} and {live.sent}")
    if live.group_radar is None or live.perspective_radar is None or live.spread is None:
        raise RuntimeError("expected the group radar, the perspective radar and the spread to be shown")


def timed(engine: Engine, workshop: Assessment, bank: Bank, participants: int, repeats: int) -> list[float]:
    """Seconds of `repeats` warm refreshes (after one untimed: imports, Altair's schema, the radar cache)."""
    check(refresh(engine, workshop, bank), participants)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        refresh(engine, workshop, bank)
        times.append(time.perf_counter() - start)
    return times


def run(repeats: int = REPEATS) -> list[Result]:
    """Seed two SQLite workshops (1,000 and 200 participants), then time warm refreshes of each."""
    path = builtin_bank_paths()["coproduction-full"]
    bank = load_bank(path)
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        engine = storage.make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            row = storage.save_bank(engine, bank, path.read_text(encoding="utf-8"), builtin=True)
            for participants in (JUDGED_PARTICIPANTS, INFO_PARTICIPANTS):
                workshop = seed(engine, row.id, bank, participants)
                times = timed(engine, workshop, bank, participants, repeats)
                best, median = min(times), statistics.median(times)
                size = f"{participants:,} participants x {len(bank.statements)} statements"
                print(f"  live view refresh, {size}: best {best:.3f} s, median {median:.3f} s", flush=True)
                name = f"facilitator live view refresh ({size}, SQLite)"
                how = f"best of {repeats}, warm"
                if participants == JUDGED_PARTICIPANTS:
                    results.append(judged(name, best, "s", f"< {TARGET_SECONDS:g} s", best < TARGET_SECONDS, how))
                else:
                    results.append(info(name, best, "s", how))
                results.append(info(f"{name}, median", median, "s", f"median of {repeats}, warm"))
        finally:
            engine.dispose()
    return results


if __name__ == "__main__":
    sys.exit(standalone(run, __doc__))
