"""The manager's view across teams (issue 11 point 4): one pure function over each team's results.

Built only from what each team's own results already show: a team with too few answers contributes
nothing, a hidden cell contributes nothing, and every organisation-wide figure is an average of shown
team figures (each team counting once). So no hidden number can be worked out by subtracting the shown
teams from an organisation total: there is no total that includes anything hidden.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from i18n import N_, _, ngettext
from reports.formatting import format_date
from reports.parts import Fact, Results

NOT_ENOUGH = "not enough answers yet"
NO_SESSION = "no assessment yet"
OVERALL = "Overall"
RADAR_SERIES = "Latest assessment"
TOP_DIFFERENCES = 10
QUARTERS = ("Jan–Mar", "Apr–Jun", "Jul–Sep", "Oct–Dec")


@dataclass(frozen=True, eq=False)
class TeamSessions:
    """One team's sessions the viewer may see, oldest first, as each team's results page shows them."""

    team_id: int
    team: str
    sessions: tuple[Results, ...] = ()
    locked: int = 0       # sessions left out because the viewer may not see them (workshops need their key)


@dataclass(frozen=True, eq=False)
class OrganisationInput:
    """What the manager's view of one organisation is built from."""

    organisation: str
    generated_at: datetime
    teams: tuple[TeamSessions, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class TeamSummary:
    """A team's latest shown assessment; with `shown` False nothing but its name and status appears."""

    team_id: int
    team: str
    shown: bool
    status: str                          # the session shown, or why nothing is
    session: str | None
    taken_on: date | None
    respondents: int | None
    overall: float | None
    band: str | None
    scores: tuple[float | None, ...]     # one per OrganisationSummary.principles; None where hidden
    collecting: bool                     # a newer session has too few answers to show (yet)
    locked: int


@dataclass(frozen=True)
class PrincipleMean:
    """The average of the shown team scores on a principle, and how many teams it averages."""

    principle: str
    name: str
    mean: float | None
    teams: int


@dataclass(frozen=True)
class OrgTrendPoint:
    """The average of shown team scores in a quarter, overall or on one principle."""

    period: str
    start: date
    series: str
    score: float
    teams: int


@dataclass(frozen=True)
class Difference:
    """How far the perspectives of one team differ on one principle (from its shown perspective scores)."""

    team_id: int
    team: str
    principle: str
    name: str
    gap: float
    highest: str
    lowest: str


@dataclass(frozen=True, eq=False)
class OrganisationSummary:
    """Everything the manager's page and the organisation PDF show; renderers only draw it."""

    organisation: str
    generated_at: datetime
    principles: tuple[tuple[str, str], ...]
    teams: tuple[TeamSummary, ...]
    means: tuple[PrincipleMean, ...]
    overall_mean: float | None
    trend: tuple[OrgTrendPoint, ...]
    differences: tuple[Difference, ...]
    facts: tuple[Fact, ...]
    notes: tuple[str, ...]
    method: tuple[str, ...]

    @property
    def shown_teams(self) -> tuple[TeamSummary, ...]:
        """The teams with numbers on show."""
        return tuple(team for team in self.teams if team.shown)


def session_name(results: Results) -> str:
    """A session as the view names it: title and date."""
    return f"{results.title} ({format_date(results.taken_on, short=True)})"


def _principles(teams: Sequence[TeamSessions]) -> tuple[tuple[str, str], ...]:
    """Every principle of the sessions shown, in the order their banks list them (first bank first)."""
    found: dict[str, str] = {}
    for team in teams:
        for results in team.sessions:
            for pid, name in results.principles:
                found.setdefault(pid, name)
    return tuple(found.items())


def _scores(results: Results) -> dict[str, float]:
    """A shown session's principle scores (hidden ones left out)."""
    return {row.principle: row.score for row in results.principle_rows if row.score is not None}


def _summary(team: TeamSessions, principles: Sequence[tuple[str, str]]) -> TeamSummary:
    """A team's latest shown session, or its status when none can be shown."""
    shown = [results for results in team.sessions if results.withheld is None]
    if not shown:
        status = NOT_ENOUGH if team.sessions else NO_SESSION
        return TeamSummary(team.team_id, team.team, False, status, None, None, None, None, None,
                           tuple(None for _ in principles), False, team.locked)
    latest = shown[-1]
    scores = _scores(latest)
    collecting = team.sessions.index(latest) < len(team.sessions) - 1
    return TeamSummary(team.team_id, team.team, True, session_name(latest), latest.title, latest.taken_on,
                       latest.n_respondents, latest.overall_score, latest.overall_band,
                       tuple(scores.get(pid) for pid, _ in principles), collecting, team.locked)


def _mean(values: Sequence[float]) -> float | None:
    """The plain average, or None for nothing."""
    return sum(values) / len(values) if values else None


def _means(teams: Sequence[TeamSummary], principles: Sequence[tuple[str, str]]) -> tuple[PrincipleMean, ...]:
    """Per principle, the average of the shown teams' shown scores."""
    rows = []
    for index, (pid, name) in enumerate(principles):
        values = [t.scores[index] for t in teams if t.shown and t.scores[index] is not None]
        rows.append(PrincipleMean(pid, name, _mean([v for v in values if v is not None]), len(values)))
    return tuple(rows)


def quarter(day: date) -> tuple[date, str]:
    """The calendar quarter a date falls in: its first day and its name ("Jan–Mar 2027")."""
    index = (day.month - 1) // 3
    return date(day.year, 3 * index + 1, 1), f"{QUARTERS[index]} {day.year}"


def _trend(teams: Sequence[TeamSessions], principles: Sequence[tuple[str, str]]) -> tuple[OrgTrendPoint, ...]:
    """Per quarter: the average over teams of each team's latest shown session in that quarter."""
    latest: dict[tuple[date, str], dict[int, Results]] = {}
    for team in teams:
        for results in team.sessions:
            if results.withheld is None:
                latest.setdefault(quarter(results.taken_on), {})[team.team_id] = results  # oldest first: last wins
    points = []
    for (start, period), by_team in sorted(latest.items()):
        overall = [r.overall_score for r in by_team.values() if r.overall_score is not None]
        if overall:
            points.append(OrgTrendPoint(period, start, OVERALL, sum(overall) / len(overall), len(overall)))
        for pid, name in principles:
            values = [s[pid] for s in (_scores(r) for r in by_team.values()) if pid in s]
            if values:
                points.append(OrgTrendPoint(period, start, name, sum(values) / len(values), len(values)))
    return tuple(points)


def _differences(teams: Sequence[TeamSessions], summaries: Sequence[TeamSummary]) -> tuple[Difference, ...]:
    """The largest perspective gaps of the shown sessions, biggest first."""
    rows = []
    for team, summary in zip(teams, summaries):
        if not summary.shown:
            continue
        latest = [r for r in team.sessions if r.withheld is None][-1]
        rows += [Difference(team.team_id, team.team, g.principle, g.name, g.max_gap, g.highest, g.lowest)
                 for g in latest.perspective_gaps if g.max_gap is not None]
    rows.sort(key=lambda d: (-round(d.gap), d.team, d.name))
    return tuple(rows[:TOP_DIFFERENCES])


def _notes(summaries: Sequence[TeamSummary]) -> tuple[str, ...]:
    """What the reader should know about what is and is not counted."""
    notes = []
    hidden = [t for t in summaries if t.status == NOT_ENOUGH]
    if hidden:
        notes.append(ngettext("{n} team has not enough answers yet: nothing of theirs is shown or counted in the "
                              "organisation's figures.",
                              "{n} teams have not enough answers yet: nothing of theirs is shown or counted in the "
                              "organisation's figures.", len(hidden)).format(n=len(hidden)))
    collecting = [t for t in summaries if t.collecting]
    if collecting:
        notes.append(ngettext("{n} team has a newer assessment with too few answers to show (yet): their latest "
                              "assessment with enough answers is shown.",
                              "{n} teams have a newer assessment with too few answers to show (yet): their latest "
                              "assessment with enough answers is shown.", len(collecting)).format(n=len(collecting)))
    locked = sum(t.locked for t in summaries)
    if locked:
        notes.append(ngettext("{n} workshop session is not included: their results need the facilitator key, given "
                              "once in this browser.",
                              "{n} workshop sessions are not included: their results need the facilitator key, "
                              "given once in this browser.", locked).format(n=locked))
    return tuple(notes)


METHOD = (
    N_("Each team is shown by its latest assessment with enough answers. A team, principle or perspective with "
       "fewer people than its assessment's minimum group size shows no score."),
    N_("Organisation figures are plain averages of the team scores shown, each team counting once however many "
       "people answered. Teams and cells that are not shown are left out of every average, so no hidden score "
       "can be worked out from the figures here."),
    N_("The trend averages, for each calendar quarter, each team's latest assessment with enough answers in that "
       "quarter. A different mix of teams from one quarter to the next moves the average too."),
    N_("Where perspectives differ most: within each team, the largest difference between the highest and lowest "
       "perspective score on a principle, as that team's results show it."),
)


def build_organisation(inputs: OrganisationInput) -> OrganisationSummary:
    """The manager's view of one organisation; nothing below any team's anonymity threshold is in it."""
    principles = _principles(inputs.teams)
    summaries = tuple(_summary(team, principles) for team in inputs.teams)
    shown = [t for t in summaries if t.shown]
    overall = _mean([t.overall for t in shown if t.overall is not None])
    facts = (Fact(_("Organisation"), inputs.organisation),
             Fact(_("Teams"), _("{teams} ({shown} with results to show)").format(teams=len(summaries),
                                                                                shown=len(shown))),
             Fact(_("Respondents in the teams shown"), str(sum(t.respondents or 0 for t in shown))),
             Fact(_("Report generated"), format_date(inputs.generated_at)))
    return OrganisationSummary(
        organisation=inputs.organisation, generated_at=inputs.generated_at, principles=principles,
        teams=summaries, means=_means(summaries, principles), overall_mean=overall,
        trend=_trend(inputs.teams, principles), differences=_differences(inputs.teams, summaries), facts=facts,
        notes=_notes(summaries), method=tuple(_(paragraph) for paragraph in METHOD))


def short_principles(principles: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Short principle labels for small radars: the id in words where the name contains it ("Valuing work").

    The six principles are known by these words (assets, reciprocity, networks, ...); any other bank keeps
    its full names.
    """
    short = []
    for pid, name in principles:
        words = pid.replace("_", " ").replace("-", " ").strip()
        short.append((pid, words.capitalize() if words and words.lower() in name.lower() else name))
    return tuple(short)


def radar_series(team: TeamSummary, principles: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """One team's shown principle scores as a radar series (reports.charts.radar_spec)."""
    rows = [(RADAR_SERIES, pid, score) for (pid, _), score in zip(principles, team.scores) if score is not None]
    return pd.DataFrame(rows, columns=["series", "principle", "score"])
