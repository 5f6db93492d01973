"""Results page: charts and tables above the threshold, nothing below it."""

from __future__ import annotations

from sqlalchemy.engine import Engine

import storage
from tests.views.conftest import bank_row, open_page, seed_answers


def _assessment(engine: Engine, people: int, threshold: int = 3) -> storage.Assessment:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    assessment = storage.create_assessment(engine, team.id, bank_row(engine, "coproduction-full"), "Spring", threshold=threshold)
    seed_answers(engine, assessment, "coproduction-full", people)
    return assessment


def test_results_shows_radar_and_scores_above_threshold(engine: Engine) -> None:
    assessment = _assessment(engine, people=4)
    at = open_page("views/results.py", a=str(assessment.id))
    assert not at.exception
    assert at.metric[0].label == "Overall score (0-100)"
    assert at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart")
    assert len(at.dataframe) >= 1


def test_results_withheld_below_threshold(engine: Engine) -> None:
    assessment = _assessment(engine, people=2)
    at = open_page("views/results.py", a=str(assessment.id))
    assert not at.exception
    assert not at.metric
    assert not at.dataframe
    assert not (at.get("arrow_vega_lite_chart") or at.get("vega_lite_chart"))
    assert any("at least 3 people" in w.value for w in at.warning)


def test_results_without_assessment_points_home(engine: Engine) -> None:
    at = open_page("views/results.py")
    assert not at.exception
    assert at.warning[0].value == "Open results from your team's page on the Home page."


def test_results_adds_an_action(engine: Engine) -> None:
    assessment = _assessment(engine, people=3)
    at = open_page("views/results.py", a=str(assessment.id))
    [t for t in at.text_area if t.label == "What will we do?"][0].input("Invite people to co-chair the review")
    [t for t in at.text_input if t.label == "Who will lead it?"][0].input("Sam")
    [b for b in at.button if b.label == "Add action"][0].click().run()
    assert not at.exception
    actions = storage.list_actions(engine, assessment.id)
    assert [(a.description, a.owner, a.status) for a in actions] == [("Invite people to co-chair the review", "Sam", "planned")]
