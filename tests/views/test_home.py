"""Home page: explanation, teams, new self-assessments."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

import storage
from tests.views.conftest import bank_row, open_page
from ui.context import md


def test_home_explains_co_production(engine: Engine) -> None:
    at = open_page()
    assert not at.exception
    assert at.title[0].value == "Co-production: how are you doing?"
    assert any("share power" in m.value for m in at.markdown)


def test_home_creates_a_team(engine: Engine) -> None:
    at = open_page()
    at.text_input[1].input("Riverside Council")
    at.text_input[2].input("Adult day services")
    at.button[1].click().run()
    assert not at.exception
    teams = storage.list_teams(engine)
    assert [(t.organisation, t.name) for t in teams] == [("Riverside Council", "Adult day services")]
    assert at.query_params["team"] == [str(teams[0].id)] or at.query_params["team"] == str(teams[0].id)


def test_home_rejects_a_team_without_a_name(engine: Engine) -> None:
    at = open_page()
    at.text_input[1].input("Riverside Council")
    at.button[1].click().run()
    assert not at.exception
    assert storage.list_teams(engine) == []
    assert at.error, "an empty team name must be explained"


def test_home_starts_a_self_assessment_with_a_join_code(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Adult day services")
    at = open_page(team=str(team.id))
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

    monkeypatch.setattr(storage, "list_teams", broken)
    at = open_page()
    assert not at.exception
    assert at.error[0].value.startswith("Something went wrong on our side. Everything already saved is safe")
    assert "disk on fire" not in at.error[0].value
