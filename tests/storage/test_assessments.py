"""Assessments, workshops, join codes and facilitator keys."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from questions.schema import Bank
from storage import (
    StorageError,
    StoredBank,
    Team,
    check_facilitator_key,
    create_assessment,
    create_team,
    create_workshop,
    earlier_assessments,
    find_by_join_code,
    get_assessment,
    list_assessments,
    save_bank,
    set_status,
)
from storage import codes
from storage.tables import metadata


def test_create_assessment_defaults(engine: Engine, team: Team, stored_bank: StoredBank) -> None:
    made = create_assessment(engine, team.id, stored_bank.id, "  Spring review ")
    assert (made.title, made.mode, made.status) == ("Spring review", "self", "open")
    assert made.join_code is not None and find_by_join_code(engine, made.join_code) == made
    assert (made.perspectives, made.threshold, made.closed_at) == ((), 3, None)
    assert get_assessment(engine, made.id) == made


def test_create_assessment_keeps_perspectives_in_order_without_repeats(
    engine: Engine, team: Team, stored_bank: StoredBank
) -> None:
    made = create_assessment(engine, team.id, stored_bank.id, "T", "workshop", ["staff", " carers", "staff"], 5)
    assert made.perspectives == ("staff", "carers")
    assert made.threshold == 5
    assert made.join_code is not None


BAD_ASSESSMENTS: list[tuple[dict[str, object], str]] = [
    ({"mode": "solo"}, "The mode 'solo' is not one of: self, workshop."),
    ({"threshold": 0}, "The minimum group size must be a whole number of 1 or more, not 0."),
    ({"title": " "}, "The title is empty: please type one."),
    ({"team_id": 999}, "That team no longer exists."),
    ({"bank_row_id": 999}, "That question bank is no longer in the database."),
    ({"perspectives": ["staff", " "]}, "The perspective is empty: please type one."),
]


def test_create_assessment_bad_input_rejected(engine: Engine, team: Team, stored_bank: StoredBank) -> None:
    for kwargs, message in BAD_ASSESSMENTS:
        arguments: dict[str, object] = {"team_id": team.id, "bank_row_id": stored_bank.id, "title": "T", **kwargs}
        with pytest.raises(StorageError) as caught:
            create_assessment(engine, **arguments)  # type: ignore[arg-type]
        assert str(caught.value) == message
    assert list_assessments(engine, team.id) == []


def test_create_workshop_stores_only_a_hash_of_the_key(engine: Engine, team: Team, stored_bank: StoredBank) -> None:
    workshop, key = create_workshop(engine, team.id, stored_bank.id, "Workshop", ["staff"])
    assert workshop.mode == "workshop"
    assert re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}", workshop.join_code or "")
    with engine.connect() as connection:
        dump = "\n".join(
            repr(row) for table in metadata.sorted_tables for row in connection.execute(sa.select(table))
        )
    assert key not in dump
    assert "scrypt$" in dump


def test_check_facilitator_key_accepts_only_the_right_key(engine: Engine, team: Team, stored_bank: StoredBank) -> None:
    workshop, key = create_workshop(engine, team.id, stored_bank.id, "Workshop", ["staff"])
    other, other_key = create_workshop(engine, team.id, stored_bank.id, "Other", ["staff"])
    assert check_facilitator_key(engine, workshop.id, key) is True
    assert check_facilitator_key(engine, workshop.id, key + "x") is False
    assert check_facilitator_key(engine, workshop.id, "") is False
    assert check_facilitator_key(engine, workshop.id, None) is False
    assert check_facilitator_key(engine, workshop.id, other_key) is False
    assert check_facilitator_key(engine, 999, key) is False
    self_assessment = create_assessment(engine, team.id, stored_bank.id, "Alone")
    assert check_facilitator_key(engine, self_assessment.id, key) is False


def test_create_workshop_follow_up_keeps_the_series_key(engine: Engine, team: Team, stored_bank: StoredBank) -> None:
    first, key = create_workshop(engine, team.id, stored_bank.id, "Spring", ["staff"])
    follow, same = create_workshop(engine, team.id, stored_bank.id, "Autumn", ["staff"], key=key)
    assert same == key
    assert check_facilitator_key(engine, follow.id, key) and check_facilitator_key(engine, first.id, key)
    with engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT facilitator_hash FROM assessments ORDER BY id")).scalars().all()
    assert stored[0] != stored[1], "each session has its own salt"
    with pytest.raises(StorageError) as caught:
        create_workshop(engine, team.id, stored_bank.id, "Guessable", ["staff"], key="short")
    assert str(caught.value) == "A facilitator key needs at least 16 characters."


def test_new_join_code_thousand_codes_unique_and_in_alphabet() -> None:
    made = [codes.new_join_code() for _ in range(1000)]
    assert len(set(made)) == 1000
    assert all(len(code) == 10 and set(code) <= set(codes.JOIN_ALPHABET) for code in made)
    assert len(codes.JOIN_ALPHABET) ** 10 > 2**40


@pytest.mark.parametrize("typed", ["abcde-fghjk", " ABCDE FGHJK ", "abcdefghjk", "ABCDE–FGHJK"])
def test_normalise_join_code_accepts_case_spaces_and_dashes(typed: str) -> None:
    assert codes.normalise_join_code(typed) == "ABCDEFGHJK"


@pytest.mark.parametrize("typed", ["", "ABCDE", "ABCDE-FGHJK-2", "ABCDE-FGHJ0", "'; DROP--"])
def test_normalise_join_code_rejects_non_codes(typed: str) -> None:
    assert codes.normalise_join_code(typed) is None


def test_find_by_join_code_normalises_typed_code(engine: Engine, team: Team, stored_bank: StoredBank) -> None:
    workshop, _ = create_workshop(engine, team.id, stored_bank.id, "Workshop", ["staff"])
    code = workshop.join_code or ""
    assert find_by_join_code(engine, code) == workshop
    assert find_by_join_code(engine, f"  {code.lower().replace('-', ' ')} ") == workshop
    assert find_by_join_code(engine, "22222-22222") is None
    assert find_by_join_code(engine, "nonsense") is None


def test_create_workshop_retries_when_join_code_collides(
    engine: Engine, team: Team, stored_bank: StoredBank, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn = iter(["AAAAABBBBB", "AAAAABBBBB", "CCCCCDDDDD"])
    monkeypatch.setattr(codes, "new_join_code", lambda: next(drawn))
    first, _ = create_workshop(engine, team.id, stored_bank.id, "One", ["staff"])
    second, _ = create_workshop(engine, team.id, stored_bank.id, "Two", ["staff"])
    assert (first.join_code, second.join_code) == ("AAAAA-BBBBB", "CCCCC-DDDDD")
    assert [a.title for a in list_assessments(engine, team.id)] == ["One", "Two"]


def test_set_status_closes_and_reopens(engine: Engine, team: Team, stored_bank: StoredBank) -> None:
    made = create_assessment(engine, team.id, stored_bank.id, "T")
    closed = set_status(engine, made.id, "closed")
    assert closed.status == "closed" and closed.closed_at is not None
    assert set_status(engine, made.id, "closed") == closed  # closing twice keeps the first time
    reopened = set_status(engine, made.id, "open")
    assert (reopened.status, reopened.closed_at) == ("open", None)


def test_set_status_bad_status_and_missing_assessment(engine: Engine) -> None:
    with pytest.raises(StorageError) as caught:
        set_status(engine, 1, "paused")
    assert str(caught.value) == "The status 'paused' is not one of: open, closed."
    with pytest.raises(StorageError) as caught:
        set_status(engine, 999, "closed")
    assert str(caught.value) == "This session no longer exists: it may have been deleted."


def test_list_assessments_oldest_first_for_that_team_only(
    engine: Engine, team: Team, stored_bank: StoredBank
) -> None:
    other = create_team(engine, "Org", "Other")
    first = create_assessment(engine, team.id, stored_bank.id, "First")
    create_assessment(engine, other.id, stored_bank.id, "Elsewhere")
    second = create_assessment(engine, team.id, stored_bank.id, "Second")
    assert list_assessments(engine, team.id) == [first, second]


def test_earlier_assessments_same_bank_id_any_version(
    engine: Engine, team: Team, bank: Bank, stored_bank: StoredBank
) -> None:
    newer_bank = save_bank(engine, replace(bank, version="2.0"), "id: test-bank\nversion: '2.0'\n")
    other_bank = save_bank(engine, replace(bank, id="other"), "id: other\n")
    other_team = create_team(engine, "Org", "Other")
    first = create_assessment(engine, team.id, stored_bank.id, "First")
    second = create_assessment(engine, team.id, stored_bank.id, "Second")
    create_assessment(engine, team.id, other_bank.id, "Different bank")
    create_assessment(engine, other_team.id, stored_bank.id, "Other team")
    third = create_assessment(engine, team.id, newer_bank.id, "Third")
    assert earlier_assessments(engine, second) == [first]
    assert earlier_assessments(engine, third) == [first, second]
    assert earlier_assessments(engine, first) == []


def test_create_assessment_same_request_makes_one(engine: Engine, team: Team, stored_bank: StoredBank) -> None:
    request = "request-0123456789abcdef"
    first = create_assessment(engine, team.id, stored_bank.id, "Spring", request_id=request)
    again = create_assessment(engine, team.id, stored_bank.id, "Spring", request_id=request)
    assert again == first
    assert [a.id for a in list_assessments(engine, team.id)] == [first.id]
    with pytest.raises(StorageError) as caught:
        create_assessment(engine, team.id, stored_bank.id, "Spring", request_id="short")
    assert str(caught.value) == "A request id needs 16 to 64 characters."


def test_create_workshop_same_request_gives_back_the_same_key(engine: Engine, team: Team, stored_bank: StoredBank) -> None:
    key = codes.new_facilitator_key()
    request = "request-workshop-0123456789"
    first, first_key = create_workshop(engine, team.id, stored_bank.id, "W", ["staff"], key=key, request_id=request)
    again, again_key = create_workshop(engine, team.id, stored_bank.id, "W", ["staff"], key=key, request_id=request)
    assert (again, again_key) == (first, first_key) and first_key == key
    assert check_facilitator_key(engine, first.id, key)
    with pytest.raises(StorageError) as caught:
        create_workshop(engine, team.id, stored_bank.id, "W", ["staff"], request_id="request-without-a-key-000")
    assert str(caught.value) == "A repeatable workshop request needs its facilitator key made beforehand."
