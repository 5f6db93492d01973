"""Workshop pages: creating a session, the facilitator-key gate, the live view."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

import storage
from services.access import Viewer, access_for
from services.sessions import lock_everywhere, unlock
from ui.context import md
from tests.views.conftest import bank_row, open_page, seed_answers


def _workshop(engine: Engine, people: int = 0) -> tuple[storage.Assessment, str]:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    workshop, key = storage.create_workshop(engine, team.id, bank_row(engine, "coproduction-full"), "March workshop", ("staff", "carers"), 3)
    seed_answers(engine, workshop, "coproduction-full", people)
    return workshop, key


def _status(engine: Engine, workshop: storage.Assessment) -> str:
    """The session's stored status."""
    found = storage.get_assessment(engine, workshop.id)
    assert found is not None
    return str(found.status)


def _discussed(engine: Engine, workshop: storage.Assessment) -> str | None:
    """The statement stored as under discussion."""
    state = storage.presenter_state(engine, workshop.id)
    assert state is not None
    return state.statement_id


def _facilitate(workshop: storage.Assessment, key: str, tab: str = "Live") -> AppTest:
    """The facilitator view with the key given and one tab open (tabs run only when shown)."""
    return open_page("views/facilitate.py", session={f"facilitator_key_{workshop.id}": key,
                                                     f"facilitate_tab_{workshop.id}": tab}, a=str(workshop.id))


def test_workshop_create_shows_code_and_key_once(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    at = open_page("views/workshop.py", team=str(team.id))
    assert not at.exception
    [b for b in at.button if b.label == "Create session"][0].click().run()
    assert not at.exception
    created = storage.list_assessments(engine, team.id)
    assert len(created) == 1 and created[0].mode == "workshop"
    key = at.code[0].value
    assert storage.check_facilitator_key(engine, created[0].id, key)
    assert any(str(created[0].join_code) in m.value for m in at.markdown)


def test_workshop_create_retried_request_makes_one_session_with_one_key(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    pending = ("retried-request-0123456789", storage.new_facilitator_key())
    for _ in range(2):  # the same request twice, as after a double click or a lost reply
        at = open_page("views/workshop.py", session={"new_workshop_request": pending}, team=str(team.id))
        [b for b in at.button if b.label == "Create session"][0].click().run()
        assert not at.exception
        assert at.code[0].value == pending[1]
        assert "new_workshop_request" not in at.session_state
    created = storage.list_assessments(engine, team.id)
    assert len(created) == 1
    assert storage.check_facilitator_key(engine, created[0].id, pending[1])


def test_home_create_retried_request_makes_one_assessment(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    for _ in range(2):
        at = open_page("views/home.py", session={"new_assessment_request": "retried-assessment-0123456"},
                       team=str(team.id))
        [b for b in at.button if b.label == "Create"][0].click().run()
        assert not at.exception
        assert any(s.value.startswith("Created. Share the code") for s in at.success)
    assert len(storage.list_assessments(engine, team.id)) == 1


def test_facilitate_without_key_shows_nothing_of_the_results(engine: Engine) -> None:
    workshop, _key = _workshop(engine, people=4)
    at = open_page("views/facilitate.py", a=str(workshop.id))
    assert not at.exception
    assert not at.metric and not at.dataframe
    assert not (at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"))
    assert at.text_input[0].label == "Facilitator key"


def test_facilitate_wrong_key_is_refused(engine: Engine) -> None:
    workshop, _key = _workshop(engine, people=4)
    at = open_page("views/facilitate.py", a=str(workshop.id))
    at.text_input[0].input("not-the-key")
    at.button[0].click().run()
    assert not at.exception
    assert at.error[0].value == "That key does not match this session."
    assert not at.metric


def test_facilitate_typed_key_does_not_reopen_after_the_unlock_is_revoked(engine: Engine) -> None:
    workshop, key = _workshop(engine, people=4)
    at = open_page("views/facilitate.py", a=str(workshop.id))
    at.text_input[0].input(key)
    at.button[0].click().run()
    assert not at.exception and at.metric, "the typed key unlocks this browser"
    # Another device holding the key locks the workshop everywhere else (a lost or copied cookie).
    other = access_for(engine, Viewer(signed_in_mode=False, device="the-facilitators-laptop"))
    assert unlock(engine, other, workshop, key)
    assert lock_everywhere(engine, other, workshop) == 1
    at.run()
    assert not at.exception
    assert not at.metric and at.text_input[0].label == "Facilitator key", "the key must be typed again"


def test_facilitate_with_key_shows_live_counts_and_results(engine: Engine) -> None:
    workshop, key = _workshop(engine, people=4)
    at = open_page("views/facilitate.py", session={f"facilitator_key_{workshop.id}": key}, a=str(workshop.id))
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Answers sent"] == "4"
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")


def test_facilitate_results_and_data_pages_are_gated_too(engine: Engine) -> None:
    workshop, _key = _workshop(engine, people=4)
    for page in ("views/results.py", "views/data.py"):
        at = open_page(page, a=str(workshop.id))
        assert not at.exception
        assert not at.metric and not at.dataframe
        assert at.text_input[0].label == "Facilitator key"


def test_facilitate_close_session_asks_first(engine: Engine) -> None:
    workshop, key = _workshop(engine, people=1)
    at = _facilitate(workshop, key, "Session")
    [b for b in at.button if b.label == "Close the session"][0].click().run()
    assert not at.exception
    assert _status(engine, workshop) == "open"
    assert at.warning[0].value == ("Close the session now? Everyone who joined has sent their answers. "
                                   "Nobody new can join.")
    [b for b in at.button if b.label == "Yes, close the session"][0].click().run()
    assert not at.exception
    assert _status(engine, workshop) == "closed"


def test_facilitate_discussion_records_agreed_rating_beside_private_ones(engine: Engine) -> None:
    workshop, key = _workshop(engine, people=4)
    before = storage.responses_frame(engine, workshop.id)
    at = _facilitate(workshop, key, "Discussion")
    first = _discussed(engine, workshop)  # the discussion starts and is stored
    [r for r in at.radio if r.label == "Agreed group rating"][0].set_value(2)
    [t for t in at.text_area if t.label == "Notes from the discussion"][0].input("Mixed views: <b>depends</b> on the day")
    [b for b in at.button if b.label == "Save the agreed rating"][0].click().run()
    assert not at.exception
    agreed = storage.agreed_ratings(engine, workshop.id)
    assert {k: (v.rating, v.notes) for k, v in agreed.items()} == {first: (2, "Mixed views: <b>depends</b> on the day")}
    assert [s.value for s in at.success] == ["Saved"]
    assert storage.responses_frame(engine, workshop.id).equals(before)


def test_facilitate_discussion_steps_through_statements_and_keeps_one_when_reordered(engine: Engine) -> None:
    workshop, key = _workshop(engine, people=4)
    at = _facilitate(workshop, key, "Discussion")
    assert any(c.value.startswith("Statement 1 of 36") for c in at.caption)
    [b for b in at.button if b.label == "Next statement"][0].click().run()
    assert not at.exception
    assert any(c.value.startswith("Statement 2 of 36") for c in at.caption)
    second = _discussed(engine, workshop)
    number = storage.load_bank_version(engine, workshop.bank_row_id).statement_ids.index(str(second)) + 1
    # By principle: the same statement stays under discussion, now at its place in the bank.
    [r for r in at.radio if r.label == "Order"][0].set_value("bank").run()
    assert not at.exception
    assert _discussed(engine, workshop) == second
    assert any(c.value.startswith(f"Statement {number} of 36 · number {number}") for c in at.caption)


def test_facilitate_follow_up_session_keeps_team_bank_and_settings(engine: Engine) -> None:
    workshop, key = _workshop(engine, people=3)
    at = _facilitate(workshop, key, "Session")
    [b for b in at.button if b.label == "Create a follow-up session"][0].click().run()
    assert not at.exception
    sessions = storage.list_assessments(engine, workshop.team_id)
    assert len(sessions) == 2
    follow = sessions[1]
    assert (follow.bank_row_id, follow.perspectives, follow.threshold, follow.mode) == (
        workshop.bank_row_id, workshop.perspectives, workshop.threshold, "workshop")
    assert storage.earlier_assessments(engine, follow) == [workshop]
    assert storage.check_facilitator_key(engine, follow.id, key), "the follow-up opens with the same key"


def test_facilitate_follow_up_results_compare_with_baseline(engine: Engine) -> None:
    workshop, key = _workshop(engine, people=3)
    # A follow-up made from the facilitator view keeps the series' key.
    follow, same = storage.create_workshop(engine, workshop.team_id, workshop.bank_row_id, "June workshop",
                                           ("staff", "carers"), 3, key=key)
    assert same == key
    seed_answers(engine, follow, "coproduction-full", 3, seed=2)
    at = open_page("views/results.py", session={f"facilitator_key_{follow.id}": key}, a=str(follow.id))
    assert not at.exception
    text = " ".join(t.value for t in at.text)
    assert "Baseline: March workshop" in text


def test_facilitate_another_facilitators_workshop_is_no_baseline(engine: Engine) -> None:
    workshop, _key = _workshop(engine, people=3)
    other, key = storage.create_workshop(engine, workshop.team_id, workshop.bank_row_id, "June workshop", ("staff",), 3)
    seed_answers(engine, other, "coproduction-full", 3, seed=2)
    at = open_page("views/results.py", session={f"facilitator_key_{other.id}": key}, a=str(other.id))
    assert not at.exception
    assert "March workshop" not in " ".join(t.value for t in at.text)
    assert any(c.value.startswith("1 earlier workshop session is not in the trend") for c in at.caption)


def test_facilitate_live_view_shows_perspectives_only_when_big_enough(engine: Engine) -> None:
    workshop, key = _workshop(engine, people=3)
    seed_answers(engine, workshop, "coproduction-full", 2, seed=5, perspective="carers")
    state = {f"facilitator_key_{workshop.id}": key}
    at = open_page("views/facilitate.py", session=state, a=str(workshop.id))
    assert not at.exception
    assert md("Carers and family members: 2 respondents, merged into Other perspectives.") in [c.value for c in at.caption]
    assert not any("Carers and family members: Recognising" in t.value for t in at.text)
    seed_answers(engine, workshop, "coproduction-full", 1, seed=6, perspective="carers")
    at = open_page("views/facilitate.py", session=state, a=str(workshop.id))
    assert any("Carers and family members: Recognising" in t.value for t in at.text)


def test_facilitate_finds_the_session_by_join_code_and_still_asks_for_the_key(engine: Engine) -> None:
    workshop, key = _workshop(engine, people=3)
    at = open_page("views/facilitate.py")
    assert not at.exception
    at.text_input[0].input(storage.format_join_code(str(workshop.join_code)).lower())
    [b for b in at.button if b.label == "Find the session"][0].click().run()
    assert not at.exception
    assert [t.label for t in at.text_input] == ["Facilitator key"]
    assert not at.metric, "nothing of the results before the key"
    at.text_input[0].input(key)
    [b for b in at.button if b.label == "Open"][0].click().run()
    assert not at.exception
    assert [m.label for m in at.metric][:2] == ["Joined", "Answers sent"]


def test_facilitate_join_code_in_the_address_opens_the_key_form(engine: Engine) -> None:
    workshop, _key = _workshop(engine, people=3)
    at = open_page("views/facilitate.py", code=str(workshop.join_code))
    assert not at.exception
    assert [t.label for t in at.text_input] == ["Facilitator key"]
    at = open_page("views/facilitate.py", code="ZZZZZ-ZZZZZ")
    assert at.warning[0].value.startswith("Open a workshop session")


def test_facilitate_discussion_gives_the_score_out_of_100_as_results_and_the_pdf_do(engine: Engine) -> None:
    workshop, key = _workshop(engine, people=4)
    at = _facilitate(workshop, key, "Discussion")
    assert not at.exception
    captions = [c.value for c in at.caption if "agreement" in c.value]
    assert captions and all(c.startswith("Score ") and " of 100 · agreement " in c for c in captions)
    assert not any(" of 4 " in c.value for c in at.caption)
