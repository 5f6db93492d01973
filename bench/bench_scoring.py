"""Benchmark: score_group on 100,000 respondents x 36 statements against a bare pandas groupby."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

# Runnable as `python bench/bench_scoring.py` as well as `python -m bench.bench_scoring`.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from questions.schema import (  # noqa: E402
    Band, Bank, Level, Perspective, Principle, Scale, Statement,
)
from scoring.group import score_group  # noqa: E402

RESPONDENTS = 100_000
TARGET_RATIO = 3.0


def synthetic_bank(principles: int = 6, statements: int = 6) -> Bank:
    """A bank of `principles` x `statements` placeholder statements."""
    scale = Scale(tuple(Level(v, f"level {v}", "") for v in range(5)), "Don't know",
                  (Band(0, "low", ""), Band(50, "high", "")))
    return Bank(
        id="bench", title="Benchmark bank", version="1", language="en-GB", description="",
        scale=scale,
        principles=tuple(
            Principle(f"p{p}", f"Principle {p}", "", "", tuple(
                Statement(f"p{p}-s{s}", f"p{p}", "from", "to") for s in range(statements)))
            for p in range(principles)),
        perspectives=(Perspective("staff", "Staff"), Perspective("carers", "Carers")),
    )


def synthetic_answers(bank: Bank, respondents: int = RESPONDENTS, seed: int = 1) -> pd.DataFrame:
    """Long-format answers: every respondent answers every statement, 5% don't know."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"r{i:06d}" for i in range(respondents)], dtype=object)
    statements = np.array(bank.statement_ids, dtype=object)
    size = respondents * len(statements)
    current = rng.integers(0, 5, size).astype("float64")
    current[rng.random(size) < 0.05] = np.nan
    perspective = np.where(np.arange(respondents) % 3 == 0, "carers", "staff").astype(object)
    return pd.DataFrame({
        "respondent": pd.Series(np.repeat(ids, len(statements)), dtype="str"),
        "perspective": pd.Series(np.repeat(perspective, len(statements)), dtype="str"),
        "statement": pd.Series(np.tile(statements, respondents), dtype="str"),
        "current": current,
        "target": np.minimum(np.nan_to_num(current, nan=2.0) + 1, 4.0),
        "comment": pd.Series([""] * size, dtype="str"),
    })


def best_of(action: Callable[[], object], repeats: int = 3) -> float:
    """The fastest of `repeats` wall-clock timings, in seconds, after one untimed warm-up."""
    action()  # the first run pays for page faults and lazy imports, not for the work
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def run() -> list[dict[str, object]]:
    """Time score_group and the bare groupby; one result row for the bench runner."""
    bank = synthetic_bank()
    answers = synthetic_answers(bank)
    scoring = best_of(lambda: score_group(answers, bank))
    baseline = best_of(lambda: answers.groupby("statement")["current"].mean())
    ratio = scoring / baseline
    print(f"scoring 100k x 36: {scoring:.2f} s vs groupby {baseline:.2f} s = {ratio:.1f}x "
          f"(target <= {TARGET_RATIO:g}x) {'PASS' if ratio <= TARGET_RATIO else 'FAIL'}")
    return [
        {"name": "score_group 100k x 36 / groupby mean", "value": round(ratio, 2),
         "target": TARGET_RATIO, "unit": "x", "passed": ratio <= TARGET_RATIO},
        {"name": "score_group 100k x 36", "value": round(scoring, 3), "target": None,
         "unit": "s", "passed": True},
    ]


if __name__ == "__main__":
    sys.exit(0 if all(row["passed"] for row in run()) else 1)
