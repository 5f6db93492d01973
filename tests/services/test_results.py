"""The results of a stored assessment: which earlier session is its baseline, what it carries over."""

from __future__ import annotations

from sqlalchemy.engine import Engine

import storage
from services.access import FULL_ACCESS
from services.results import results_for
from tests.services.test_team_data import NoWorkshops
from tests.services.conftest import quick_row, send


def test_results_for_baseline_skips_a_session_too_small_to_show(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    spring = storage.create_assessment(engine, team.id, quick_row(engine), "Spring", threshold=3)
    for i in range(3):
        send(engine, spring, "staff", 1, f"spring-{i}")
    summer = storage.create_assessment(engine, team.id, quick_row(engine), "Summer", threshold=3)
    send(engine, summer, "staff", 4, "summer-0")
    autumn = storage.create_assessment(engine, team.id, quick_row(engine), "Autumn", threshold=1)
    send(engine, autumn, "staff", 3, "autumn-0")
    report = results_for(engine, autumn, FULL_ACCESS)
    assert report.baseline is not None and report.baseline.label.startswith("Spring")
    assert [(c.baseline, c.latest, c.change) for c in report.changes] == [(25.0, 75.0, 50)] * 6


def test_results_for_baseline_only_from_sessions_the_viewer_may_see(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    workshop, _key = storage.create_workshop(engine, team.id, quick_row(engine), "Workshop", ("staff",), 1)
    send(engine, workshop, "staff", 1, "ws-0")
    later = storage.create_assessment(engine, team.id, quick_row(engine), "Later", threshold=1)
    send(engine, later, "staff", 3, "later-0")
    assert results_for(engine, later, FULL_ACCESS).baseline is not None
    hidden = results_for(engine, later, NoWorkshops())
    assert hidden.baseline is None and hidden.changes == ()


def test_results_for_carries_the_baselines_open_actions(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    spring = storage.create_assessment(engine, team.id, quick_row(engine), "Spring", threshold=1)
    send(engine, spring, "staff", 1, "spring-0")
    storage.add_action(engine, spring.id, "assets", "Still going", status="in progress")
    storage.add_action(engine, spring.id, "assets", "All done", status="done")
    autumn = storage.create_assessment(engine, team.id, quick_row(engine), "Autumn", threshold=1)
    send(engine, autumn, "staff", 3, "autumn-0")
    assert [a.description for a in results_for(engine, autumn, FULL_ACCESS).carried_actions] == ["Still going"]


def _seven_sent_two_answering(engine: Engine, title: str, level: int) -> storage.Assessment:
    """A self-assessment: seven people sent; two answered 1 of 6 statements and never pressed Send."""
    team = next((t for t in storage.list_teams(engine) if t.name == "Day services"), None)
    if team is None:
        team = storage.create_team(engine, "Riverside Council", "Day services")
    assessment = storage.create_assessment(engine, team.id, quick_row(engine), title, threshold=1)
    for i in range(7):
        send(engine, assessment, "staff", level, f"{title}-{i}")
    for _ in range(2):
        partial = storage.join(engine, assessment.id, "staff")
        storage.save_answer(engine, partial.id, "quick-assets", 0, 4, "not sent")
    return assessment


def test_results_for_self_assessment_counts_only_sent_responses(engine: Engine) -> None:
    spring = _seven_sent_two_answering(engine, "Spring", 2)
    report = results_for(engine, spring, FULL_ACCESS)
    assert report.n_respondents == 7
    assert storage.progress(engine, spring.id) == (9, 7)


def test_results_for_baseline_counts_only_sent_responses(engine: Engine) -> None:
    _seven_sent_two_answering(engine, "Spring", 2)
    team = next(t for t in storage.list_teams(engine) if t.name == "Day services")
    autumn = storage.create_assessment(engine, team.id, quick_row(engine), "Autumn", threshold=1)
    send(engine, autumn, "staff", 3, "autumn-0")
    report = results_for(engine, autumn, FULL_ACCESS)
    # The two unsent zeros on the first statement would pull Spring's baseline below 50.
    assert [(c.baseline, c.latest) for c in report.changes] == [(50.0, 75.0)] * 6
