"""Invariants of the scores, checked on generated groups (hypothesis)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from random import Random

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring import GroupResult, score_group, score_perspectives, score_respondents
from tests.conftest import examples
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
# What RESPONDENT draws: a perspective, answers (None for no row) and targets.
Respondent = tuple[str, list[float | None], list[float]]
FAST = settings(max_examples=examples(30), deadline=None)
# Where each number must lie on a 0-4 scale; scores not listed here are 0-100.
BOUNDS = {"gap": (-100, 100), "mean": (0, 4), "target_mean": (0, 4), "sd": (0, 2), "agreement": (0, 1)}
# Off the scale, fractions and infinities: what unvalidated answers may hold.
WILD = st.one_of(st.floats(-1e6, 1e6, allow_nan=False),
                 st.sampled_from([-math.inf, math.inf, -3.0, 9.0, 2.5, 3.5, 0.49, NAN]))


def frame(group: Sequence[tuple[str, Sequence[float | None], Sequence[float]]]) -> pd.DataFrame:
    """Long answers for generated respondents r0, r1, ..."""
    return answers([(f"r{i}", perspective, sid, value, aim)
                    for i, (perspective, row, aims) in enumerate(group)
                    for sid, value, aim in zip(STATEMENTS, row, aims) if value is not None])


def numbers(result: GroupResult) -> dict[str, list[float]]:
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
def test_properties_scores_lie_within_what_respondents_gave(group: list[Respondent], threshold: int) -> None:
    # Tight, independent bounds (not just 0-100): each shown number against the answers behind it.
    responses = frame(group)
    result = score_group(responses, BANK, threshold=threshold)
    own = score_respondents(responses, BANK, threshold)
    usable = own[~own["insufficient"]]
    for row in result.principles.itertuples():
        if math.isnan(row.score):
            continue
        theirs = usable.loc[usable["principle"] == row.principle, "current_score"]
        assert theirs.min() - 1e-9 <= row.score <= theirs.max() + 1e-9
        # A population SD is at most half the range of the values.
        assert 0 <= row.spread <= (theirs.max() - theirs.min()) / 2 + 1e-9
    for row in result.statements.itertuples():
        if math.isnan(row.mean):
            continue
        given_answers = responses.loc[responses["statement"] == row.statement, "current"].dropna()
        spread = float(np.sqrt(((given_answers - given_answers.mean()) ** 2).mean()))
        assert given_answers.min() <= row.mean <= given_answers.max()
        assert row.score == pytest.approx(row.mean * 25, abs=1e-12)
        assert row.sd == pytest.approx(spread, abs=1e-12)
        assert 0 <= row.agreement <= 1 and row.agreement == pytest.approx(1 - spread / 2, abs=1e-12)
        assert (row.agreement == 1) == (given_answers.nunique() == 1)
    if result.overall_score is not None:
        counted = own.groupby("respondent")[["answered"]].sum()
        mean_of = own.assign(total=own["current_score"].fillna(0) * own["answered"]) \
            .groupby("respondent")["total"].sum() / counted["answered"]
        means = mean_of[counted["answered"] > 0]
        assert means.min() - 1e-9 <= result.overall_score <= means.max() + 1e-9


@FAST
@given(st.lists(st.tuples(st.sampled_from(["staff", "carers"]),
                          st.lists(WILD, min_size=6, max_size=6),
                          st.lists(WILD, min_size=6, max_size=6)), min_size=1, max_size=8),
       st.integers(1, 3))
def test_properties_off_scale_answers_count_as_rounded_and_clipped(
        group: list[tuple[str, list[float], list[float]]], threshold: int) -> None:
    # Unvalidated answers: each is read as the nearest level on the scale, so every number stays
    # on the scale and equals the scores of the cleaned answers.
    wild = frame(group)
    clean = wild.assign(**{c: np.clip(np.rint(wild[c]), 0, 4) for c in ("current", "target")})
    before, after = score_group(wild, BANK, threshold), score_group(clean, BANK, threshold)
    assert (before.n_respondents, before.withheld) == (after.n_respondents, after.withheld)
    for name, values in numbers(before).items():
        assert same(values, numbers(after)[name]), name
        low, high = BOUNDS.get(name.split(".")[-1], (0, 100))
        assert all(low <= v <= high for v in values if not math.isnan(v)), name
    pd.testing.assert_frame_equal(score_respondents(wild, BANK), score_respondents(clean, BANK))


@FAST
@given(GROUPS, st.randoms(use_true_random=False))
def test_properties_invariant_to_row_order(group: list[Respondent], random: Random) -> None:
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
def test_properties_adding_all_fours_never_lowers_a_score(group: list[Respondent], threshold: int) -> None:
    before = score_group(frame(group), BANK, threshold)
    after = score_group(frame([*group, ("staff", [4.0] * 6, [4.0] * 6)]), BANK, threshold)
    if before.withheld:
        return
    assert not after.withheld
    # A statement one answer short of the threshold becomes shown, and its (perhaps low) answers
    # then count: only with the same statements shown must no score go down.
    shown = before.statements["mean"].notna().to_numpy()
    still = after.statements["mean"].notna().to_numpy()
    assert still[shown].all()  # a shown statement only gains answers
    if (still != shown).any():
        return
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
def test_properties_dont_know_rows_change_no_score(group: list[Respondent], threshold: int,
                                                   newcomer: bool) -> None:
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
def test_properties_dont_know_rows_change_no_respondent_or_perspective_score(
        group: list[Respondent], threshold: int, newcomer: bool) -> None:
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
def test_properties_no_hidden_perspective_cell_can_be_worked_out(group: list[Respondent],
                                                                 threshold: int) -> None:
    # Where a perspective group's cell is hidden while people are behind it, no group shows that principle.
    result = score_perspectives(frame(group), BANK, threshold)
    for _principle, cells in result.scores.groupby("principle"):
        hidden_with_people = (cells["score"].isna() & (cells["n"] > 0)).any()
        if hidden_with_people:
            assert cells["score"].isna().all()
