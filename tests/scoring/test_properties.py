"""Invariants of the scores, checked on generated groups (hypothesis)."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring import score_group, score_perspectives, score_respondents
from tests.scoring.conftest import LAYOUT, NAN, answers, mini_bank

BANK = mini_bank()
STATEMENTS = [sid for ids in LAYOUT.values() for sid in ids]
# An answer is a level, don't know (NaN) or no row at all (None).
ANSWER = st.one_of(st.integers(0, 4).map(float), st.just(NAN), st.none())
RESPONDENT = st.tuples(st.sampled_from(["staff", "carers", "managers"]),
                       st.lists(ANSWER, min_size=6, max_size=6),
                       st.lists(st.one_of(st.integers(0, 4).map(float), st.just(NAN)),
                                min_size=6, max_size=6))
GROUPS = st.lists(RESPONDENT, min_size=0, max_size=9)
FAST = settings(max_examples=30, deadline=None)


def frame(group: list[tuple[str, list[float | None], list[float]]]) -> pd.DataFrame:
    """Long answers for generated respondents r0, r1, ..."""
    return answers([(f"r{i}", perspective, sid, value, aim)
                    for i, (perspective, row, aims) in enumerate(group)
                    for sid, value, aim in zip(STATEMENTS, row, aims) if value is not None])


def numbers(result) -> dict[str, list[float]]:  # noqa: ANN001 - a GroupResult
    """Every score-like number of a group result, by name."""
    values = {f"principles.{c}": result.principles[c].tolist()
              for c in ("score", "target", "gap", "spread")}
    values |= {f"statements.{c}": result.statements[c].tolist()
               for c in ("mean", "target_mean", "sd", "agreement", "score")}
    values["overall"] = [NAN if result.overall_score is None else result.overall_score]
    return values


def same(left: list[float], right: list[float]) -> bool:
    """Lists equal up to rounding, NaN matching NaN."""
    return len(left) == len(right) and all(
        (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-9)
        for a, b in zip(left, right))


@FAST
@given(GROUPS, st.integers(1, 4))
def test_properties_scores_and_agreement_within_bounds(group, threshold: int) -> None:
    result = score_group(frame(group), BANK, threshold=threshold)
    for name in ("score", "target", "spread"):
        values = result.principles[name].dropna()
        assert ((values >= 0) & (values <= 100)).all(), name
    statements = result.statements
    assert statements["score"].dropna().between(0, 100).all()
    assert statements["agreement"].dropna().between(0, 1).all()
    if result.overall_score is not None:
        assert 0 <= result.overall_score <= 100
    respondents = score_respondents(frame(group), BANK)
    assert respondents["current_score"].dropna().between(0, 100).all()


@FAST
@given(GROUPS, st.randoms(use_true_random=False))
def test_properties_invariant_to_row_order(group, random) -> None:
    original = frame(group)
    order = list(range(len(original)))
    random.shuffle(order)
    shuffled = original.iloc[order].reset_index(drop=True)
    before, after = score_group(original, BANK, 1), score_group(shuffled, BANK, 1)
    assert (before.n_respondents, before.notes) == (after.n_respondents, after.notes)
    for name, values in numbers(before).items():
        assert same(values, numbers(after)[name]), name
    pd.testing.assert_frame_equal(score_respondents(original, BANK),
                                  score_respondents(shuffled, BANK))
    pd.testing.assert_frame_equal(score_perspectives(original, BANK, 2).scores,
                                  score_perspectives(shuffled, BANK, 2).scores)


@FAST
@given(GROUPS, st.integers(1, 4))
def test_properties_adding_all_fours_never_lowers_a_score(group, threshold: int) -> None:
    before = score_group(frame(group), BANK, threshold)
    after = score_group(frame([*group, ("staff", [4.0] * 6, [4.0] * 6)]), BANK, threshold)
    if before.withheld:
        return
    assert not after.withheld
    old = before.principles["score"].to_numpy()
    new = after.principles["score"].to_numpy()
    had = ~np.isnan(old)
    # A principle shown before stays shown (its n only grows) and is never lowered.
    assert (new[had] >= old[had] - 1e-9).all() and not np.isnan(new[had]).any()
    if before.overall_score is not None:
        assert after.overall_score is not None
        assert after.overall_score >= before.overall_score - 1e-9


@FAST
@given(GROUPS, st.integers(1, 4), st.booleans())
def test_properties_dont_know_rows_change_no_score(group, threshold: int, newcomer: bool) -> None:
    # Every missing answer becomes a don't know row; optionally a newcomer says only don't know.
    unknown = [(p, row, [NAN if v is None else a for v, a in zip(row, aims)])
               for p, row, aims in group]
    filled = [(p, [NAN if v is None else v for v in row], aims) for p, row, aims in unknown]
    extra = [("carers", [NAN] * 6, [NAN] * 6)] if newcomer else []
    before = score_group(frame(unknown), BANK, threshold)
    after = score_group(frame(filled + extra), BANK, threshold)
    assert (before.n_respondents, before.withheld) == (after.n_respondents, after.withheld)
    for name, values in numbers(before).items():
        assert same(values, numbers(after)[name]), name


@FAST
@given(GROUPS, st.integers(1, 4), st.booleans())
def test_properties_dont_know_rows_change_no_respondent_or_perspective_score(group, threshold: int,
                                                                             newcomer: bool) -> None:
    # As above, for each person's own scores and for the scores by perspective.
    unknown = [(p, row, [NAN if v is None else a for v, a in zip(row, aims)]) for p, row, aims in group]
    filled = [(p, [NAN if v is None else v for v in row], aims) for p, row, aims in unknown]
    extra = [("carers", [NAN] * 6, [NAN] * 6)] if newcomer else []
    columns = ["respondent", "principle", "current_score", "target_score", "gap", "insufficient"]
    own_before = score_respondents(frame(unknown), BANK)[columns].reset_index(drop=True)
    own_after = score_respondents(frame(filled + extra), BANK)[columns]
    own_after = own_after[own_after["respondent"].isin(set(own_before["respondent"]))].reset_index(drop=True)
    pd.testing.assert_frame_equal(own_before, own_after, check_dtype=False)
    before = score_perspectives(frame(unknown), BANK, threshold)
    after = score_perspectives(frame(filled + extra), BANK, threshold)
    pd.testing.assert_frame_equal(before.scores, after.scores)
    pd.testing.assert_frame_equal(before.gaps, after.gaps)


@FAST
@given(GROUPS, st.integers(1, 4))
def test_properties_no_hidden_perspective_cell_can_be_worked_out(group, threshold: int) -> None:
    # Where a perspective group's cell is hidden while people are behind it, no group shows that principle.
    result = score_perspectives(frame(group), BANK, threshold)
    for _principle, cells in result.scores.groupby("principle"):
        hidden_with_people = (cells["score"].isna() & (cells["n"] > 0)).any()
        if hidden_with_people:
            assert cells["score"].isna().all()
