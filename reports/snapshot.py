"""What a session showed, kept once its individual answers are deleted: the scored frames as JSON.

After the retention period (services/retention.py) a session's answers go; its results, baselines,
trends, PDF and the manager's view are then built from this snapshot instead of the answers. Every
hidden cell is already missing (NaN) in the scored frames, so the snapshot holds only what was shown.
"""

from __future__ import annotations

import dataclasses
import json
import math
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd

from scoring import GroupResult, PerspectiveResult

FORMAT = 1
# A stricter threshold than the snapshot's cannot re-merge perspective groups without the answers.
PERSPECTIVES_WITHHELD = ("Scores by perspective are not shown: this session's answers were deleted after the "
                         "retention period, and it is now read at a stricter minimum group size.")


@dataclass(frozen=True, eq=False)
class ScoredSession:
    """A session's scored results at its own threshold: what its results pages showed."""

    group: GroupResult
    perspectives: PerspectiveResult
    answers_deleted_at: datetime | None = None   # when the answers it was scored from were deleted


def _plain(value: Any) -> Any:
    """A JSON-ready cell: None for missing values, plain Python numbers and text otherwise."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, np.generic):
        return _plain(value.item())
    return value


def _frame_json(frame: pd.DataFrame) -> dict[str, Any]:
    """A frame as columns, dtypes and rows (dtypes kept so it reads back exactly)."""
    return {"columns": [str(c) for c in frame.columns], "dtypes": [str(t) for t in frame.dtypes],
            "rows": [[_plain(v) for v in row] for row in frame.itertuples(index=False, name=None)]}


def _frame(data: dict[str, Any]) -> pd.DataFrame:
    """A frame back from _frame_json."""
    columns: list[str] = data["columns"]
    rows: list[list[Any]] = data["rows"]
    frame = pd.DataFrame(rows, columns=columns) if rows else pd.DataFrame({c: [] for c in columns})
    for column, dtype in zip(columns, data["dtypes"]):
        if dtype == "object":
            frame[column] = pd.Series([None if _plain(v) is None else v for v in frame[column].tolist()],
                                      dtype=object)
        else:
            frame[column] = frame[column].astype(dtype)
    return frame


def snapshot_json(scored: ScoredSession) -> str:
    """The snapshot as JSON text."""
    group, views = scored.group, scored.perspectives
    return json.dumps({
        "format": FORMAT,
        "group": {"n_respondents": group.n_respondents, "threshold": group.threshold, "withheld": group.withheld,
                  "notes": list(group.notes), "overall_score": _plain(group.overall_score),
                  "overall_band": group.overall_band, "principles": _frame_json(group.principles),
                  "statements": _frame_json(group.statements)},
        "perspectives": {"threshold": views.threshold, "groups": _frame_json(views.groups),
                         "scores": _frame_json(views.scores), "gaps": _frame_json(views.gaps),
                         "notes": list(views.notes)},
    }, ensure_ascii=False, allow_nan=False)


def scored_from_json(text: str) -> ScoredSession:
    """A snapshot back from its JSON text."""
    data = json.loads(text)
    if data.get("format") != FORMAT:
        raise ValueError(f"unknown snapshot format {data.get('format')!r}")
    g, p = data["group"], data["perspectives"]
    overall = g["overall_score"]
    group = GroupResult(int(g["n_respondents"]), int(g["threshold"]), bool(g["withheld"]), tuple(g["notes"]),
                        None if overall is None else float(overall), g["overall_band"],
                        _frame(g["principles"]), _frame(g["statements"]))
    views = PerspectiveResult(int(p["threshold"]), _frame(p["groups"]), _frame(p["scores"]), _frame(p["gaps"]),
                              tuple(p["notes"]))
    return ScoredSession(group, views)


def restrict(group: GroupResult, threshold: int) -> GroupResult:
    """A snapshot's group result read at a stricter threshold: whatever rests on fewer people is hidden.

    scoring.score_group would hide the same cells from the answers; targets are hidden outright, as the
    snapshot does not say how many people gave one.
    """
    if threshold <= group.threshold:
        return group
    note = f"Read at a minimum group size of {threshold}: its answers were deleted after the retention period."
    if group.n_respondents < threshold:
        return dataclasses.replace(group, threshold=threshold, withheld=True, overall_score=None, overall_band=None,
                                   principles=group.principles.iloc[0:0].reset_index(drop=True),
                                   statements=group.statements.iloc[0:0].reset_index(drop=True),
                                   notes=(*group.notes, note))
    principles = group.principles.copy()
    small = principles["n"] < threshold
    for column in ("score", "spread"):
        principles[column] = principles[column].where(~small, np.nan)
    principles["target"] = principles["gap"] = np.nan
    principles["band"] = pd.Series([None if hide else band for hide, band in zip(small, principles["band"])],
                                   dtype=object)
    principles["insufficient"] = principles["insufficient"] | small
    statements = group.statements.copy()
    few = statements["n"] < threshold
    for column in ("mean", "sd", "agreement", "score"):
        statements[column] = statements[column].where(~few, np.nan)
    statements["target_mean"] = np.nan
    for column in [c for c in statements.columns if c.startswith("count_")]:
        statements[column] = statements[column].where(~few, 0)
    return dataclasses.replace(group, threshold=threshold, principles=principles, statements=statements,
                               notes=(*group.notes, note))


def restrict_perspectives(views: PerspectiveResult, threshold: int) -> PerspectiveResult:
    """Perspective scores at a stricter threshold: none (groups cannot be merged again without the answers)."""
    if threshold <= views.threshold:
        return views
    return PerspectiveResult(threshold, views.groups.iloc[0:0].reset_index(drop=True),
                             views.scores.iloc[0:0].reset_index(drop=True), views.gaps.iloc[0:0].reset_index(drop=True),
                             (*views.notes, PERSPECTIVES_WITHHELD))
