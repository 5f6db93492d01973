"""Perspective scores: merging small groups, withholding and gaps."""

from __future__ import annotations

import math

import pytest

from questions.schema import Bank
from scoring import OTHER_LABEL, score_group, score_perspectives
from scoring.perspectives import GAP_COLUMNS, GROUP_COLUMNS, SCORE_COLUMNS
from tests.scoring.conftest import NAN, everyone


def flat(perspective: str, value: float) -> tuple[str, list[float]]:
    """A respondent giving the same answer to every statement."""
    return perspective, [value] * 6


# Staff 100, 50, 0 -> 50; carers 75, 75 and managers 25 merge into other -> 175 / 3.
PEOPLE = {"r1": flat("staff", 4), "r2": flat("staff", 2), "r5": flat("staff", 0),
          "r3": flat("carers", 3), "r4": flat("carers", 3), "r6": flat("managers", 1)}


def test_score_perspectives_merges_small_groups_into_other(bank: Bank) -> None:
    result = score_perspectives(everyone(PEOPLE), bank)
    assert result.groups.values.tolist() == [["staff", "Staff", 3, "staff"],
                                             ["carers", "Carers", 2, "other"],
                                             ["managers", "Managers", 1, "other"]]
    assert result.scores[["perspective", "label", "principle", "n"]].values.tolist() == [
        ["staff", "Staff", "p1", 3], ["staff", "Staff", "p2", 3], ["staff", "Staff", "p3", 3],
        ["other", OTHER_LABEL, "p1", 3], ["other", OTHER_LABEL, "p2", 3],
        ["other", OTHER_LABEL, "p3", 3]]
    assert result.scores["score"].tolist() == pytest.approx([50.0] * 3 + [175 / 3] * 3)
    assert result.notes == ("Carers: 2 respondents, merged into Other perspectives.",
                            "Managers: 1 respondent, merged into Other perspectives.")


def test_score_perspectives_gaps_name_highest_and_lowest(bank: Bank) -> None:
    result = score_perspectives(everyone(PEOPLE), bank)
    assert list(result.gaps.columns) == GAP_COLUMNS
    assert result.gaps["max_gap"].tolist() == pytest.approx([25 / 3] * 3)
    assert result.gaps[["principle", "highest", "lowest", "highest_label", "lowest_label"]] \
        .values.tolist() == [[p, "other", "staff", OTHER_LABEL, "Staff"] for p in
                             ("p1", "p2", "p3")]


def test_score_perspectives_folds_small_other_into_smallest_shown_group(bank: Bank) -> None:
    # Showing staff alone beside the overall score would reveal the two carers' average.
    people = {k: v for k, v in PEOPLE.items() if k != "r6"}
    result = score_perspectives(everyone(people), bank)
    assert result.scores["perspective"].unique().tolist() == ["staff"]
    assert result.scores["label"].unique().tolist() == ["Staff and others (merged)"]
    assert result.scores["n"].max() == len(people)
    assert result.groups["shown_as"].tolist() == ["staff", "staff"]
    assert result.gaps.empty and list(result.gaps.columns) == GAP_COLUMNS
    assert result.notes == ("Carers: 2 respondents, merged into Other perspectives.",
                            "Other perspectives: 2 respondents in total, fewer than 3, so "
                            "counted with Staff.")


def test_score_perspectives_nothing_shown_when_every_answer_is_hidden(bank: Bank) -> None:
    # Two people at threshold 3: every statement has two answers, so no answer counts anywhere.
    people = {"a": flat("staff", 1), "b": flat("carers", 2)}
    result = score_perspectives(everyone(people), bank)
    assert result.scores.empty and result.groups.empty and result.gaps.empty
    assert result.notes == ()


def test_score_perspectives_hidden_statement_counts_in_no_group(bank: Bank) -> None:
    # Only s0 answers s3a: hidden, so p3 rests on no one and staff's p1 score ignores nothing else.
    people = {f"s{i}": ("staff", [2, 2, 2, 2, 2, 4 if i == 0 else NAN]) for i in range(3)}
    result = score_perspectives(everyone(people), bank)
    staff = result.scores.set_index("principle")
    assert staff.loc["p1", "score"] == 50.0 and staff.loc["p3", "n"] == 0
    assert math.isnan(staff.loc["p3", "score"])


def test_score_perspectives_hides_small_cells(bank: Bank) -> None:
    # Three carers, but only one answers enough of p3 (its single statement) to be scored.
    people: dict[str, tuple[str, list[float]]] = {
        **{f"s{i}": flat("staff", 2) for i in range(3)},
        "c0": ("carers", [1, 1, 1, 1, 1, 1]), "c1": ("carers", [1, 1, 1, 1, 1, NAN]),
        "c2": ("carers", [1, 1, 1, 1, 1, NAN])}
    result = score_perspectives(everyone(people), bank)
    carers = result.scores[result.scores["perspective"] == "carers"].set_index("principle")
    assert carers.loc["p1", "score"] == pytest.approx(25.0)
    assert carers.loc["p3", "n"] == 1 and math.isnan(carers.loc["p3", "score"])


def test_score_perspectives_shows_groups_at_threshold_without_notes(bank: Bank) -> None:
    people = {**PEOPLE, "r7": flat("carers", 0)}
    result = score_perspectives(everyone(people), bank, threshold=1)
    assert result.scores["perspective"].unique().tolist() == ["staff", "carers", "managers"]
    assert result.notes == ()
    gaps = result.gaps.set_index("principle").loc["p1"]
    assert (gaps.max_gap, gaps.highest, gaps.lowest) == (pytest.approx(50 - 25), "staff",
                                                         "managers")


def test_score_perspectives_labels_unknown_perspective_by_id(bank: Bank) -> None:
    people = {f"n{i}": flat("nurses", 2) for i in range(3)}
    result = score_perspectives(everyone(people), bank)
    assert result.scores["label"].unique().tolist() == ["nurses"]
    assert result.scores["score"].tolist() == [50.0] * 3


def test_score_perspectives_nobody(bank: Bank) -> None:
    result = score_perspectives(everyone({}).iloc[0:0], bank)
    assert result.scores.empty and list(result.scores.columns) == SCORE_COLUMNS
    assert result.groups.empty and list(result.groups.columns) == GROUP_COLUMNS
    assert result.gaps.empty and result.notes == ()


def test_score_perspectives_hidden_cell_cannot_be_worked_out_by_subtraction(bank: Bank) -> None:
    # p1 has statements s1a, s1b: carers c1 and c2 say don't know there, so carers' p1 cell rests on c0 alone.
    staff: dict[str, tuple[str, tuple[float, ...]]] = {
        f"s{i}": ("staff", (2, 2, 2, 2, 2, 2)) for i in range(4)}
    carers: dict[str, tuple[str, tuple[float, ...]]] = {
        "c0": ("carers", (4, 4, 1, 1, 1, 1)), "c1": ("carers", (NAN, NAN, 1, 1, 1, 1)),
        "c2": ("carers", (NAN, NAN, 1, 1, 1, 1))}
    responses = everyone(staff | carers)
    group = score_group(responses, bank, threshold=3)
    assert group.principles.set_index("principle").loc["p1", "score"] == pytest.approx(60)  # (4x50 + 100) / 5
    result = score_perspectives(responses, bank, threshold=3)
    p1 = result.scores[result.scores["principle"] == "p1"].set_index("perspective")
    # Staff's 50 would give away c0's 100 (5 x 60 - 4 x 50): every group's p1 score is hidden.
    assert p1["score"].isna().all()
    p2 = result.scores[result.scores["principle"] == "p2"].set_index("perspective")
    assert p2.loc["staff", "score"] == pytest.approx(50) and p2.loc["carers", "score"] == pytest.approx(25)
    assert "Principle 1: no scores by perspective, as a group has fewer than 3 people scored on it." in result.notes
    assert "p1" not in set(result.gaps.dropna(subset=["max_gap"])["principle"])
