"""Presenter mode's page (issue 12 points 1-2): behind the facilitator key, one stage at a time, from storage."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

import storage
from domain.vocabulary import PresenterStage
from tests.views.conftest import bank_row, open_page, seed_answers


def _workshop(engine: Engine, people: int = 0) -> tuple[storage.Assessment, str]:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    workshop, key = storage.create_workshop(engine, team.id, bank_row(engine, "coproduction-quick"), "March workshop",
                                            ("staff", "carers"), 3)
    seed_answers(engine, workshop, "coproduction-quick", people)
    return workshop, key


def _html(at: AppTest) -> str:
    """Every st.html body the page drew."""
    return "\n".join(str(element.proto.body) for element in at.get("html"))


def _present(workshop: storage.Assessment, key: str) -> AppTest:
    return open_page("views/present.py", session={f"facilitator_key_{workshop.id}": key}, a=str(workshop.id))


def test_present_without_key_shows_only_the_key_form(engine: Engine) -> None:
    workshop, _key = _workshop(engine, people=4)
    at = open_page("views/present.py", a=str(workshop.id))
    assert not at.exception
    assert [t.label for t in at.text_input] == ["Facilitator key"]
    assert str(workshop.join_code) not in _html(at)
    assert not at.get("arrow_vega_lite_chart") and not at.get("vega_lite_chart")


def test_present_starts_with_the_join_code_then_follows_the_stored_stage(engine: Engine) -> None:
    workshop, key = _workshop(engine, people=4)
    at = _present(workshop, key)
    assert not at.exception
    assert f">{workshop.join_code}</p>" in _html(at)
    assert at.get("image"), "the QR code"
    storage.set_presenter(engine, workshop.id, stage=PresenterStage.RESULTS)
    at.run()
    assert not at.exception
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert "Where we disagree most" in _html(at)
    [b for b in at.button if b.label == "Next"][0].click().run()
    assert not at.exception
    state = storage.presenter_state(engine, workshop.id)
    assert state is not None and state.stage is PresenterStage.DISCUSSION
    assert "Statement 1 of 6" in _html(at)
    [b for b in at.button if b.label == "Next"][0].click().run()
    assert "Statement 2 of 6" in _html(at)
    [b for b in at.button if b.label == "Progress"][0].click().run()
    assert "How far people have got, principle by principle" in _html(at)
