"""Scores never depend on the language: people answering the Welsh and the English bank are in one result."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

import storage
from services.access import FULL_ACCESS
from questions import BankError
from services.banks import bank_of, bank_version, upload_bank
from services.results import results_for
from tests.questions.test_translations import DEFAULTS_CY, INLINE as INLINE_WITHOUT_DEFAULTS
from tests.services.conftest import quick_row

INLINE = INLINE_WITHOUT_DEFAULTS + DEFAULTS_CY


def test_welsh_and_english_answers_land_in_one_result(engine: Engine) -> None:
    team = storage.create_team(engine, "Cyngor Glan-yr-afon", "Day services")
    workshop = storage.create_assessment(engine, team.id, quick_row(engine), "Gweithdy", threshold=2)
    english = bank_of(engine, workshop)
    welsh = english.in_language("cy")
    assert welsh.title != english.title and welsh.translation_status is not None
    # Each participant's form is drawn from their language's copy; answers are keyed by its statement ids.
    for bank, level, token in ((welsh, 1, "cy-0"), (english, 3, "en-0")):
        answers = {s.id: storage.Answer(s.id, level, None, "") for s in bank.statements}
        storage.submit_response(engine, workshop.id, "staff", answers, token)
    report = results_for(engine, workshop, FULL_ACCESS)
    assert report.n_respondents == 2
    assert [(row.principle, row.n, row.score) for row in report.principle_rows] == [
        (p.id, 2, 50.0) for p in english.principles]
    assert all(row.shown and row.score == 50.0 for row in report.statement_rows)


def test_stored_builtin_bank_carries_its_shipped_translations(engine: Engine) -> None:
    bank = storage.load_bank_version(engine, quick_row(engine))
    assert bank.languages == ("en-GB", "ar", "cy")
    assert bank.in_language("ar").text_direction == "rtl"


def test_bank_of_in_a_language_gives_that_languages_texts(engine: Engine) -> None:
    team = storage.create_team(engine, "Cyngor Glan-yr-afon", "Day services")
    assessment = storage.create_assessment(engine, team.id, quick_row(engine), "Gwanwyn", threshold=1)
    assert bank_of(engine, assessment, "cy").statement("quick-facilitating").texts(True) == (
        "Staff sy'n rhedeg popeth.", "Pobl sy'n rhedeg pethau. Mae staff yn helpu.")
    assert bank_of(engine, assessment, "cy").translation_status == "awaiting review by a first-language Welsh speaker"
    assert bank_of(engine, assessment, None).title == "Co-production self-reflection (quick)"


def test_uploaded_bank_keeps_its_inline_translations(engine: Engine) -> None:
    data = INLINE.encode("utf-8")
    stored = upload_bank(engine, data, "team.yaml")
    version = bank_version(engine, stored.id)
    assert version is not None and version.bank.languages == ("en-GB", "cy")
    welsh = version.bank.in_language("cy")
    assert (welsh.title, welsh.statement("assets-1").texts()) == (
        "Banc enghreifftiol", ("Rydyn ni'n rhestru anghenion.", "Rydyn ni'n rhestru cryfderau."))


def test_uploaded_bank_with_a_broken_translation_is_refused_with_its_line(engine: Engine) -> None:
    data = INLINE.replace("    title: Banc enghreifftiol\n", "    title: [Banc]\n").encode("utf-8")
    with pytest.raises(BankError) as caught:
        upload_bank(engine, data, "team.yaml")
    assert str(caught.value).splitlines() == [
        "team.yaml:16: translations.cy.title: expected text, found a list. Hint: Write the text after the colon, in quotes if it contains ': '.",
    ]
    assert [b.bank_id for b in storage.list_banks(engine) if not b.builtin] == []
