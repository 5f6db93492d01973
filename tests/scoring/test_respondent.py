"""Respondent-level principle scores against hand-computed values."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from questions.schema import Bank
from scoring import score_respondents
from scoring.respondent import RESPONDENT_COLUMNS
from tests.scoring.conftest import NAN, answers

STATEMENTS = ["s1a", "s1b", "s2a", "s2b", "s2c", "s3a"]

# (current per statement, target per statement) -> expected per principle:
# (current_score, target_score, gap, answered, dont_know, insufficient)
Expected = tuple[float, float, float, int, int, bool]
CASES = [
    ("all answered", [4, 2, 1, 1, 1, 0], [4] * 6,
     {"p1": (75.0, 100.0, 25.0, 2, 0, False), "p2": (25.0, 100.0, 75.0, 3, 0, False),
      "p3": (0.0, 100.0, 100.0, 1, 0, False)}),
    ("don't knows", [NAN, 3, NAN, NAN, 2, NAN], [4, NAN, NAN, NAN, 3, NAN],
     {"p1": (75.0, 100.0, 25.0, 1, 1, False), "p2": (50.0, 75.0, 25.0, 1, 2, True),
      "p3": (NAN, NAN, NAN, 0, 1, True)}),
    ("missing rows", [2, None, None, None, None, None], [NAN] * 6,
     {"p1": (50.0, NAN, NAN, 1, 0, False), "p2": (NAN, NAN, NAN, 0, 0, True),
      "p3": (NAN, NAN, NAN, 0, 0, True)}),
    ("target only", [NAN, NAN, 0, 0, 4, 4], [2, 2, 4, 4, 4, 4],
     {"p1": (NAN, 50.0, NAN, 0, 2, True), "p2": (100 / 3, 100.0, 200 / 3, 3, 0, False),
      "p3": (100.0, 100.0, 0.0, 1, 0, False)}),
]


def same(left: float, right: float) -> bool:
    """Equal numbers, or both missing."""
    return (math.isnan(left) and math.isnan(right)) or left == pytest.approx(right)


@pytest.mark.parametrize(("case", "current", "target", "expected"), CASES,
                         ids=[case[0] for case in CASES])
def test_score_respondents_hand_computed(bank: Bank, case: str, current: list[float | None],
                                         target: list[float], expected: dict[str, Expected]) -> None:
    rows = [("r1", "staff", sid, value, aim)
            for sid, value, aim in zip(STATEMENTS, current, target) if value is not None]
    result = score_respondents(answers(rows), bank)
    assert list(result.columns) == RESPONDENT_COLUMNS
    assert result["principle"].tolist() == ["p1", "p2", "p3"]
    for row in result.itertuples():
        want = expected[row.principle]
        assert same(row.current_score, want[0]) and same(row.target_score, want[1])
        assert same(row.gap, want[2])
        assert (row.answered, row.dont_know, bool(row.insufficient)) == want[3:]
        assert row.statements == {"p1": 2, "p2": 3, "p3": 1}[row.principle]


def test_score_respondents_one_row_per_respondent_and_principle_sorted_by_id(bank: Bank) -> None:
    frame = answers([("b", "carers", "s1a", 1, NAN), ("a", "staff", "s3a", 4, NAN),
                     ("b", "carers", "s3a", 0, NAN)])
    result = score_respondents(frame, bank)
    assert result[["respondent", "perspective", "principle"]].values.tolist() == [
        ["a", "staff", "p1"], ["a", "staff", "p2"], ["a", "staff", "p3"],
        ["b", "carers", "p1"], ["b", "carers", "p2"], ["b", "carers", "p3"]]
    assert result["current_score"].tolist()[2] == 100.0
    assert result["current_score"].tolist()[3] == 25.0


def test_score_respondents_ignores_rows_of_unknown_statements(bank: Bank) -> None:
    frame = answers([("a", "staff", "s1a", 4, NAN), ("a", "staff", "gone", 0, NAN),
                     ("ghost", "staff", "gone", 0, NAN)])
    result = score_respondents(frame, bank)
    assert result["respondent"].unique().tolist() == ["a"]
    assert result.loc[result["principle"] == "p1", "current_score"].tolist() == [100.0]


def test_score_respondents_accepts_categorical_columns(bank: Bank) -> None:
    frame = answers([("a", "staff", "s1a", 3, 4), ("a", "staff", "s1b", 1, 4)])
    frame["statement"] = pd.Categorical(frame["statement"], categories=["s1b", "s1a", "zzz"])
    frame["respondent"] = frame["respondent"].astype("category")
    result = score_respondents(frame, bank)
    assert result["current_score"].tolist()[0] == 50.0


def test_score_respondents_counts_exactly_past_the_packed_fields(bank: Bank) -> None:
    # Unvalidated input can repeat a row: 400 answers of 4 in one cell overflow the 10-bit packed
    # level sum (1,600 > 1,023), so the tally must fall back to exact counting, not wrap around.
    rows = [("a", "staff", "s1a", 4.0, 3.0)] * 400 + [("a", "staff", "s1b", 0.0, NAN),
                                                      ("b", "staff", "s1a", 2.0, NAN)]
    result = score_respondents(answers(rows), bank).set_index(["respondent", "principle"])
    assert result.loc[("a", "p1"), "answered"] == 401
    assert result.loc[("a", "p1"), "current_score"] == pytest.approx(100 * 1600 / 401 / 4)
    assert result.loc[("a", "p1"), "target_score"] == 75.0
    assert result.loc[("b", "p1"), "current_score"] == 50.0
