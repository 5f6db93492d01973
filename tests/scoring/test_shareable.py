"""Exports and comments: nothing below the threshold, nothing hidden, no one identifiable."""

from __future__ import annotations

from typing import Protocol

import pandas as pd
import pytest

from questions.schema import Bank
from scoring import LONG_COLUMNS, NOT_COUNTED, shareable_answers, shown_comments
from scoring.shareable import COMMENT_COLUMNS
from tests.scoring.conftest import NAN, answers, everyone

ALL_TWO = (2, 2, 2, 2, 2, 2)


class Shareable(Protocol):
    """What shareable_answers and shown_comments have in common: answers, bank and threshold in."""

    def __call__(self, responses: pd.DataFrame, bank: Bank,
                 threshold: int = ...) -> pd.DataFrame | None: ...


def _shared(responses: pd.DataFrame, bank: Bank, threshold: int = 3, seed: int = 7) -> pd.DataFrame:
    shared = shareable_answers(responses, bank, threshold=threshold, seed=seed)
    assert shared is not None
    return shared


def _people_per_perspective(shared: pd.DataFrame) -> dict[str, int]:
    per_person = shared.drop_duplicates("respondent")["perspective"]
    return {str(k): int(v) for k, v in per_person.value_counts().items()}


def test_shareable_answers_below_threshold_is_none(bank: Bank) -> None:
    responses = everyone({"a": ("staff", ALL_TWO), "b": ("staff", ALL_TWO)})
    assert shareable_answers(responses, bank, threshold=3) is None


def test_shareable_answers_dont_know_only_people_do_not_make_up_the_threshold(bank: Bank) -> None:
    unsure = (NAN,) * 6
    responses = everyone({"a": ("staff", ALL_TWO), "b": ("staff", ALL_TWO), "c": ("staff", unsure)})
    assert shareable_answers(responses, bank, threshold=3) is None


def test_shareable_answers_lone_carer_is_folded_in_with_everyone_renamed(bank: Bank) -> None:
    people = {f"s{i}": ("staff", ALL_TWO) for i in range(5)} | {"c1": ("carers", (4, 4, 4, 4, 4, 4))}
    shared = _shared(everyone(people), bank)
    # The carer is counted with staff, and every member of that group carries the merged name.
    assert _people_per_perspective(shared) == {"staff_and_others": 6}
    assert len(shared) == 36
    assert sorted(shared["current"]) == sorted(everyone(people)["current"])


def test_shareable_answers_small_groups_merge_into_other(bank: Bank) -> None:
    people = ({f"s{i}": ("staff", ALL_TWO) for i in range(3)} | {f"c{i}": ("carers", ALL_TWO) for i in range(2)}
              | {f"m{i}": ("managers", ALL_TWO) for i in range(2)})
    assert _people_per_perspective(_shared(everyone(people), bank)) == {"staff": 3, "other": 4}


def test_shareable_answers_dont_know_only_person_shows_no_perspective(bank: Bank) -> None:
    people = {f"s{i}": ("staff", ALL_TWO) for i in range(3)} | {"c1": ("carers", (NAN,) * 6)}
    shared = _shared(everyone(people), bank)
    assert _people_per_perspective(shared) == {"staff": 3, NOT_COUNTED: 1}
    unsure = shared[shared["perspective"] == NOT_COUNTED]
    assert len(unsure) == 6 and unsure["current"].isna().all()


def test_shareable_answers_relabels_respondents_and_shuffles_rows(bank: Bank) -> None:
    # Each person answers 0..4 on s1a, so a row's s1a answer tells who it was in the input.
    people = {f"id-{i}": ("staff", (i, 2, 2, 2, 2, 2)) for i in range(5)}
    responses = everyone(people)
    shared = _shared(responses, bank, seed=1)
    assert list(shared.columns) == LONG_COLUMNS
    assert sorted(set(shared["respondent"])) == ["R01", "R02", "R03", "R04", "R05"]
    # Every label stands for exactly one person, with all of that person's answers.
    first = shared[shared["statement"] == "s1a"].set_index("respondent")["current"]
    assert sorted(first) == [0, 1, 2, 3, 4]
    assert (shared.groupby("respondent").size() == 6).all()
    # The labels are not handed out in the input's order, and the rows are not grouped by person.
    orders = [_shared(responses, bank, seed=seed) for seed in range(1, 6)]
    assert any(o[o["statement"] == "s1a"].set_index("respondent")["current"].sort_index().tolist()
               != [0, 1, 2, 3, 4] for o in orders)
    assert all(o["respondent"].tolist() != sorted(o["respondent"]) for o in orders)
    again = _shared(responses, bank, seed=1)
    pd.testing.assert_frame_equal(shared, again)
    assert not shared.equals(_shared(responses, bank, seed=2))


def test_shareable_answers_default_shuffle_is_unpredictable(bank: Bank) -> None:
    responses = everyone({f"id-{i}": ("staff", (i % 5, 2, 2, 2, 2, 2)) for i in range(12)})
    orders = set()
    for _ in range(5):
        shared = shareable_answers(responses, bank)
        assert shared is not None
        orders.add(tuple(shared["respondent"]))
    assert len(orders) > 1


def test_shareable_answers_drop_hidden_statements_and_blank_hidden_targets(bank: Bank) -> None:
    # s3a is answered by one person only (hidden); s1a's target is given by two people (hidden).
    rows = [(f"r{i}", "staff", sid, 2.0, NAN) for i in range(4) for sid in ("s1a", "s1b", "s2a")]
    rows.append(("r0", "staff", "s3a", 4.0, 4.0))
    frame = answers(rows)
    frame.loc[(frame["statement"] == "s1a") & frame["respondent"].isin(["r0", "r1"]), "target"] = 3.0
    frame.loc[frame["statement"] == "s1b", "target"] = 1.0
    frame.loc[frame["statement"] == "s3a", "comment"] = "only I answered this"
    frame.loc[(frame["statement"] == "s2a") & (frame["respondent"] == "r3"), "comment"] = "fine"
    frame["submitted_at"] = "2024-01-01T10:00"
    shared = _shared(frame, bank)
    assert list(shared.columns) == LONG_COLUMNS
    assert sorted(set(shared["statement"])) == ["s1a", "s1b", "s2a"] and len(shared) == 12
    assert shared.loc[shared["statement"] == "s1a", "target"].isna().all()
    assert (shared.loc[shared["statement"] == "s1b", "target"] == 1.0).all()
    assert sorted(shared["comment"]) == [""] * 11 + ["fine"]


def test_shareable_answers_ignore_rows_of_unknown_statements(bank: Bank) -> None:
    responses = everyone({f"r{i}": ("staff", ALL_TWO) for i in range(3)})
    extra = answers([("r0", "staff", "gone", 4.0, NAN), ("ghost", "carers", "gone", 1.0, NAN)])
    shared = _shared(pd.concat([responses, extra], ignore_index=True), bank)
    assert len(shared) == 18 and set(shared["respondent"]) == {"R01", "R02", "R03"}


def test_shown_comments_only_on_shown_statements_sorted_without_names(bank: Bank) -> None:
    rows = [(f"r{i}", "carers" if i else "staff", sid, 2.0, NAN)
            for i in range(3) for sid in ("s1a", "s2c")]
    rows += [("r0", "staff", "s3a", 4.0, NAN)]
    frame = answers(rows)
    notes = {("r2", "s2c"): "zebra", ("r0", "s2c"): "apple", ("r1", "s1a"): "  ",
             ("r0", "s1a"): "mine", ("r0", "s3a"): "only I answered this"}
    for (who, sid), text in notes.items():
        frame.loc[(frame["respondent"] == who) & (frame["statement"] == sid), "comment"] = text
    comments = shown_comments(frame, bank, threshold=3)
    assert list(comments.columns) == COMMENT_COLUMNS == ["statement", "comment"]
    assert comments.values.tolist() == [["s1a", "mine"], ["s2c", "apple"], ["s2c", "zebra"]]


def test_shown_comments_none_when_withheld(bank: Bank) -> None:
    frame = everyone({"a": ("staff", ALL_TWO), "b": ("staff", ALL_TWO)})
    frame["comment"] = "said something"
    comments = shown_comments(frame, bank, threshold=3)
    assert comments.empty and list(comments.columns) == COMMENT_COLUMNS


@pytest.mark.parametrize("function", [shareable_answers, shown_comments])
def test_shareable_rejects_threshold_below_one(bank: Bank, function: Shareable) -> None:
    with pytest.raises(ValueError, match="threshold must be at least 1, not 0"):
        function(everyone({"a": ("staff", ALL_TWO)}), bank, threshold=0)


def test_shareable_answers_keep_object_and_arrow_text(bank: Bank) -> None:
    responses = everyone({f"r{i}": ("staff", (i, 1, 2, 3, 4, NAN)) for i in range(3)})
    plain = responses.astype({c: object for c in ("respondent", "perspective", "statement", "comment")})
    left, right = _shared(responses, bank, seed=3), _shared(plain, bank, seed=3)
    pd.testing.assert_frame_equal(left, right)
    # Nobody rated s3a (all don't know): a statement with no answers is hidden, rows and all.
    assert "s3a" not in set(left["statement"]) and len(left) == 15
