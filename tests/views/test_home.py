"""Home page: explanation, teams, new self-assessments."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Button, TextInput

import storage
from tests.views.conftest import bank_row, open_page, seed_answers
from ui.context import md


def test_home_explains_co_production(engine: Engine) -> None:
    at = open_page()
    assert not at.exception
    assert at.title[0].value == "Co-production: how are you doing?"
    assert any("share power" in m.value for m in at.markdown)


def _field(at: AppTest, label: str) -> TextInput:
    return next(t for t in at.text_input if t.label == label)


def _button(at: AppTest, label: str) -> Button:
    return next(b for b in at.button if b.label == label)


def _create_team(at: AppTest, organisation: str, name: str) -> AppTest:
    _field(at, "Organisation").input(organisation)
    _field(at, "Team or service").input(name)
    return _button(at, "Create team").click().run()


def test_home_says_it_is_in_open_mode_in_one_line(engine: Engine) -> None:
    at = open_page()
    assert not at.exception
    assert at.caption[0].value.startswith("Open mode: no accounts. This browser lists only the teams it created")


def test_home_creates_a_team(engine: Engine) -> None:
    at = _create_team(open_page(), "Riverside Council", "Adult day services")
    assert not at.exception
    teams = storage.list_teams(engine)
    assert [(t.organisation, t.name) for t in teams] == [("Riverside Council", "Adult day services")]
    # The address carries the team's unguessable link, not its sequential id.
    assert at.query_params["team"] in ([teams[0].link_token], teams[0].link_token)


def test_home_rejects_a_team_without_a_name(engine: Engine) -> None:
    at = open_page()
    _field(at, "Organisation").input("Riverside Council")
    _button(at, "Create team").click().run()
    assert not at.exception
    assert storage.list_teams(engine) == []
    assert at.error, "an empty team name must be explained"


def test_home_open_mode_a_fresh_browser_lists_no_one_elses_team(engine: Engine) -> None:
    """Issue 11, open mode: Home lists only what this browser created or was given."""
    storage.create_team(engine, "Riverside Council", "Adult day services")
    at = open_page()
    assert not at.exception
    assert not [s for s in at.selectbox if s.label == "Open a team"]
    # Guessing the sequential id in the address opens nothing either.
    at = open_page(holder=False, team="1")
    assert not [s for s in at.selectbox if s.label == "Open a team"]
    assert at.warning[0].value == "No team has that link here, or you may not open it. Check the link and try again."


def test_home_open_mode_typing_a_teams_name_makes_a_new_team(engine: Engine) -> None:
    """Issue 11, open mode: a stranger typing the same names never gets the existing team."""
    existing = storage.create_team(engine, "Riverside Council", "Adult day services")
    at = _create_team(open_page(), "Riverside Council", "Adult day services")
    assert not at.exception
    teams = storage.list_teams(engine)
    assert len(teams) == 2 and at.query_params["team"] not in (existing.link_token, [existing.link_token])


def test_home_open_mode_a_team_link_opens_the_team_and_is_remembered(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Adult day services")
    at = open_page(team=str(team.link_token))
    assert not at.exception
    assert [s for s in at.selectbox if s.label == "Open a team"][0].value == team.id
    assert any(s.value == "Assessments of Adult day services" for s in at.subheader)
    # The grant is in the database under this browser's device: a new page run without the link still lists it.
    at.query_params.clear()
    at.run()
    assert [s for s in at.selectbox if s.label == "Open a team"][0].options == ["Riverside Council · Adult day services"]


def test_home_starts_a_self_assessment_with_a_join_code(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Adult day services")
    at = open_page(team=str(team.link_token))
    assert not at.exception
    quick = bank_row(engine, "coproduction-quick")
    form_box = [s for s in at.selectbox if s.label == "Question bank"][0]
    form_box.set_value(quick)
    [r for r in at.radio if r.label == "How will you answer?"][0].set_value("together")
    [b for b in at.button if b.label == "Create"][0].click().run()
    assert not at.exception
    created = storage.list_assessments(engine, team.id)
    assert len(created) == 1 and created[0].threshold == 1 and created[0].join_code
    assert any(created[0].join_code in s.value for s in at.success)


def test_home_unreachable_database_is_explained_without_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COPRO_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:9/nowhere?connect_timeout=2")
    at = open_page()
    assert not at.exception
    assert at.error[0].value.startswith("**The tool cannot do that right now**")
    assert md("nobody@127.0.0.1:9/nowhere") in at.error[0].value


def test_home_unexpected_failure_shows_a_calm_message(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> list[storage.Team]:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(storage, "memberships_of", broken)
    monkeypatch.setattr(storage, "active_grants", broken)
    at = open_page()
    assert not at.exception
    assert at.error[0].value.startswith("Something went wrong on our side. Everything already saved is safe")
    assert "disk on fire" not in at.error[0].value


def test_home_shows_how_many_sent_and_how_many_still_answer(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Adult day services")
    assessment = storage.create_assessment(engine, team.id, bank_row(engine, "coproduction-quick"), "Spring",
                                           threshold=1)
    seed_answers(engine, assessment, "coproduction-quick", 7)
    for _ in range(2):
        partial = storage.join(engine, assessment.id, "staff")
        storage.save_answer(engine, partial.id, "quick-assets", 1, None, "")
    at = open_page(team=str(team.link_token))
    assert not at.exception
    assert any("7 sent, 2 still answering" in m.value for m in at.markdown)
