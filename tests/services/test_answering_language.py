"""A participant's interface language: stored when they join or change it, restored with their resume code."""

from __future__ import annotations

from sqlalchemy.engine import Engine

import storage
from services.answering import join, language_of, remember_language, respondent
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
