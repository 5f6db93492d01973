"""Change between two group results (a baseline and a later round)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from scoring.group import GroupResult

PRINCIPLE_CHANGE_COLUMNS = ["principle", "name", "baseline", "latest", "change"]
STATEMENT_CHANGE_COLUMNS = ["statement", "principle", "baseline", "latest", "change"]


@dataclass(frozen=True, eq=False)
class Comparison:
    """Score changes per principle and statement; NaN where either side has no number."""

    principles: pd.DataFrame   # principle, name, baseline, latest, change
    statements: pd.DataFrame   # statement, principle, baseline, latest, change
    overall_baseline: float | None
    overall_latest: float | None
    overall_change: float | None


def _changes(baseline: pd.DataFrame, latest: pd.DataFrame, key: str, label: str,
             columns: list[str]) -> pd.DataFrame:
    """Scores of both sides by `key` (latest order, then baseline-only rows) and their change."""
    order = list(dict.fromkeys([*latest[key], *baseline[key]]))
    # The latest label wins where both sides have the row (a renamed principle, say).
    labels = pd.concat([baseline.set_index(key)[label], latest.set_index(key)[label]])
    labels = labels[~labels.index.duplicated(keep="last")]
    frame = pd.DataFrame({key: pd.Series(order, dtype="str")})
    frame[label] = frame[key].map(labels).astype("str")
    frame["baseline"] = frame[key].map(baseline.set_index(key)["score"]).astype("float64")
    frame["latest"] = frame[key].map(latest.set_index(key)["score"]).astype("float64")
    frame["change"] = frame["latest"] - frame["baseline"]
    return frame[columns]


def compare_results(baseline: GroupResult, latest: GroupResult) -> Comparison:
    """Change (latest - baseline) of every principle and statement score."""
    principles = _changes(baseline.principles, latest.principles, "principle", "name",
                          PRINCIPLE_CHANGE_COLUMNS)
    statements = _changes(baseline.statements, latest.statements, "statement", "principle",
                          STATEMENT_CHANGE_COLUMNS)
    before, after = baseline.overall_score, latest.overall_score
    change = after - before if before is not None and after is not None else None
    return Comparison(principles, statements, before, after, change)
