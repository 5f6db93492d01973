"""Scores never depend on the language: people answering the Welsh and the English bank are in one result."""

from __future__ import annotations

from sqlalchemy.engine import Engine

import storage
from services.access import FULL_ACCESS
from services.banks import bank_of
from services.results import results_for
from tests.services.conftest import quick_row


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
