"""Answers for downloads: withheld below the threshold, small perspectives never on their own."""

from __future__ import annotations

import pandas as pd

from questions.schema import Bank
from scoring import NOT_COUNTED, shareable_answers
from tests.scoring.conftest import NAN, everyone

ALL_TWO = (2, 2, 2, 2, 2, 2)


def _perspective_of(shared: pd.DataFrame) -> dict[str, str]:
    return dict(zip(shared["respondent"], shared["perspective"]))


def test_shareable_answers_below_threshold_is_none(bank: Bank) -> None:
    responses = everyone({"a": ("staff", ALL_TWO), "b": ("staff", ALL_TWO)})
    assert shareable_answers(responses, bank, threshold=3) is None


def test_shareable_answers_dont_know_only_people_do_not_make_up_the_threshold(bank: Bank) -> None:
    unsure = (NAN,) * 6
    responses = everyone({"a": ("staff", ALL_TWO), "b": ("staff", ALL_TWO), "c": ("staff", unsure)})
    assert shareable_answers(responses, bank, threshold=3) is None


def test_shareable_answers_lone_carer_is_folded_in_with_everyone_renamed(bank: Bank) -> None:
    people = {f"s{i}": ("staff", ALL_TWO) for i in range(5)} | {"c1": ("carers", (4, 4, 4, 4, 4, 4))}
    shared = shareable_answers(everyone(people), bank, threshold=3)
    assert shared is not None
    # The carer is counted with staff, and every member of that group carries the merged name.
    assert set(_perspective_of(shared).values()) == {"staff_and_others"}
    assert len(shared) == 36
    assert shared["current"].tolist() == everyone(people)["current"].tolist()


def test_shareable_answers_small_groups_merge_into_other(bank: Bank) -> None:
    people = ({f"s{i}": ("staff", ALL_TWO) for i in range(3)} | {f"c{i}": ("carers", ALL_TWO) for i in range(2)}
              | {f"m{i}": ("managers", ALL_TWO) for i in range(2)})
    shared = shareable_answers(everyone(people), bank, threshold=3)
    assert shared is not None
    assert _perspective_of(shared) == {"s0": "staff", "s1": "staff", "s2": "staff",
                                       "c0": "other", "c1": "other", "m0": "other", "m1": "other"}


def test_shareable_answers_dont_know_only_person_shows_no_perspective(bank: Bank) -> None:
    people = {f"s{i}": ("staff", ALL_TWO) for i in range(3)} | {"c1": ("carers", (NAN,) * 6)}
    shared = shareable_answers(everyone(people), bank, threshold=3)
    assert shared is not None
    assert _perspective_of(shared)["c1"] == NOT_COUNTED
    assert _perspective_of(shared)["s0"] == "staff"
