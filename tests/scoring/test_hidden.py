"""Nothing hidden can be worked out (issue 10): no shown number or export moves with a hidden answer."""

from __future__ import annotations

import math
import random
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from questions.schema import Bank
from scoring import (
    score_all, score_group, score_perspectives, score_respondents, shareable_answers, shown_comments,
)
from scoring.visibility import shown_cells
from tests.conftest import examples
from tests.scoring.conftest import LAYOUT, NAN, answers, everyone, mini_bank
from tests.scoring.test_reference import shown_statements

BANK = mini_bank()
STATEMENTS = [sid for ids in LAYOUT.values() for sid in ids]
LEVEL = st.integers(0, 4).map(float)
# An answer: a level, don't know (NaN) or no row at all (None); most people answer most statements.
ANSWER = st.one_of(LEVEL, LEVEL, st.just(NAN), st.none())
RESPONDENT = st.tuples(st.sampled_from(["staff", "carers", "managers", "other"]),
                       st.lists(ANSWER, min_size=6, max_size=6),
                       st.lists(st.one_of(LEVEL, st.just(NAN), st.just(NAN)), min_size=6, max_size=6))
SESSIONS = st.lists(RESPONDENT, min_size=0, max_size=10)
# What RESPONDENT draws: a perspective, answers (None for no row) and targets.
Respondent = tuple[str, list[float | None], list[float]]
HIDDEN = settings(max_examples=examples(60), deadline=None)


def session(group: list[Respondent]) -> pd.DataFrame:
    """Long answers for generated respondents, each row with its own comment."""
    frame = answers([(f"r{i}", perspective, sid, value, aim)
                     for i, (perspective, row, aims) in enumerate(group)
                     for sid, value, aim in zip(STATEMENTS, row, aims) if value is not None])
    frame["comment"] = (frame["respondent"] + " on " + frame["statement"]).astype("str")
    return frame


def with_hidden_changed(frame: pd.DataFrame, threshold: int, rng: random.Random) -> pd.DataFrame:
    """The same session with every hidden value replaced at random (the rule from the reference).

    Hidden: every value (current, target, comment) on a statement with fewer than `threshold`
    answers, and a target on a statement with fewer than `threshold` targets. A current answer
    stays an answer (a level) and a don't know stays one: the number of answers is shown.
    """
    shown, aims = shown_statements(frame, BANK, threshold)
    changed = frame.copy()
    for row in changed.index:
        statement = changed.at[row, "statement"]
        if statement not in shown:
            if not math.isnan(changed.at[row, "current"]):
                changed.at[row, "current"] = float(rng.randint(0, 4))
            changed.at[row, "target"] = rng.choice([NAN, 0.0, 1.0, 2.0, 3.0, 4.0])
            changed.at[row, "comment"] = rng.choice(["", "changed", "someone else's words"])
        elif statement not in aims and not math.isnan(changed.at[row, "target"]):
            changed.at[row, "target"] = float(rng.randint(0, 4))
    return changed


def export_rows(frame: pd.DataFrame, threshold: int) -> list[tuple[Any, ...]] | None:
    """The export as a multiset of people (each the sorted tuple of their rows), label-free."""
    shared = shareable_answers(frame, BANK, threshold, seed=0)
    if shared is None:
        return None
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for label, *row in shared.fillna({"current": -1.0, "target": -1.0}).itertuples(index=False):
        rows.setdefault(label, []).append(tuple(row))
    return sorted(tuple(sorted(person)) for person in rows.values())


def assert_frames_same(left: pd.DataFrame, right: pd.DataFrame) -> None:
    """Equal frames, numbers to 1e-9."""
    pd.testing.assert_frame_equal(left, right, check_exact=False, rtol=0, atol=1e-9)


@HIDDEN
@given(SESSIONS, st.integers(1, 4), st.randoms(use_true_random=False))
def test_hidden_answers_change_nothing_shown(group: list[Respondent], threshold: int,
                                              rng: random.Random) -> None:
    frame = session(group)
    changed = with_hidden_changed(frame, threshold, rng)
    before, after = score_group(frame, BANK, threshold), score_group(changed, BANK, threshold)
    assert (before.n_respondents, before.withheld, before.notes) == \
        (after.n_respondents, after.withheld, after.notes)
    assert (before.overall_score is None) == (after.overall_score is None)
    if before.overall_score is not None:
        assert before.overall_score == pytest.approx(after.overall_score, abs=1e-9)
    assert before.overall_band == after.overall_band
    assert_frames_same(before.principles, after.principles)
    assert_frames_same(before.statements, after.statements)
    mine, theirs = score_perspectives(frame, BANK, threshold), score_perspectives(changed, BANK, threshold)
    for name in ("groups", "scores", "gaps"):
        assert_frames_same(getattr(mine, name), getattr(theirs, name))
    assert mine.notes == theirs.notes
    assert_frames_same(score_respondents(frame, BANK, threshold),
                       score_respondents(changed, BANK, threshold))
    assert export_rows(frame, threshold) == export_rows(changed, threshold)
    assert_frames_same(shown_comments(frame, BANK, threshold), shown_comments(changed, BANK, threshold))


@HIDDEN
@given(SESSIONS, st.integers(1, 4))
def test_hidden_export_holds_only_what_the_screen_shows(group: list[Respondent],
                                                        threshold: int) -> None:
    frame = session(group)
    result = score_group(frame, BANK, threshold)
    shared = shareable_answers(frame, BANK, threshold, seed=0)
    comments = shown_comments(frame, BANK, threshold)
    if result.withheld:
        assert shared is None and comments.empty
        return
    assert shared is not None
    on_screen = set(result.statements.loc[result.statements["mean"].notna(), "statement"])
    with_target = set(result.statements.loc[result.statements["target_mean"].notna(), "statement"])
    assert set(shared["statement"]) <= on_screen and set(comments["statement"]) <= on_screen
    assert set(shared.loc[shared["target"].notna(), "statement"]) <= with_target
    # Every answer to a shown statement is in the export, under a label that means nothing.
    assert len(shared) == frame["statement"].isin(on_screen).sum()
    assert all(label.startswith("R") and label[1:].isdigit() for label in shared["respondent"])
    assert not set(shared["respondent"]) & set(frame["respondent"])


def test_hidden_lone_rating_moves_no_score(bank: Bank) -> None:
    # Issue 10, point 14: threshold 3, three people; one alone rated s3a (4), the others said
    # don't know. The overall score was 53 while every shown principle was 50.
    people = {f"r{i}": ("staff", (2, 2, 2, 2, 2, 4 if i == 0 else NAN)) for i in range(3)}
    responses = everyone(people)
    responses.loc[responses["statement"] == "s3a", "comment"] = "only I rated this"
    result = score_group(responses, bank, threshold=3)
    shown = result.principles["score"].dropna()
    assert shown.tolist() == [50.0, 50.0] and result.overall_score == 50.0
    assert math.isnan(result.statements.set_index("statement").loc["s3a", "mean"])
    shared = shareable_answers(responses, bank, threshold=3, seed=0)
    assert shared is not None and "s3a" not in set(shared["statement"]) and len(shared) == 15
    assert "only I rated this" not in set(shown_comments(responses, bank, threshold=3)["comment"])
    # And the lone rating can be anything: nothing shown moves.
    for rating in (0.0, 1.0, 3.0):
        responses.loc[(responses["respondent"] == "r0") & (responses["statement"] == "s3a"), "current"] = rating
        assert score_group(responses, bank, threshold=3).overall_score == 50.0


def test_hidden_score_all_equals_the_separate_calls(bank: Bank) -> None:
    rng = np.random.default_rng(4)
    people = {f"r{i}": (("staff", "carers")[i % 2], tuple(float(v) for v in rng.integers(0, 5, 6)))
              for i in range(7)}
    responses = everyone(people)
    group, perspectives = score_all(responses, bank, threshold=3)
    alone = score_group(responses, bank, threshold=3)
    assert (group.overall_score, group.notes) == (alone.overall_score, alone.notes)
    assert_frames_same(group.principles, alone.principles)
    assert_frames_same(perspectives.scores, score_perspectives(responses, bank, threshold=3).scores)


def test_hidden_rule_counts_answers_and_targets_against_the_threshold() -> None:
    shown = shown_cells(np.array([0, 2, 3, 3, 9]), np.array([9, 9, 2, 3, 0]), threshold=3)
    assert shown.statements.tolist() == [False, False, True, True, True]
    # A target shows only on a shown statement with enough targets of its own.
    assert shown.targets.tolist() == [False, False, False, True, False]
    everything = shown_cells(np.array([0, 1]), np.array([0, 0]), threshold=None)
    assert everything.statements.all() and everything.targets.all() and not everything.hides_any
