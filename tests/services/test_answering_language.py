"""A participant's interface language: stored when they join or change it, restored with their resume code."""

from __future__ import annotations

from sqlalchemy.engine import Engine

import storage
from i18n import use_language
from services.answering import join, language_of, remember_language, respondent
from services.mine import open_own_link, own_answers_text
from tests.services.conftest import quick_row


def _workshop(engine: Engine) -> storage.Assessment:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    return storage.create_assessment(engine, team.id, quick_row(engine), "Spring")


def test_join_keeps_the_language_with_the_resume_code(engine: Engine) -> None:
    assessment = _workshop(engine)
    joined = join(engine, assessment, "staff", token="welsh-reader-token-0001", language="cy")
    # Another device: nothing but the resume code.
    again = respondent(engine, joined.token)
    assert again is not None and language_of(again) == "cy"


def test_changing_language_is_kept_and_others_keep_theirs(engine: Engine) -> None:
    assessment = _workshop(engine)
    welsh = join(engine, assessment, "staff", token="mixed-room-token-0001", language="cy")
    english = join(engine, assessment, "carers", token="mixed-room-token-0002", language="en")
    remember_language(engine, welsh, "ar")
    found_welsh = respondent(engine, welsh.token)
    found_english = respondent(engine, english.token)
    assert found_welsh is not None and language_of(found_welsh) == "ar"
    assert found_english is not None and language_of(found_english) == "en"


def test_unknown_language_is_stored_as_english(engine: Engine) -> None:
    assessment = _workshop(engine)
    joined = join(engine, assessment, "staff", token="odd-language-token-0001", language="cy")
    remember_language(engine, joined, "xx-YY")
    found = respondent(engine, joined.token)
    assert found is not None and found.language == "en"


def test_own_answers_text_is_written_in_the_chosen_language(engine: Engine) -> None:
    assessment = _workshop(engine)
    joined = join(engine, assessment, "staff", token="own-text-token-0001", language="cy")
    storage.save_answer(engine, joined.id, "quick-assets", 2, None, "Da iawn")
    with use_language("cy"):
        text = own_answers_text(open_own_link(engine, joined.token, language="cy"))
    assert "Datganiad 1 (Cydnabod pobl fel asedau)" in text
    assert "1 o 6 datganiad wedi'u hateb, heb eu hanfon." in text
    assert "  Fy sylw: Da iawn" in text
