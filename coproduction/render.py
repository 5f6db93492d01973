"""Text tables and JSON for the command line's score output."""

from __future__ import annotations

import json
import math
from typing import Any

import pandas as pd

from questions.schema import Bank
from scoring import GroupResult, PerspectiveResult, development_areas, hot_spots, strengths


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows as JSON-ready dicts (NaN becomes null, numpy numbers become plain numbers)."""
    return list(json.loads(frame.to_json(orient="records", double_precision=6)))


def score_json(bank: Bank, group: GroupResult, perspectives: PerspectiveResult) -> dict[str, Any]:
    """Everything `score` knows, as one JSON-ready dict."""
    return {
        "bank": {"id": bank.id, "title": bank.title, "version": bank.version},
        "threshold": group.threshold,
        "n_respondents": group.n_respondents,
        "n_answered": group.n_answered,
        "withheld": group.withheld,
        "overall_score": group.overall_score,
        "overall_band": group.overall_band,
        "notes": list(group.notes),
        "principles": records(group.principles),
        "statements": records(group.statements),
        "strengths": records(strengths(group)),
        "development_areas": records(development_areas(group)),
        "hot_spots": records(hot_spots(group)),
        "perspectives": {
            "groups": records(perspectives.groups),
            "scores": records(perspectives.scores),
            "gaps": records(perspectives.gaps),
            "notes": list(perspectives.notes),
        },
    }


def number(value: Any, digits: int = 0) -> str:
    """A rounded number, or '-' when there is none."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{float(value):.{digits}f}"


def table(headers: list[str], rows: list[list[str]], indent: str = "  ") -> list[str]:
    """Fixed-width lines: text columns left-aligned, the others right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    numeric = [all(row[i] == "-" or row[i].lstrip("-").replace(".", "").isdigit()
                   for row in rows) and bool(rows) for i in range(len(headers))]

    def line(cells: list[str]) -> str:
        parts = [cell.rjust(width) if right else cell.ljust(width)
                 for cell, width, right in zip(cells, widths, numeric)]
        return (indent + "  ".join(parts)).rstrip()

    return [line(headers)] + [line(row) for row in rows]


def _ranking(title: str, frame: pd.DataFrame, column: str, digits: int) -> list[str]:
    """A titled list of statements with one measure."""
    if frame.empty:
        return []
    rows = [[s, p, number(v, digits)] for s, p, v in
            zip(frame["statement"], frame["principle"], frame[column])]
    return ["", title, *table(["Statement", "Principle", column.capitalize()], rows)]


def _perspective_lines(perspectives: PerspectiveResult) -> list[str]:
    """Scores per perspective group and the largest gaps between groups."""
    lines: list[str] = []
    scores = perspectives.scores
    if not scores.empty:
        rows = [[label, principle, number(score), str(n)] for label, principle, score, n in
                zip(scores["label"], scores["principle"], scores["score"], scores["n"])]
        lines += ["", "Perspectives", *table(["Perspective", "Principle", "Score", "n"], rows)]
    gaps = perspectives.gaps
    if not gaps.empty:
        rows = [[name, number(gap), str(high), str(low)] for name, gap, high, low in
                zip(gaps["name"], gaps["max_gap"], gaps["highest_label"], gaps["lowest_label"])]
        lines += ["", "Gaps between perspectives",
                  *table(["Principle", "Gap", "Highest", "Lowest"], rows)]
    return lines


def score_text(bank: Bank, group: GroupResult, perspectives: PerspectiveResult) -> str:
    """The readable summary printed by `score`."""
    # While withheld nobody is counted yet; say how many answered so far (the file's holder knows anyway).
    people = group.n_answered if group.withheld else group.n_respondents
    lines = [f"{bank.title} v{bank.version}: {people} respondents "
             f"(results shown from {group.threshold})"]
    if group.withheld:
        lines.append("Results withheld: too few respondents.")
    else:
        lines.append(f"Overall score: {number(group.overall_score)} ({group.overall_band or '-'})")
        principles = group.principles
        rows = [[name, number(score), number(target), number(gap), number(spread), str(n),
                 band if isinstance(band, str) else "-"]
                for name, score, target, gap, spread, n, band in zip(
                    principles["name"], principles["score"], principles["target"],
                    principles["gap"], principles["spread"], principles["n"], principles["band"])]
        lines += ["", "Principles", *table(
            ["Principle", "Score", "Target", "Gap", "Spread", "n", "Band"], rows)]
        lines += _ranking("Strengths (highest mean, 0-4)", strengths(group), "mean", 1)
        lines += _ranking("Development areas (lowest mean, 0-4)", development_areas(group),
                          "mean", 1)
        lines += _ranking("Hot spots (least agreement, 0-1)", hot_spots(group), "agreement", 2)
        lines += _perspective_lines(perspectives)
    notes = [*group.notes, *perspectives.notes]
    if notes:
        lines += ["", "Notes", *(f"  - {note}" for note in notes)]
    return "\n".join(lines) + "\n"
