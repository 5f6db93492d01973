"""Answer page: joining with a code, choosing a perspective, autosaved answers, sending."""

from __future__ import annotations

import sqlite3

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

import storage
import services.answering
from tests.views.conftest import bank_row, open_page
from ui.context import md


def _sent_at(engine: Engine, token: str) -> object:
    """When the respondent with this token pressed Send (None while still answering)."""
    respondent = storage.get_respondent(engine, token)
    assert respondent is not None
    return respondent.submitted_at


def _self_assessment(engine: Engine) -> storage.Assessment:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    return storage.create_assessment(engine, team.id, bank_row(engine, "coproduction-quick"), "Spring", threshold=1)


def test_assess_asks_for_a_code_without_one(engine: Engine) -> None:
    at = open_page("views/assess.py")
    assert not at.exception
    assert at.text_input[0].label == "Join code"


def test_assess_unknown_code_is_explained(engine: Engine) -> None:
    at = open_page("views/assess.py", code="NOPE")
    assert not at.exception
    assert at.error[0].value == "No assessment has the code NOPE. Check the code and try again."


def test_assess_join_then_answer_is_saved(engine: Engine) -> None:
    assessment = _self_assessment(engine)
    at = open_page("views/assess.py", code=str(assessment.join_code))
    assert not at.exception
    at.radio[0].set_value("staff")
    at.button[0].click().run()
    assert not at.exception
    token = at.query_params["r"]
    token = token[0] if isinstance(token, list) else token
    respondent = storage.get_respondent(engine, token)
    assert respondent is not None and respondent.perspective == "staff"
    current = [r for r in at.radio if r.label == "Where is your practice now?"][0]
    current.set_value(3).run()
    assert not at.exception
    saved = storage.get_answers(engine, respondent.id)
    assert [(a.statement_id, a.current) for a in saved.values()] == [("quick-assets", 3)]


def test_assess_resume_opens_first_unanswered_step_and_keeps_answers(engine: Engine) -> None:
    assessment = _self_assessment(engine)
    respondent = storage.join(engine, assessment.id, "carers")
    storage.save_answer(engine, respondent.id, "quick-assets", 2, 4, "We are getting there")
    at = open_page("views/assess.py", code=str(assessment.join_code), r=respondent.token)
    assert not at.exception
    assert at.header[0].value == "Reciprocity and mutuality"
    [b for b in at.button if b.label == "Back"][0].click().run()
    assert at.header[0].value == "Recognising people as assets"
    current = [r for r in at.radio if r.label == "Where is your practice now?"][0]
    assert current.value == 2
    assert [t for t in at.text_area if t.label == "Comment"][0].value == "We are getting there"


def test_assess_start_without_perspective_is_explained(engine: Engine) -> None:
    assessment = _self_assessment(engine)
    at = open_page("views/assess.py", code=str(assessment.join_code))
    at.button[0].click().run()
    assert not at.exception
    assert at.error[0].value == "Choose the point of view you are answering from, then press Start."
    assert storage.progress(engine, assessment.id) == (0, 0)


def test_assess_send_marks_the_response_submitted(engine: Engine) -> None:
    assessment = _self_assessment(engine)
    respondent = storage.join(engine, assessment.id, "staff")
    at = open_page("views/assess.py", session={"step": 6}, code=str(assessment.join_code), r=respondent.token)
    assert not at.exception
    [b for b in at.button if b.label == "Send my answers"][0].click().run()
    assert not at.exception
    assert _sent_at(engine, respondent.token) is not None
    assert at.success[0].value == "Thank you: your answers are in."


def test_assess_closed_session_refuses_new_people(engine: Engine) -> None:
    assessment = _self_assessment(engine)
    storage.set_status(engine, assessment.id, "closed")
    at = open_page("views/assess.py", code=str(assessment.join_code))
    assert not at.exception
    assert at.warning[0].value == "This session is closed, so no new answers can be added."


def test_assess_closed_while_answering_says_so_and_keeps_the_saved_answers(engine: Engine) -> None:
    assessment = _self_assessment(engine)
    respondent = storage.join(engine, assessment.id, "staff")
    storage.save_answer(engine, respondent.id, "quick-assets", 1, None, "")
    storage.set_status(engine, assessment.id, "closed")
    at = open_page("views/assess.py", code=str(assessment.join_code), r=respondent.token)
    assert not at.exception
    assert at.warning[0].value.startswith("This session has been closed, so no more answers can be added or sent.")
    assert not [r for r in at.radio if r.label == "Where is your practice now?"]
    assert [b for b in at.button if b.label == "Send my answers"] == []
    kept = storage.get_respondent(engine, respondent.token)
    assert kept is not None and kept.submitted_at is None


def test_assess_resume_code_typed_as_join_code_reopens_own_answers(engine: Engine) -> None:
    assessment = _self_assessment(engine)
    respondent = storage.join(engine, assessment.id, "staff")
    storage.save_answer(engine, respondent.id, "quick-assets", 1, None, "")
    at = open_page("views/assess.py", code=respondent.token)
    assert not at.exception
    assert at.query_params["r"] in (respondent.token, [respondent.token])
    assert at.query_params["code"] in (assessment.join_code, [assessment.join_code])
    assert at.header[0].value == "Reciprocity and mutuality"


def test_assess_sending_twice_keeps_one_response(engine: Engine) -> None:
    assessment = _self_assessment(engine)
    respondent = storage.join(engine, assessment.id, "staff")
    storage.save_answer(engine, respondent.id, "quick-assets", 3, None, "")
    # Two sessions on the same resume link: a double click, or a retry after a network blip.
    first = open_page("views/assess.py", session={"step": 6}, code=str(assessment.join_code), r=respondent.token)
    second = open_page("views/assess.py", session={"step": 6}, code=str(assessment.join_code), r=respondent.token)
    [b for b in first.button if b.label == "Send my answers"][0].click().run()
    sent_at = _sent_at(engine, respondent.token)
    [b for b in second.button if b.label == "Send my answers"][0].click().run()
    assert not first.exception and not second.exception
    assert storage.progress(engine, assessment.id) == (1, 1)
    assert _sent_at(engine, respondent.token) == sent_at
    assert len(storage.responses_frame(engine, assessment.id)) == 1


def test_assess_easy_read_swaps_in_plain_texts(engine: Engine) -> None:
    assessment = _self_assessment(engine)
    respondent = storage.join(engine, assessment.id, "staff")
    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    statement = bank.statement("quick-assets")
    at = open_page("views/assess.py", code=str(assessment.join_code), r=respondent.token)
    shown = " ".join(m.value for m in at.markdown)
    assert md(statement.to_text) in shown and md(str(statement.easy_read_to)) not in shown
    at.toggle(key="easy_read").set_value(True).run()
    assert not at.exception
    shown = " ".join(m.value for m in at.markdown)
    assert md(str(statement.easy_read_to)) in shown and md(statement.to_text) not in shown


def _token(at: object) -> str:
    token = at.query_params["r"]  # type: ignore[attr-defined]
    return str(token[0] if isinstance(token, list) else token)


def test_assess_next_person_on_the_same_device_gets_their_own_response(engine: Engine) -> None:
    assessment = _self_assessment(engine)
    at = open_page("views/assess.py", code=str(assessment.join_code))
    at.radio[0].set_value("staff")
    at.button[0].click().run()
    first = _token(at)
    [r for r in at.radio if r.label == "Where is your practice now?"][0].set_value(4).run()
    storage.submit(engine, storage.get_respondent(engine, first).id)  # type: ignore[union-attr]
    at.run()
    assert at.success[0].value == "Thank you: your answers are in."
    [b for b in at.button if b.label == "Someone else wants to answer on this device"][0].click().run()
    assert not at.exception
    at.radio[0].set_value("carers")
    [b for b in at.button if b.label == "Start"][0].click().run()
    second = _token(at)
    assert second != first
    respondent = storage.get_respondent(engine, second)
    assert respondent is not None and respondent.perspective == "carers" and respondent.submitted_at is None
    # The new person starts on an empty first step, not on the last person's answers.
    assert at.header[0].value == "Recognising people as assets"
    assert [r for r in at.radio if r.label == "Where is your practice now?"][0].value is None


def test_assess_easy_read_survives_a_reload(engine: Engine) -> None:
    assessment = _self_assessment(engine)
    respondent = storage.join(engine, assessment.id, "staff")
    at = open_page("views/assess.py", code=str(assessment.join_code), r=respondent.token)
    at.toggle[0].set_value(True).run()
    assert at.query_params["er"] in ("1", ["1"])
    # A reload is a new browser session with the same address.
    again = open_page("views/assess.py", code=str(assessment.join_code), r=respondent.token, er="1")
    assert not again.exception
    assert again.toggle[0].value is True


def _joined_page(engine: Engine) -> tuple[object, storage.Respondent]:
    assessment = _self_assessment(engine)
    respondent = storage.join(engine, assessment.id, "staff")
    at = open_page("views/assess.py", code=str(assessment.join_code), r=respondent.token)
    assert not at.exception
    return at, respondent


def _progress_text(at: object) -> str:
    return str(at.get("progress")[0].proto.text)  # type: ignore[attr-defined]


def _locked(*_args: object) -> None:
    raise sa.exc.OperationalError("INSERT INTO answers", {}, sqlite3.OperationalError("database is locked"))


def _closed(*_args: object) -> None:
    raise storage.StorageError("The disk is full.")


@pytest.mark.parametrize("failure", [_locked, _closed], ids=["database-locked", "storage-error"])
def test_assess_failed_save_is_said_calmly_and_not_shown_as_saved(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, failure: object
) -> None:
    at, respondent = _joined_page(engine)
    working = services.answering.save_answer
    monkeypatch.setattr("ui.answering.save_answer", failure)
    current = [r for r in at.radio if r.label == "Where is your practice now?"][0]  # type: ignore[attr-defined]
    current.set_value(3).run()
    assert not at.exception  # type: ignore[attr-defined]
    shown = [e.value for e in at.error]  # type: ignore[attr-defined]
    assert shown and shown[0].startswith("**Your answer to statement 1 is not saved yet.** Your choice is kept here")
    assert "Traceback" not in shown[0] and "OperationalError" not in shown[0]
    assert not any("Saved" in c.value for c in at.caption)  # type: ignore[attr-defined]
    assert _progress_text(at).startswith("0 of 6 statements answered")
    assert storage.get_answers(engine, respondent.id) == {}
    # The choice is kept for a retry: once storage works again, Try again saves it.
    monkeypatch.setattr("ui.answering.save_answer", working)
    [b for b in at.button if b.label == "Try again"][0].click().run()  # type: ignore[attr-defined]
    assert not at.exception  # type: ignore[attr-defined]
    assert [(a.statement_id, a.current) for a in storage.get_answers(engine, respondent.id).values()] == [
        ("quick-assets", 3)]
    assert not at.error  # type: ignore[attr-defined]
    assert any("Saved" in c.value for c in at.caption)  # type: ignore[attr-defined]
    assert _progress_text(at).startswith("1 of 6 statements answered")


def test_assess_back_shows_stored_answers_after_the_widgets_were_dropped(engine: Engine) -> None:
    at, respondent = _joined_page(engine)
    current = [r for r in at.radio if r.label == "Where is your practice now?"][0]  # type: ignore[attr-defined]
    current.set_value(2).run()
    for _ in range(6):
        [b for b in at.button if b.label in ("Next", "Review")][0].click().run()  # type: ignore[attr-defined]
    for _ in range(6):
        [b for b in at.button if b.label == "Back"][0].click().run()  # type: ignore[attr-defined]
    assert not at.exception  # type: ignore[attr-defined]
    assert at.header[0].value == "Recognising people as assets"  # type: ignore[attr-defined]
    current = [r for r in at.radio if r.label == "Where is your practice now?"][0]  # type: ignore[attr-defined]
    assert current.value == 2
    assert _progress_text(at).startswith("1 of 6 statements answered")
