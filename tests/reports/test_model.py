"""The report model: numbers, anonymity and what is left out."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pandas as pd
import pytest

from questions.schema import Bank
from reports.model import Fact, build_report, format_date
from tests.reports.conftest import answers, report_kwargs, uniform


def test_build_report_principle_rows_match_hand_calculation(bank: Bank, responses: pd.DataFrame) -> None:
    report = build_report(**report_kwargs(bank, responses))
    rows = {r.principle: r for r in report.principle_rows}
    assert [r.principle for r in report.principle_rows] == ["assets", "reciprocity", "networks"]
    assert (rows["assets"].score, rows["reciprocity"].score, rows["networks"].score) == pytest.approx((80, 25, 50))
    assert (rows["assets"].target, rows["networks"].target) == pytest.approx((95, 100))
    assert rows["reciprocity"].gap == pytest.approx(70)
    assert (rows["assets"].n, rows["networks"].n) == (5, 4)
    assert rows["assets"].band == "Co-producing"
    # Overall: each respondent's own mean answer x 25, then the mean over respondents.
    own = responses.dropna(subset=["current"]).groupby("respondent")["current"].mean() * 25
    assert report.overall_score == pytest.approx(own.mean())
    assert report.overall_band == "Doing with"


def test_build_report_highlights_carry_statement_texts(bank: Bank, responses: pd.DataFrame) -> None:
    report = build_report(**report_kwargs(bank, responses))
    assert report.strengths[0].principle == "assets"
    assert report.strengths[0].from_text == "From assets 1: we decide for people."
    assert report.development_areas[0].principle == "reciprocity"
    assert report.development_areas[0].to_text == "To reciprocity 1: we decide with people."
    assert report.hot_spots[0].statement == "assets_1"
    assert report.hot_spots[0].agreement == pytest.approx(1 - 0.56**0.5 / 2)


def test_build_report_small_perspective_is_never_counted_exactly(bank: Bank, responses: pd.DataFrame) -> None:
    report = build_report(**report_kwargs(bank, responses))
    facts = {f.label: f.value for f in report.facts}
    assert facts["Respondents"] == "5"
    # One carer beside four staff: counted with staff, so nobody's group size can be subtracted.
    assert facts["Staff and volunteers and others (merged)"] == "5"
    assert "Carers and family members" not in facts and "Staff and volunteers" not in facts
    assert {s.label for s in report.perspective_scores} == {"Staff and volunteers and others (merged)"}


def test_build_report_radar_has_current_target_and_baseline(bank: Bank, responses: pd.DataFrame) -> None:
    baseline = responses.assign(current=0.0)
    report = build_report(**report_kwargs(bank, responses), baseline_responses=baseline, baseline_label="2025-03")
    assert list(dict.fromkeys(report.radar["series"])) == ["Current", "Target", "Baseline 2025-03"]
    assert report.radar[report.radar["series"] == "Baseline 2025-03"]["score"].tolist() == [0, 0, 0]
    assert [c.change for c in report.changes] == pytest.approx([80, 25, 50])


def test_build_report_withheld_baseline_gives_note_not_change(bank: Bank, responses: pd.DataFrame) -> None:
    baseline = responses[responses["respondent"].isin(["s0", "s1"])]
    report = build_report(**report_kwargs(bank, responses), baseline_responses=baseline, baseline_label="2025-03")
    assert report.changes == ()
    assert "The baseline had fewer than 3 respondents, so no change since then is shown." in report.notes
    assert set(report.radar["series"]) == {"Current", "Target"}


def test_build_report_withheld_contains_no_scores_or_statements(bank: Bank) -> None:
    few = answers({"a": ("staff", uniform(bank, 4, 4)), "b": ("carers", uniform(bank, 0, 4))})
    report = build_report(**report_kwargs(bank, few), baseline_responses=few, agreed={"assets_1": {"rating": 3}},
                          actions=[{"principle": "assets", "description": "Ask people"}])
    assert report.withheld == ("Fewer than 3 people have answered, so no results are shown, to protect their "
                               "anonymity. Results appear once at least 3 people have answered.")
    assert report.overall_score is None and report.overall_band is None and report.radar.empty
    for name in ("principle_rows", "strengths", "development_areas", "hot_spots", "perspective_scores",
                 "perspective_gaps", "changes", "agreed", "notes"):
        assert getattr(report, name) == (), name
    assert Fact("Respondents", "fewer than 3") in report.facts
    assert not any(f.label == "Staff and volunteers" for f in report.facts)
    assert [a.description for a in report.actions] == ["Ask people"]


def test_build_report_leaves_out_comments(bank: Bank, responses: pd.DataFrame) -> None:
    report = build_report(**report_kwargs(bank, responses))
    flat = repr(dataclasses.asdict(report))
    assert "private comment" not in flat


def test_build_report_actions_and_agreed_ratings_kept_literally(bank: Bank, responses: pd.DataFrame) -> None:
    actions = [{"principle": "networks", "description": "<b>Meet</b> & **talk**", "owner": "Siân",
                "due_date": date(2027, 1, 5), "status": "planned"}]
    agreed: dict[str, dict[str, Any]] = {"reciprocity_2": {"rating": 1, "notes": "We disagree"},
                                         "gone": {"rating": 4, "notes": ""}, "assets_1": {"rating": None, "notes": ""}}
    report = build_report(**report_kwargs(bank, responses), actions=actions, agreed=agreed)
    action = report.actions[0]
    assert (action.principle_name, action.description, action.owner, action.due, action.status) == (
        "Peer support networks", "<b>Meet</b> & **talk**", "Siân", "5 January 2027", "planned")
    assert [(a.statement, a.rating_label) for a in report.agreed] == [
        ("assets_1", "Don't know"), ("reciprocity_2", "1 More like From")]


def test_build_report_method_explains_scale_and_threshold(bank: Bank, responses: pd.DataFrame) -> None:
    method = build_report(**report_kwargs(bank, responses), threshold=4).method
    assert any("multiplied by 25" in p and "each respondent weighs equally" in p for p in method)
    assert any("at least 4 people" in p for p in method)
    assert method[-1] == ("Score bands: 0 to below 25: Doing to; 25 to below 50: Doing for; "
                          "50 to below 75: Doing with; 75 to 100: Co-producing.")


def test_format_date_has_no_leading_zero() -> None:
    assert format_date(date(2026, 11, 3)) == "3 November 2026"


def test_build_report_without_team_leaves_out_blank_facts(bank: Bank, responses: pd.DataFrame) -> None:
    report = build_report(**report_kwargs(bank, responses) | dict(organisation="", team=" "))
    labels = [fact.label for fact in report.facts]
    assert "Organisation" not in labels and "Team" not in labels
    assert labels[:2] == ["Question set", "Assessment date"]


def test_build_report_scores_the_baseline_at_its_own_stricter_threshold(bank: Bank, responses: pd.DataFrame) -> None:
    lone = answers({"w1": ("staff", uniform(bank, 1.0, 2.0))})
    # A one-person self-assessment (threshold 1) after a workshop with one participant (threshold 3).
    kwargs = report_kwargs(bank, responses) | dict(threshold=1)
    open_baseline = build_report(**kwargs, baseline_responses=lone, baseline_label="Workshop")
    assert open_baseline.changes, "without its own threshold the lone baseline would show"
    report = build_report(**kwargs, baseline_responses=lone, baseline_label="Workshop", baseline_threshold=3)
    assert report.changes == ()
    assert "The baseline had fewer than 3 respondents, so no change since then is shown." in report.notes
    assert set(report.radar["series"]) == {"Current", "Target"}


def test_build_report_carries_only_the_baselines_unfinished_actions(bank: Bank, responses: pd.DataFrame) -> None:
    earlier = [{"principle": "assets", "description": "Ask about strengths", "status": "in progress"},
               {"principle": "reciprocity", "description": "Start a time bank", "status": "done"},
               {"principle": "networks", "description": "Peer group", "status": "dropped"},
               {"principle": "networks", "description": "Map local groups", "status": "planned"}]
    report = build_report(**report_kwargs(bank, responses), baseline_actions=earlier)
    assert [a.description for a in report.carried_actions] == ["Ask about strengths", "Map local groups"]
    assert report.actions == ()
