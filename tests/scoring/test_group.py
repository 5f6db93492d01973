"""Group scores, rankings and withholding against hand-computed values."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from questions.schema import Bank
from scoring import GroupResult, development_areas, hot_spots, score_group, strengths
from scoring.group import PRINCIPLE_COLUMNS, RANKING_COLUMNS, statement_columns
from tests.scoring.conftest import NAN, answers, everyone

# Statements in bank order: s1a s1b | s2a s2b s2c | s3a. s2a and s2b have two answers (r3 says
# don't know): below the threshold of 3 they are hidden and count nowhere, so p2 is scored on
# s2c alone, where all three answered.
GROUP: dict[str, tuple[str, list[float]]] = {
    "r1": ("staff", [4, 4, 2, 2, 2, 4]),
    "r2": ("staff", [2, 0, 1, 3, 2, 0]),
    "r3": ("carers", [0, 2, NAN, NAN, 4, 4]),
}


@pytest.fixture
def result(bank: Bank) -> GroupResult:
    """The three-respondent group, scored with the default threshold."""
    return score_group(everyone(GROUP, target=4.0), bank)


# principle -> score, target, gap, spread, n, dont_know, band, insufficient
PrincipleRow = tuple[str, float, float, float, float, int, int, str, bool]
# p2: s2c alone, 2, 2 and 4 -> 50, 50, 100; r3's don't knows are on hidden statements, not counted.
PRINCIPLES: list[PrincipleRow] = [
    ("p1", 50.0, 100.0, 50.0, math.sqrt(1250), 3, 0, "Middle", False),
    ("p2", 200 / 3, 100.0, 100 / 3, math.sqrt(5000 / 9), 3, 0, "Middle", False),
    ("p3", 200 / 3, 100.0, 100 / 3, math.sqrt(20000 / 9), 3, 0, "Middle", False),
]


@pytest.mark.parametrize("expected", PRINCIPLES, ids=[p[0] for p in PRINCIPLES])
def test_score_group_principles_hand_computed(result: GroupResult, expected: PrincipleRow) -> None:
    row = result.principles.set_index("principle").loc[expected[0]]
    assert [row.score, row.target, row.gap, row.spread] == pytest.approx(list(expected[1:5]), nan_ok=True)
    assert (row.n, row.dont_know, row.band, bool(row.insufficient)) == expected[5:]


# statement -> mean, sd, agreement, n, dont_know, counts 0..4, score
StatementRow = tuple[str, float, float, float, int, int, list[int], float]
# s2a and s2b have 2 answers (< threshold 3): counts are kept, distribution and mean are not.
STATEMENTS: list[StatementRow] = [
    ("s1a", 2.0, math.sqrt(8 / 3), 1 - math.sqrt(8 / 3) / 2, 3, 0, [1, 0, 1, 0, 1], 50.0),
    ("s1b", 2.0, math.sqrt(8 / 3), 1 - math.sqrt(8 / 3) / 2, 3, 0, [1, 0, 1, 0, 1], 50.0),
    ("s2a", NAN, NAN, NAN, 2, 1, [0, 0, 0, 0, 0], NAN),
    ("s2b", NAN, NAN, NAN, 2, 1, [0, 0, 0, 0, 0], NAN),
    ("s2c", 8 / 3, math.sqrt(8 / 9), 1 - math.sqrt(8 / 9) / 2, 3, 0, [0, 0, 2, 0, 1], 200 / 3),
    ("s3a", 8 / 3, math.sqrt(32 / 9), 1 - math.sqrt(32 / 9) / 2, 3, 0, [1, 0, 0, 0, 2], 200 / 3),
]


@pytest.mark.parametrize("expected", STATEMENTS, ids=[s[0] for s in STATEMENTS])
def test_score_group_statements_hand_computed(result: GroupResult, expected: StatementRow) -> None:
    row = result.statements.set_index("statement").loc[expected[0]]
    assert [row["mean"], row.sd, row.agreement] == pytest.approx(list(expected[1:4]), nan_ok=True)
    assert (row.n, row.dont_know) == expected[4:6]
    assert [row[f"count_{v}"] for v in range(5)] == expected[6]
    assert row.score == pytest.approx(expected[7], nan_ok=True)
    assert row.target_mean == (4.0 if row.n >= 3 else pytest.approx(NAN, nan_ok=True))


def test_score_group_overall_and_notes(result: GroupResult, bank: Bank) -> None:
    assert (result.n_respondents, result.threshold, result.withheld, result.n_answered) == (3, 3, False, 3)
    # Each respondent's own mean answer over shown statements x 25, averaged: r1 14/4, r2 4/4,
    # r3 10/4. The hidden s2a and s2b answers (r1 2 and 2, r2 1 and 3) count nowhere.
    assert result.overall_score == pytest.approx((87.5 + 25 + 62.5) / 3)
    assert result.overall_band == "Middle"
    assert list(result.principles.columns) == PRINCIPLE_COLUMNS
    assert list(result.statements.columns) == statement_columns(bank)
    assert result.notes == (
        "2 statements had fewer than 3 answers (not counting don't know), so they are not shown "
        "and count in no score.",
    )


def test_score_group_rankings_break_ties_in_bank_order(result: GroupResult) -> None:
    assert strengths(result)["statement"].tolist() == ["s2c", "s3a", "s1a"]
    # Only s1b is left: the other statements with a mean are already strengths (no statement in both lists).
    assert development_areas(result)["statement"].tolist() == ["s1b"]
    assert hot_spots(result)["statement"].tolist() == ["s3a", "s1a", "s1b"]
    assert hot_spots(result, n=1)["agreement"].tolist() == pytest.approx(
        [1 - math.sqrt(32 / 9) / 2])
    assert list(strengths(result).columns) == RANKING_COLUMNS


def test_score_group_withholds_below_threshold(bank: Bank) -> None:
    result = score_group(everyone({k: GROUP[k] for k in ("r1", "r2")}), bank)
    # Two people: every statement has two answers, so every answer is hidden and none counts;
    # n_answered still says how many have answered so far.
    assert (result.withheld, result.n_respondents, result.n_answered) == (True, 0, 2)
    assert result.overall_score is None and result.overall_band is None
    assert result.principles.empty and list(result.principles.columns) == PRINCIPLE_COLUMNS
    assert result.statements.empty and list(result.statements.columns) == statement_columns(bank)
    assert strengths(result).empty and hot_spots(result).empty
    assert result.notes == ("2 respondents: results are shown once at least 3 have answered, so "
                            "that no one's answers can be picked out.",)


def test_score_group_small_cells_never_show_individual_answers(bank: Bank) -> None:
    # Five people, but only two answer s2a: its distribution would show their answers.
    group = {f"r{i}": ("staff", [2, 2, NAN if i > 1 else 4, 2, 2, 2]) for i in range(5)}
    result = score_group(everyone(group), bank)
    row = result.statements.set_index("statement").loc["s2a"]
    assert (row.n, row.dont_know) == (2, 3)
    assert [row[f"count_{v}"] for v in range(5)] == [0, 0, 0, 0, 0]
    assert math.isnan(row["mean"]) and math.isnan(row.sd) and math.isnan(row.agreement)
    assert "s2a" not in strengths(result)["statement"].tolist()
    assert "s2a" not in hot_spots(result, n=6)["statement"].tolist()


def test_score_group_lower_threshold_shows_two(bank: Bank) -> None:
    result = score_group(everyone({k: GROUP[k] for k in ("r1", "r2")}), bank, threshold=2)
    assert not result.withheld
    assert result.principles["score"].tolist() == pytest.approx([62.5, 50.0, 50.0])


def test_score_group_does_not_count_dont_know_only_respondents(bank: Bank) -> None:
    group: dict[str, tuple[str, list[float]]] = {
        **{k: GROUP[k] for k in ("r1", "r2")}, "r9": ("staff", [NAN] * 6)}
    result = score_group(everyone(group), bank)
    assert (result.withheld, result.n_respondents, result.n_answered) == (True, 0, 2)
    assert result.notes == ("1 respondent answered \"don't know\" to every statement and is "
                            "not counted.",
                            "2 respondents: results are shown once at least 3 have answered, so "
                            "that no one's answers can be picked out.")


def test_score_group_empty_answers(bank: Bank) -> None:
    empty = everyone({}).iloc[0:0]
    result = score_group(empty, bank, threshold=1)
    assert (result.withheld, result.n_respondents) == (True, 0)
    assert result.notes == ("No answers yet: results appear once 1 respondent has answered.",)


def test_score_group_principle_without_any_shown_statement(bank: Bank) -> None:
    group = {f"r{i}": ("staff", [float(i)] * 5 + [NAN]) for i in range(3)}
    result = score_group(everyone(group), bank)
    p3 = result.principles.set_index("principle").loc["p3"]
    assert math.isnan(p3.score) and p3.band is None and p3.n == 0
    assert result.overall_score == pytest.approx(25.0)
    assert result.notes == (
        "Principle 3: none of its statements had 3 or more answers, so it has no score.",
        "1 statement had fewer than 3 answers (not counting don't know), so it is not shown and "
        "counts in no score.",
    )


def test_score_group_principle_without_any_sufficient_answer(bank: Bank) -> None:
    # p2's three statements are each answered by a different three people: all are shown, but
    # nobody answered at least half of them (one of three), so p2 has no score.
    rows = [(f"r{i}", "staff", sid, 2.0, NAN) for i in range(9) for sid in ("s1a", "s1b", "s3a")]
    rows += [(f"r{i}", "staff", ("s2a", "s2b", "s2c")[i // 3], 4.0, NAN) for i in range(9)]
    result = score_group(answers(rows), bank)
    p2 = result.principles.set_index("principle").loc["p2"]
    assert math.isnan(p2.score) and p2.n == 0 and bool(p2.insufficient)
    assert result.statements.set_index("statement").loc["s2a", "mean"] == 4.0
    assert result.notes == (
        "Left out of the group scores: 9 principle scores from respondents who answered fewer "
        "than half of that principle's statements.",
        "Principle 2: no respondent answered at least half of its statements, so it has no score.",
    )


def test_score_group_rejects_threshold_below_one(bank: Bank) -> None:
    with pytest.raises(ValueError, match="threshold must be at least 1, not 0"):
        score_group(everyone(GROUP), bank, threshold=0)


def test_score_group_result_frames_are_plain_pandas(result: GroupResult) -> None:
    assert isinstance(result.principles, pd.DataFrame)
    assert result.principles["n"].dtype == "int64"
    assert result.statements["count_4"].dtype == "int64"


def test_score_group_threshold_one_notes_statements_without_answers(bank: Bank) -> None:
    result = score_group(everyone({"r1": ("staff", [1, 2, 3, 4, 0, NAN])}), bank, threshold=1)
    assert result.notes[-1] == ("1 statement had no answer other than don't know, so no mean is shown "
                                "for them.")


def test_score_group_targets_from_fewer_than_threshold_people_are_hidden(bank: Bank) -> None:
    people = {f"r{i}": ("staff", (2, 2, 2, 2, 2, 2)) for i in range(5)}
    responses = everyone(people)
    responses.loc[responses["respondent"] == "r0", "target"] = 4.0
    result = score_group(responses, bank, threshold=3)
    assert result.principles["score"].notna().all()
    assert result.principles["target"].isna().all() and result.principles["gap"].isna().all()
    assert result.statements["target_mean"].isna().all()
    responses.loc[responses["respondent"].isin(["r1", "r2"]), "target"] = 3.0
    shown = score_group(responses, bank, threshold=3)
    assert shown.principles["target"].tolist() == pytest.approx([100 * 10 / 3 / 4] * 3)
    assert shown.statements["target_mean"].tolist() == pytest.approx([10 / 3] * 6)


def test_development_areas_never_repeat_a_strength_when_means_tie(bank: Bank) -> None:
    responses = everyone({f"r{i}": ("staff", (2, 2, 2, 2, 2, 2)) for i in range(3)})
    result = score_group(responses, bank, threshold=3)
    strong = strengths(result, n=3)["statement"].tolist()
    weak = development_areas(result, n=3)["statement"].tolist()
    assert strong == ["s1a", "s1b", "s2a"]
    assert weak == ["s2b", "s2c", "s3a"]
    assert not set(strong) & set(weak)


def test_score_group_person_with_only_hidden_answers_is_not_counted(bank: Bank) -> None:
    # r9 answered only s3a, alone: hidden, so r9 counts nowhere (not in n_respondents either).
    rows = [(f"r{i}", "staff", sid, 2.0, NAN) for i in range(3) for sid in ("s1a", "s1b", "s2a")]
    result = score_group(answers([*rows, ("r9", "carers", "s3a", 4.0, NAN)]), bank)
    assert (result.n_respondents, result.n_answered, result.overall_score) == (3, 4, 50.0)
    assert result.notes[0] == ("1 respondent answered only statements with fewer than 3 answers "
                               "and is not counted.")
