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
    tables = [e.proto.body for e in at.get("html") if "<div class=\"copro-table\"" in e.proto.body]
    assert tables and "Scores by principle" in tables[0] and "Recognising people as assets" in tables[0]
    assert not at.dataframe  # plain HTML tables: no data grid to load on a phone


def test_results_withheld_below_threshold(engine: Engine) -> None:
    assessment = _assessment(engine, people=2)
    at = open_page("views/results.py", a=str(assessment.id))
    assert not at.exception
    assert not at.metric
    assert not at.dataframe and not [e for e in at.get("html") if "<div class=\"copro-table\"" in e.proto.body]
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


def _charts_text(at: object) -> str:
    """Every chart's spec and data as text, to look for a series name."""
    elements = at.get("arrow_vega_lite_chart") + at.get("vega_lite_chart")  # type: ignore[attr-defined]
    return "\n".join(str(element.proto) for element in elements)


def test_results_leave_out_an_earlier_workshop_without_its_key(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    workshop, key = storage.create_workshop(engine, team.id, bank_row(engine, "coproduction-full"), "Secret workshop",
                                            ("staff",), 3)
    seed_answers(engine, workshop, "coproduction-full", 3, perspective="staff")
    later = storage.create_assessment(engine, team.id, bank_row(engine, "coproduction-full"), "Open check", threshold=1)
    seed_answers(engine, later, "coproduction-full", 1, seed=2)
    at = open_page("views/results.py", a=str(later.id))
    assert not at.exception
    assert "Secret workshop" not in _charts_text(at)
    assert any(c.value.startswith("1 earlier workshop session is not in the trend") for c in at.caption)
    # With the workshop's key given in this browser session, it is the baseline again.
    at = open_page("views/results.py", session={f"facilitator_key_{workshop.id}": key}, a=str(later.id))
    assert not at.exception
    assert "Secret workshop" in _charts_text(at)


def test_results_score_an_earlier_session_at_its_own_threshold(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    first = storage.create_assessment(engine, team.id, bank_row(engine, "coproduction-full"), "Lone first", threshold=3)
    seed_answers(engine, first, "coproduction-full", 1)
    later = storage.create_assessment(engine, team.id, bank_row(engine, "coproduction-full"), "Open check", threshold=1)
    seed_answers(engine, later, "coproduction-full", 1, seed=2)
    at = open_page("views/results.py", a=str(later.id))
    assert not at.exception
    assert "Lone first" not in _charts_text(at)
    assert "1 earlier assessment had too few respondents to show, so they are not in the trend." in [c.value for c in at.caption]


def test_results_list_actions_still_open_from_the_baseline(engine: Engine) -> None:
    first = _assessment(engine, people=3)
    storage.add_action(engine, first.id, "assets", "Ask people what they are good at", status="planned")
    storage.add_action(engine, first.id, "assets", "Already finished", status="done")
    later = storage.create_assessment(engine, first.team_id, bank_row(engine, "coproduction-full"), "Autumn")
    seed_answers(engine, later, "coproduction-full", 3, seed=4)
    at = open_page("views/results.py", a=str(later.id))
    assert not at.exception
    assert "Still open from Spring" in [h.value for h in at.subheader]
    shown = " ".join(m.value for m in at.markdown)
    assert "Ask people what they are good at" in shown and "Already finished" not in shown


def test_results_drop_a_pdf_prepared_before_the_answers_changed(engine: Engine) -> None:
    assessment = _assessment(engine, people=3)
    stale = "The answers or actions have changed since the PDF was prepared: prepare it again."
    at = open_page("views/results.py", a=str(assessment.id))
    assert stale not in [c.value for c in at.caption]
    held = {f"pdf_{assessment.id}": ("a fingerprint of other answers", b"%PDF-1.4 old")}
    at = open_page("views/results.py", session=held, a=str(assessment.id))
    assert not at.exception
    assert stale in [c.value for c in at.caption]
    assert f"pdf_{assessment.id}" not in at.session_state
    assert "Download the PDF summary" not in [d.proto.label for d in at.get("download_button")]


def test_results_use_the_pdf_section_names_and_0_to_100_units(engine: Engine) -> None:
    from reports.formatting import DISAGREE, OVERALL_SCORE, STRONGEST, TO_DEVELOP

    assessment = _assessment(engine, people=4)
    at = open_page("views/results.py", a=str(assessment.id))
    assert not at.exception
    shown = [m.value for m in at.markdown]
    assert {f"**{STRONGEST}**", f"**{TO_DEVELOP}**", f"**{DISAGREE}**"} <= set(shown)
    assert at.metric[0].label == OVERALL_SCORE
    columns = [column for frame in at.dataframe for column in frame.value.columns]
    assert not any("0-4" in str(column) for column in columns)


def test_results_prepare_the_pdf_with_comments_when_chosen(engine: Engine) -> None:
    assessment = _assessment(engine, people=3)
    at = open_page("views/results.py", a=str(assessment.id))
    label = "Include what people wrote (comments on statements whose results are shown)"
    [c for c in at.checkbox if c.label == label][0].check().run()
    [b for b in at.button if b.label == "Prepare the PDF summary"][0].click().run()
    assert not at.exception
    prepared = at.session_state[f"pdf_{assessment.id}"]
    assert prepared[0].endswith("True") and prepared[1].startswith(b"%PDF")
    assert "Download the PDF summary" in [d.proto.label for d in at.get("download_button")]
