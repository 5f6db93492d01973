"""Codes people read or type: resume codes, facilitator keys and join codes use a readable alphabet."""

from __future__ import annotations

import math
import re
import secrets

import pytest
from sqlalchemy.engine import Engine

import storage
from storage import codes
from tests.storage.engines import sqlite_engine

LOOK_ALIKES = set("0O1lIiLoU")


@pytest.mark.parametrize("make", [codes.new_token, codes.new_facilitator_key, codes.new_join_code])
def test_codes_contain_no_look_alike_characters(make: object) -> None:
    assert callable(make)
    made = "".join(make() for _ in range(300))
    assert not LOOK_ALIKES & set(made)
    assert set(made.replace("-", "")) <= set(codes.JOIN_ALPHABET)


def test_new_token_is_sixteen_readable_characters_with_at_least_75_bits() -> None:
    token = codes.new_token()
    assert re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTVWXYZ]{16}", token)
    assert codes.RESUME_LENGTH * math.log2(len(codes.JOIN_ALPHABET)) >= 75
    assert len({codes.new_token() for _ in range(1000)}) == 1000


def test_format_resume_code_groups_of_four() -> None:
    assert codes.format_resume_code("K7M4QP9XD2RT8WHN") == "K7M4-QP9X-D2RT-8WHN"


def test_format_resume_code_shows_an_old_token_as_it_is() -> None:
    assert codes.format_resume_code("Za_XhEX0LoHv52PTrf0x5g") == "Za_XhEX0LoHv52PTrf0x5g"


@pytest.mark.parametrize("typed", ["K7M4-QP9X-D2RT-8WHN", "k7m4-qp9x-d2rt-8whn", "k7m4qp9xd2rt8whn",
                                   " K7M4 QP9X D2RT 8WHN ", "k7m4–qp9x–d2rt–8whn"])
def test_normalise_resume_code_ignores_case_dashes_and_spaces(typed: str) -> None:
    assert codes.normalise_resume_code(typed) == "K7M4QP9XD2RT8WHN"


def test_normalise_resume_code_keeps_an_old_token_case_sensitive() -> None:
    assert codes.normalise_resume_code(" Za_XhEX0LoHv52PTrf0x5g ") == "Za_XhEX0LoHv52PTrf0x5g"


def test_new_facilitator_key_is_four_groups_of_five_with_at_least_96_bits() -> None:
    key = codes.new_facilitator_key()
    assert re.fullmatch(r"([23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}-){3}[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}", key)
    assert codes.KEY_LENGTH * math.log2(len(codes.JOIN_ALPHABET)) >= 96


def test_verify_key_accepts_a_readable_key_typed_in_any_case_with_or_without_dashes() -> None:
    key = codes.new_facilitator_key()
    stored = codes.hash_key(key)
    assert codes.verify_key(key, stored)
    assert codes.verify_key(key.lower().replace("-", " "), stored)
    assert codes.verify_key(key.replace("-", ""), stored)
    assert not codes.verify_key(codes.new_facilitator_key(), stored)


def test_verify_key_old_urlsafe_key_still_works_and_stays_case_sensitive() -> None:
    old = secrets.token_urlsafe(12)  # what keys looked like before
    stored = codes.hash_key(old)
    assert codes.verify_key(old, stored)
    assert not codes.verify_key(old.swapcase(), stored) or old.swapcase() == old


@pytest.fixture
def engine(tmp_path: object) -> Engine:
    made = sqlite_engine(tmp_path)  # type: ignore[arg-type]
    storage.install_builtin_banks(made)
    return made


def _session(engine: Engine) -> storage.Assessment:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    row = next(b.id for b in storage.list_banks(engine) if b.bank_id == "coproduction-quick")
    return storage.create_assessment(engine, team.id, row, "Spring", threshold=1)


def test_get_respondent_finds_a_new_code_typed_lower_case_with_spaces(engine: Engine) -> None:
    assessment = _session(engine)
    joined = storage.join(engine, assessment.id, "staff")
    assert re.fullmatch(r"[23456789A-Z]{16}", joined.token)
    typed = " ".join(codes.format_resume_code(joined.token).lower().split("-"))
    found = storage.get_respondent(engine, typed)
    assert found is not None and found.id == joined.id


def test_get_respondent_old_token_keeps_working(engine: Engine) -> None:
    assessment = _session(engine)
    old = "Za_XhEX0LoHv52PTrf0x5g"
    joined = storage.join(engine, assessment.id, "staff", token=old)
    found = storage.get_respondent(engine, old)
    assert found is not None and found.id == joined.id
    assert storage.get_respondent(engine, old.lower()) is None
