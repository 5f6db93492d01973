"""The organisation model (issue 11 point 4): only shown teams and cells, nothing to work out by subtraction."""

from __future__ import annotations

import io
from datetime import date, datetime, timezone

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from reports.model import build_results
from reports.org_pdf import render_organisation_pdf
from reports.organisation import (
    NO_SESSION,
    NOT_ENOUGH,
    OVERALL,
    OrganisationInput,
    OrganisationSummary,
    TeamSessions,
    build_organisation,
    quarter,
    short_principles,
)
from reports.parts import Results, ResultsInput
from tests.reports.conftest import answers, session, small_bank, uniform

NOW = datetime(2027, 6, 1, 9, 0, tzinfo=timezone.utc)
BANK = small_bank()
THRESHOLD = 3


def results(responses: pd.DataFrame, title: str = "Spring", taken_on: date = date(2027, 2, 1),
            threshold: int = THRESHOLD) -> Results:
    """A session's results as its own results page shows them."""
    return build_results(ResultsInput(bank=BANK, organisation="Riverside Council", team="", generated_at=NOW,
                                      session=session(responses, title=title, taken_on=taken_on, threshold=threshold)))


def people(levels: dict[str, tuple[str, float]]) -> pd.DataFrame:
    """Everyone answers every statement at one level: {respondent: (perspective, level)}."""
    return answers({who: (perspective, uniform(BANK, level, 4)) for who, (perspective, level) in levels.items()})


ALPHA = people({"a1": ("staff", 1), "a2": ("staff", 2), "a3": ("staff", 3), "a4": ("carers", 4),
                "a5": ("carers", 4), "a6": ("carers", 4)})
GAMMA = people({"g1": ("staff", 4), "g2": ("staff", 4), "g3": ("staff", 2)})


def organisation(hidden: pd.DataFrame, *, gamma: pd.DataFrame = GAMMA) -> OrganisationSummary:
    """Alpha (shown, two quarters), Beta (whatever `hidden` holds: fewer than the threshold), Gamma (shown)."""
    teams = (
        TeamSessions(1, "Alpha", (results(ALPHA.assign(current=0.0), "Winter", date(2026, 11, 5)), results(ALPHA))),
        TeamSessions(2, "Beta <b>&</b>", (results(hidden, "Beta spring"),)),
        TeamSessions(3, "Gamma", (results(gamma, "Gamma spring", date(2027, 3, 1)),)),
        TeamSessions(4, "Delta", ()),
    )
    return build_organisation(OrganisationInput("Riverside Council", NOW, teams))


def pdf_text(summary: OrganisationSummary) -> str:
    """The text of the organisation PDF (charts are drawn from the same model)."""
    data = render_organisation_pdf(summary)
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_build_organisation_shows_each_team_by_its_latest_shown_session() -> None:
    summary = organisation(people({"b1": ("staff", 4), "b2": ("carers", 0)}))
    alpha, beta, gamma, delta = summary.teams
    assert (alpha.shown, alpha.session, alpha.respondents) == (True, "Spring", 6)
    assert alpha.scores == (75.0, 75.0, 75.0) and alpha.overall == 75.0
    assert (beta.shown, beta.status, beta.respondents, beta.overall) == (False, NOT_ENOUGH, None, None)
    assert beta.scores == (None, None, None)
    assert (delta.shown, delta.status) == (False, NO_SESSION)
    assert [m.mean for m in summary.means] == [(75.0 + gamma.scores[0]) / 2] * 3  # type: ignore[operator]
    assert [m.teams for m in summary.means] == [2, 2, 2]
    assert summary.notes[0] == ("1 team has not enough answers yet: nothing of theirs is shown or counted in the "
                                "organisation's figures.")


def test_build_organisation_trend_averages_the_teams_shown_each_quarter() -> None:
    summary = organisation(people({}))
    overall = [(p.period, p.score, p.teams) for p in summary.trend if p.series == OVERALL]
    gamma = summary.teams[2].overall
    assert gamma is not None
    assert overall == [("Oct–Dec 2026", 0.0, 1), ("Jan–Mar 2027", (75.0 + gamma) / 2, 2)]
    assert quarter(date(2027, 4, 1)) == (date(2027, 4, 1), "Apr–Jun 2027")


def test_build_organisation_differences_come_from_shown_perspective_gaps() -> None:
    summary = organisation(people({}))
    assert {(d.team, d.name, round(d.gap)) for d in summary.differences} == {
        ("Alpha", name, 50) for _, name in summary.principles}
    assert {d.highest for d in summary.differences} == {"Carers and family members"}


def test_build_organisation_averages_leave_out_a_hidden_cell() -> None:
    # Gamma's third person answers don't know on networks: two people, fewer than three, so no networks score.
    unsure = GAMMA.copy()
    unsure.loc[(unsure["respondent"] == "g3") & unsure["statement"].str.startswith("networks"), "current"] = float("nan")
    summary = organisation(people({}), gamma=unsure)
    gamma = summary.teams[2]
    assert gamma.shown and gamma.scores[2] is None
    networks = summary.means[2]
    assert (networks.mean, networks.teams) == (75.0, 1), "Alpha's score alone, not a total including Gamma's"
    assert [p.score for p in summary.trend if p.series == networks.name] == [0.0, 75.0]


def test_short_principles_only_where_the_name_holds_the_words() -> None:
    assert short_principles([("valuing_work", "Valuing work differently"), ("x1", "Something else")]) == (
        ("valuing_work", "Valuing work"), ("x1", "Something else"))


LEVELS = st.one_of(st.sampled_from([0.0, 1.0, 2.0, 3.0, 4.0]), st.just(float("nan")))


@st.composite
def hidden_answers(draw: st.DrawFn) -> pd.DataFrame:
    """Any answers from fewer people than the threshold, in any perspective."""
    rows = []
    for person in range(draw(st.integers(0, THRESHOLD - 1))):
        perspective = draw(st.sampled_from([p.id for p in BANK.perspectives]))
        for statement in BANK.statement_ids:
            rows.append({"respondent": f"h{person}", "perspective": perspective, "statement": statement,
                         "current": draw(LEVELS), "target": draw(LEVELS), "comment": ""})
    return pd.DataFrame(rows, columns=["respondent", "perspective", "statement", "current", "target", "comment"])


BASELINE = organisation(people({}))
BASELINE_TEXT = pdf_text(BASELINE)


@settings(max_examples=30)
@given(hidden_answers())
def test_build_organisation_a_hidden_teams_answers_change_nothing(hidden: pd.DataFrame) -> None:
    summary = organisation(hidden)
    assert repr(summary) == repr(BASELINE)
    assert pdf_text(summary) == BASELINE_TEXT

