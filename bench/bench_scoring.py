"""Benchmark: scoring 100,000 respondents x 36 statements against a bare pandas groupby-mean.

Judged (issue 2, issue 9): each line is a ratio to groupby("statement")["current"].mean() over the
same frame, target <= 3x, both sides timed warm and alternately in the same run, best of 21 each.
Three row orders: sorted by respondent (as storage and the CSV template give them), shuffled (no
order to exploit), and sorted by statement (as survey exports come: each statement's answers in
one block). Two functions, exactly as imported from `scoring`:
  - score_group, the group results alone;
  - score_all, what `python -m coproduction score` computes (group and perspective scores from one
    count of the answers; CSV reading and validation not included).
INFO lines give the seconds, and score_group + score_perspectives called one after the other.
"""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd

# Runnable as `python bench/bench_scoring.py` as well as `python -m bench.bench_scoring`.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import Result, best_times, describe, info, judged, standalone  # noqa: E402
from questions.schema import (  # noqa: E402
    Band, Bank, Level, Perspective, Principle, Scale, Statement,
)
from scoring import score_all, score_group, score_perspectives  # noqa: E402

RESPONDENTS = 100_000
TARGET_RATIO = 3.0
# One round of a row order takes about 0.5 s. Best of 21: on a shared 2-core machine the scoring
# side (two threads, 0.15-0.25 s) needs more tries than the 0.07 s baseline to meet a quiet moment.
REPEATS = 21
INFO_REPEATS = 5


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
    """Long-format answers sorted by respondent: everyone answers every statement, 5% don't know."""
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


def shuffled(answers: pd.DataFrame, seed: int = 2) -> pd.DataFrame:
    """The same answers with the rows in random order (no runs of one respondent to exploit)."""
    order = np.random.default_rng(seed).permutation(len(answers))
    return answers.take(order).reset_index(drop=True)


def by_statement(answers: pd.DataFrame) -> pd.DataFrame:
    """The same answers sorted by statement, respondents in their order within each statement."""
    return answers.sort_values("statement", kind="stable").reset_index(drop=True)


def groupby_mean(answers: pd.DataFrame) -> object:
    """The baseline: a bare pandas groupby-mean of `current` per statement over the same frame."""
    return answers.groupby("statement")["current"].mean()


def cli_score(answers: pd.DataFrame, bank: Bank) -> object:
    """What `python -m coproduction score` computes once the CSV is read and validated."""
    return score_all(answers, bank)


def separate_calls(answers: pd.DataFrame, bank: Bank) -> object:
    """score_group, then score_perspectives: each codes and counts the answers again."""
    return score_group(answers, bank), score_perspectives(answers, bank)


def run(repeats: int = REPEATS, info_repeats: int = INFO_REPEATS) -> list[Result]:
    """Time score_group and score_all against the groupby-mean, for three row orders."""
    bank = synthetic_bank()
    answers = synthetic_answers(bank)
    orders = {"sorted by respondent": answers, "rows shuffled": shuffled(answers),
              "sorted by statement": by_statement(answers)}
    size = f"{RESPONDENTS // 1000}k x {len(bank.statement_ids)}"
    how = f"best of {repeats} each, warm, timed alternately"
    results: list[Result] = []
    infos: list[Result] = []
    for order, frame in orders.items():
        # partial binds this order's frame (a closure would see the loop's last one).
        times = best_times({
            "score_group": partial(score_group, frame, bank),
            "score_all": partial(cli_score, frame, bank),
            "groupby": partial(groupby_mean, frame),
        }, repeats)
        for name, values in times.items():
            print(f"  {name} ({order}): {describe(values)}", flush=True)
        best = {name: min(values) for name, values in times.items()}
        for name, label in (("score_group", "score_group"),
                            ("score_all", "CLI score (score_all)")):
            ratio = best[name] / best["groupby"]
            results.append(judged(f"{label} {size} ({order}) / groupby-mean", ratio, "x",
                                  f"<= {TARGET_RATIO:g}x", ratio <= TARGET_RATIO, how))
            infos.append(info(f"{label} {size} ({order})", best[name], "s", f"best of {repeats}"))
        infos.append(info(f"groupby-mean {size} ({order})", best["groupby"], "s",
                          f"best of {repeats}"))
    shuffled_frame = orders["rows shuffled"]
    separate = best_times({"separate": lambda: separate_calls(shuffled_frame, bank)}, info_repeats)
    infos.append(info(f"score_group + score_perspectives {size} (rows shuffled), called separately",
                      min(separate["separate"]), "s", f"best of {info_repeats}"))
    return results + infos


if __name__ == "__main__":
    sys.exit(standalone(run, __doc__))
