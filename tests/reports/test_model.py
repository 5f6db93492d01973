"""The results model: numbers, anonymity, baselines and what is left out."""

from __future__ import annotations

import dataclasses
from datetime import date

import pandas as pd
import pytest

from questions.schema import Bank
from reports.formatting import format_date, whole
from reports.model import build_results
from reports.rules import choose_baseline, discussion_order, effective_threshold, shown_change, still_open
from reports.parts import Fact
from scoring import score_group
from tests.reports.conftest import action, agreed, answers, results_input, results_of, session, uniform


def test_build_results_principle_rows_match_hand_calculation(bank: Bank, responses: pd.DataFrame) -> None:
    report = results_of(bank, responses)
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


def test_build_results_highlights_carry_statement_texts_and_numbers(bank: Bank, responses: pd.DataFrame) -> None:
    report = results_of(bank, responses)
    assert report.strengths[0].principle == "assets"
    assert report.strengths[0].from_text == "From assets 1: we decide for people."
    assert report.development_areas[0].principle == "reciprocity"
    assert report.development_areas[0].to_text == "To reciprocity 1: we decide with people."
    assert (report.hot_spots[0].statement, report.hot_spots[0].number) == ("assets_1", 1)
    assert report.hot_spots[0].agreement == pytest.approx(1 - 0.56**0.5 / 2)


def test_build_results_small_perspective_is_never_counted_exactly(bank: Bank, responses: pd.DataFrame) -> None:
    report = results_of(bank, responses)
    facts = {f.label: f.value for f in report.facts}
    assert facts["Respondents"] == "5"
    # One carer beside four staff: counted with staff, so nobody's group size can be subtracted; a lone
    # group repeats the total, so it is not listed.
    assert "Carers and family members" not in facts and "Staff and volunteers" not in facts
    assert {s.label for s in report.perspective_scores} == {"Staff and volunteers and others (merged)"}


def test_build_results_radar_has_current_target_and_baseline(bank: Bank, responses: pd.DataFrame) -> None:
    earlier = session(responses.assign(current=0.0), title="March", taken_on=date(2026, 3, 2), number=1)
    report = results_of(bank, responses, earlier=[earlier])
    assert list(dict.fromkeys(report.radar["series"])) == ["Current", "Target", "Baseline: March (2 Mar 2026)"]
    assert report.radar[report.radar["series"] == "Baseline: March (2 Mar 2026)"]["score"].tolist() == [0, 0, 0]
    assert [c.change for c in report.changes] == [80, 25, 50]
    assert report.baseline is not None and report.baseline.id == 1


def test_build_results_too_small_baseline_is_skipped_and_counted(bank: Bank, responses: pd.DataFrame) -> None:
    small = session(responses[responses["respondent"].isin(["s0", "s1"])], title="Tiny", number=1)
    report = results_of(bank, responses, earlier=[small])
    assert report.changes == () and report.baseline is None
    assert report.earlier_too_few == 1
    assert set(report.radar["series"]) == {"Current", "Target"}


def test_build_results_withheld_contains_no_scores_or_statements(bank: Bank) -> None:
    few = answers({"a": ("staff", uniform(bank, 4, 4)), "b": ("carers", uniform(bank, 0, 4))})
    report = results_of(bank, few, earlier=[session(few, number=1)], ratings=agreed({"assets_1": (3, "")}),
                        actions=[action("assets", "Ask people")])
    assert report.withheld == ("Results appear once at least 3 people have answered (so far: fewer than 3). "
                               "This keeps everyone's answers anonymous.")
    assert report.overall_score is None and report.overall_band is None and report.radar.empty
    for name in ("principle_rows", "strengths", "development_areas", "hot_spots", "perspective_scores",
                 "perspective_gaps", "changes", "trend"):
        assert getattr(report, name) == (), name
    assert not any(row.shown or row.mean is not None for row in report.statement_rows)
    assert Fact("Respondents", "fewer than 3") in report.facts
    assert not any(f.label == "Staff and volunteers" for f in report.facts)
    assert [a.description for a in report.actions] == ["Ask people"]


def test_build_results_comments_only_grouped_by_shown_statement(bank: Bank, responses: pd.DataFrame) -> None:
    # networks_2 answered by two people only: hidden, so its comment is nowhere in the model.
    trimmed = responses[~((responses["statement"] == "networks_2") & ~responses["respondent"].isin(["s0", "s1"]))]
    trimmed = trimmed.assign(comment=trimmed["statement"].map(lambda sid: f"about {sid}"))
    report = results_of(bank, trimmed)
    assert [(c.statement, c.number) for c in report.comments] == [
        (sid, n) for n, sid in enumerate(bank.statement_ids, start=1) if sid != "networks_2"]
    assert all(set(c.comments) == {f"about {c.statement}"} for c in report.comments)
    elsewhere = repr([getattr(report, f.name) for f in dataclasses.fields(report) if f.name not in ("group", "comments")])
    assert "about " not in elsewhere
    assert "about networks_2" not in repr(report.comments)


def test_build_results_actions_and_agreed_ratings_kept_literally(bank: Bank, responses: pd.DataFrame) -> None:
    plan = [action("networks", "<b>Meet</b> & **talk**", "Siân", date(2027, 1, 5))]
    ratings = agreed({"reciprocity_2": (1, "We disagree"), "gone": (4, ""), "assets_1": (None, "")})
    report = results_of(bank, responses, actions=plan, ratings=ratings)
    row = report.actions[0]
    assert (row.principle_name, row.description, row.owner, row.due_date, row.status) == (
        "Peer support networks", "<b>Meet</b> & **talk**", "Siân", date(2027, 1, 5), "planned")
    assert [(a.statement, a.number, a.rating_label) for a in report.agreed] == [
        ("assets_1", 1, "Don't know"), ("reciprocity_2", 4, "1 More like From")]


def test_build_results_method_explains_scale_and_threshold(bank: Bank, responses: pd.DataFrame) -> None:
    method = results_of(bank, responses, threshold=4).method
    assert any("multiplied by 25" in p and "each respondent weighs equally" in p for p in method)
    assert any("at least 4 people" in p for p in method)
    assert method[-1] == ("Score bands: 0 to below 25: Doing to; 25 to below 50: Doing for; "
                          "50 to below 75: Doing with; 75 to 100: Co-producing.")


def test_format_date_has_no_leading_zero() -> None:
    assert format_date(date(2026, 11, 3)) == "3 November 2026"
    assert format_date(date(2026, 11, 3), short=True) == "3 Nov 2026"


def test_build_results_without_team_leaves_out_blank_facts(bank: Bank, responses: pd.DataFrame) -> None:
    report = results_of(bank, responses, organisation="", team=" ")
    labels = [fact.label for fact in report.facts]
    assert "Organisation" not in labels and "Team" not in labels
    assert labels[:2] == ["Question set", "Assessment date"]


def test_build_results_scores_the_baseline_at_its_own_stricter_threshold(bank: Bank, responses: pd.DataFrame) -> None:
    lone = answers({"w1": ("staff", uniform(bank, 1.0, 2.0))})
    # A one-person self-assessment (threshold 1) after a workshop with one participant (threshold 3).
    open_baseline = results_of(bank, responses, threshold=1, earlier=[session(lone, threshold=1, number=1)])
    assert open_baseline.changes, "without its own threshold the lone baseline would show"
    report = results_of(bank, responses, threshold=1, earlier=[session(lone, threshold=3, number=1)])
    assert report.changes == () and report.earlier_too_few == 1
    assert set(report.radar["series"]) == {"Current", "Target"}


def test_build_results_carries_only_the_baselines_unfinished_actions(bank: Bank, responses: pd.DataFrame) -> None:
    earlier = [action("assets", "Ask about strengths", status="in progress"),
               action("reciprocity", "Start a time bank", status="done"),
               action("networks", "Peer group", status="dropped"),
               action("networks", "Map local groups", status="planned")]
    report = results_of(bank, responses, earlier=[session(responses, actions=earlier, number=1)])
    assert [a.description for a in report.carried_actions] == ["Ask about strengths", "Map local groups"]
    assert report.actions == ()


def test_build_results_baseline_is_the_latest_showable_session(bank: Bank, responses: pd.DataFrame) -> None:
    old = session(responses.assign(current=1.0), title="Old", number=1)
    tiny = session(responses[responses["respondent"] == "s0"], title="Tiny", number=2)
    report = results_of(bank, responses, earlier=[old, tiny])
    assert report.baseline is not None and report.baseline.title == "Old"
    assert [p.session for p in report.trend[::3]] == ["Old (2 Nov 2026)", "Spring self-assessment (2 Nov 2026)"]


def test_build_results_discussion_order_puts_hidden_statements_last(bank: Bank, responses: pd.DataFrame) -> None:
    # Only two people answer networks_2: too few to show its spread, so it comes last, marked.
    trimmed = responses[~((responses["statement"] == "networks_2") & ~responses["respondent"].isin(["s0", "s1"]))]
    report = results_of(bank, trimmed)
    order = report.discussion_order
    assert sorted(order) == sorted(bank.statement_ids) and order[-1] == "networks_2"
    hidden = [row for row in report.statement_rows if not row.shown]
    assert [row.statement for row in hidden] == ["networks_2"]


def test_effective_threshold_is_the_stricter() -> None:
    assert effective_threshold(session(pd.DataFrame(), threshold=5), 3) == 5
    assert effective_threshold(session(pd.DataFrame(), threshold=1), 3) == 3


@pytest.mark.parametrize(("baseline", "latest", "expected"), [
    (58.4, 91.6, 34), (44.5, 45.4, 1), (45.4, 44.6, 0), (44.6, 45.4, 0), (10.0, 10.0, 0), (None, 50.0, None), (50.0, None, None),
])
def test_shown_change_is_the_difference_of_the_shown_numbers(baseline: float | None, latest: float | None,
                                                             expected: int | None) -> None:
    assert shown_change(baseline, latest) == expected
    if expected is not None:
        assert int(whole(latest)) - int(whole(baseline)) == expected, "the change is what the printed numbers say"


def test_choose_baseline_skips_withheld_latest(bank: Bank, responses: pd.DataFrame) -> None:
    full, lone = session(responses, number=1), session(responses[responses["respondent"] == "s0"], number=2)
    scored = [(full, score_group(full.responses, bank)), (lone, score_group(lone.responses, bank))]
    chosen = choose_baseline(scored)
    assert chosen is not None and chosen[0].id == 1
    assert choose_baseline(scored[1:]) is None


def test_still_open_keeps_planned_and_in_progress() -> None:
    plan = [action("a", "one", status=s, number=i) for i, s in enumerate(("planned", "in progress", "done", "dropped"))]
    assert [a.description for a in still_open(plan)] == ["one", "one"]
    assert [a.status for a in still_open(plan)] == ["planned", "in progress"]


def test_discussion_order_sorts_by_agreement_stably(bank: Bank, responses: pd.DataFrame) -> None:
    rows = results_of(bank, responses).statement_rows
    order = discussion_order(rows)
    agreements = [next(r.agreement for r in rows if r.statement == sid) for sid in order]
    assert agreements == sorted(agreements, key=lambda a: float("inf") if a is None else a)


def test_build_results_is_the_same_for_the_same_input(bank: Bank, responses: pd.DataFrame) -> None:
    inputs = results_input(bank, responses)
    first, second = build_results(inputs), build_results(inputs)
    assert first.principle_rows == second.principle_rows and first.discussion_order == second.discussion_order
