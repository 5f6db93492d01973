"""The join page and answer form in the participant's language, kept with their resume code."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

import storage
from tests.views.conftest import bank_row, open_page

PICKER = "language_picker_participant"
NOW_CY = "Ble mae eich ymarfer nawr?"
NOW_AR = "أين تقف ممارستك الآن؟"


def _workshop(engine: Engine) -> storage.Assessment:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    return storage.create_assessment(engine, team.id, bank_row(engine, "coproduction-quick"), "Spring", threshold=1)


def _right_to_left(at: AppTest) -> bool:
    """Whether the page drew the right-to-left style."""
    return any("direction: rtl" in element.proto.body for element in at.get("html"))


def _token(at: AppTest) -> str:
    token = at.query_params["r"]
    return str(token[0] if isinstance(token, list) else token)


def test_join_page_in_welsh_after_picking_cymraeg(engine: Engine) -> None:
    at = open_page("views/assess.py")
    at.selectbox(key=PICKER).set_value("cy").run()
    assert not at.exception
    assert at.title[0].value == "Rhowch sgôr i'ch ymarfer"
    assert at.text_input[0].label == "Cod ymuno"
    assert not _right_to_left(at)


def test_join_page_in_arabic_is_right_to_left(engine: Engine) -> None:
    at = open_page("views/assess.py")
    assert not _right_to_left(at)
    at.selectbox(key=PICKER).set_value("ar").run()
    assert not at.exception
    assert at.text_input[0].label == "رمز الانضمام"
    assert _right_to_left(at)


def test_answer_form_in_welsh_and_the_choice_kept_with_the_resume_code(engine: Engine) -> None:
    assessment = _workshop(engine)
    at = open_page("views/assess.py", code=str(assessment.join_code))
    at.selectbox(key=PICKER).set_value("cy").run()
    assert at.radio[0].label == "O ba safbwynt rydych chi'n ateb?"
    at.radio[0].set_value("staff")
    at.button[0].click().run()
    assert not at.exception
    [r for r in at.radio if r.label == NOW_CY][0].set_value(3).run()
    assert at.get("progress")[0].proto.text == "1 o 6 datganiad wedi'u hateb · cam 1 o 6"
    respondent = storage.get_respondent(engine, _token(at))
    assert respondent is not None and respondent.language == "cy"
    assert [(a.statement_id, a.current) for a in storage.get_answers(engine, respondent.id).values()] == [
        ("quick-assets", 3)]


def test_resume_code_on_another_device_opens_in_the_chosen_language(engine: Engine) -> None:
    assessment = _workshop(engine)
    respondent = storage.join(engine, assessment.id, "carers")
    storage.set_language(engine, respondent.id, "ar")
    at = open_page("views/assess.py", code=str(assessment.join_code), r=respondent.token)
    assert not at.exception
    assert [r.label for r in at.radio][:1] == [NOW_AR]
    assert at.selectbox(key=PICKER).value == "ar"
    assert _right_to_left(at)
    # Changing language on the form is kept for the next device.
    at.selectbox(key=PICKER).set_value("cy").run()
    assert not at.exception and at.radio[0].label == NOW_CY and not _right_to_left(at)
    again = storage.get_respondent(engine, respondent.token)
    assert again is not None and again.language == "cy"


def test_resume_code_typed_on_the_join_page_restores_the_language(engine: Engine) -> None:
    assessment = _workshop(engine)
    respondent = storage.join(engine, assessment.id, "staff")
    storage.set_language(engine, respondent.id, "cy")
    at = open_page("views/assess.py", code=respondent.token)
    assert not at.exception
    assert at.radio[0].label == NOW_CY


def test_people_in_one_workshop_each_read_their_own_language(engine: Engine) -> None:
    assessment = _workshop(engine)
    welsh = storage.join(engine, assessment.id, "staff")
    storage.set_language(engine, welsh.id, "cy")
    english = storage.join(engine, assessment.id, "carers")
    welsh_page = open_page("views/assess.py", code=str(assessment.join_code), r=welsh.token)
    english_page = open_page("views/assess.py", code=str(assessment.join_code), r=english.token)
    assert welsh_page.radio[0].label == NOW_CY
    assert english_page.radio[0].label == "Where is your practice now?"


def test_own_link_opens_in_the_language_the_person_answered_in(engine: Engine) -> None:
    assessment = _workshop(engine)
    respondent = storage.join(engine, assessment.id, "staff")
    storage.set_language(engine, respondent.id, "ar")
    storage.save_answer(engine, respondent.id, "quick-assets", 2, None, "")
    at = open_page("views/mine.py", holder=False, r=respondent.token)
    assert not at.exception
    assert at.title[0].value == "إجاباتك وما نتج عنها"
    assert _right_to_left(at)
    assert [b.label for b in at.button] == ["احذف إجاباتي"]
    # The statements read in the bank's Arabic translation, numbered as the form numbered them.
    assert any(m.value.startswith("**العبارة 1** · الاعتراف بالناس") for m in at.markdown)


def _two_pickers() -> None:
    """A page with the participant's picker and the staff one (which has no Arabic), as a merged app may draw."""
    import streamlit as st

    import i18n
    from ui.language import install, language_picker

    install()
    language_picker("participant", where="main")
    language_picker("staff")
    st.markdown(i18n.current_language())


def test_a_staff_picker_does_not_undo_an_arabic_choice() -> None:
    at = AppTest.from_function(_two_pickers, default_timeout=30).run()
    at.selectbox(key=PICKER).set_value("ar").run()
    at.run()
    assert not at.exception
    assert at.markdown[0].value == "ar"
    assert at.selectbox(key=PICKER).value == "ar"
