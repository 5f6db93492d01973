"""Drawing the manager's view (reports.organisation): team table, heat map, small radars, trend, differences."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import datetime, timezone

import pandas as pd
import streamlit as st

from domain.records import Organisation
from i18n import _, ngettext
from questions.errors import ProjectError
from reports import charts, org_charts
from reports.formatting import DASH, whole
from reports.organisation import OrganisationSummary, TeamSummary, radar_series, short_principles
from services.access import ViewerAccess
from services.organisation import log_exported, organisation_summary
from ui.context import engine, md, show_error

RADAR_SIZE = 200      # with short labels the radar is about 335 px wide: it fits a 390 px phone
RADARS_PER_ROW = 3


def _team_row(team: TeamSummary, summary: OrganisationSummary) -> dict[str, str]:
    """A team's row of the table: a dash in every number it does not show."""
    row = {_("Team"): team.team, _("Latest assessment"): team.status,
           _("Respondents"): str(team.respondents) if team.shown else DASH, _("Overall"): whole(team.overall)}
    row |= {name: whole(score) for (_, name), score in zip(summary.principles, team.scores)}
    return row


def show_team_table(summary: OrganisationSummary) -> None:
    """Each team's latest shown assessment; teams with too few answers show nothing but that."""
    # A table shows text literally (no Markdown): team names need no escaping here.
    st.dataframe(pd.DataFrame([_team_row(t, summary) for t in summary.teams]), hide_index=True)


def show_heatmap(summary: OrganisationSummary) -> None:
    """Teams x principles, coloured by score, numbers on the cells, a dash where hidden."""
    description = org_charts.text_alternative_heatmap(summary)
    st.altair_chart(org_charts.heatmap_chart(summary), width="stretch", theme=None, key="org_heatmap",
                    alt=description)
    with st.expander(_("Heat map as text")):
        st.text(description)


def show_averages(summary: OrganisationSummary) -> None:
    """The average of the shown team scores, overall and per principle."""
    st.metric(_("Average overall score of the teams shown (0-100)"), whole(summary.overall_mean))
    st.dataframe(pd.DataFrame({_("Principle"): [m.name for m in summary.means],
                               _("Average of the teams shown"): [whole(m.mean) for m in summary.means],
                               _("Teams"): [m.teams for m in summary.means]}), hide_index=True)


def show_radars(summary: OrganisationSummary) -> None:
    """One small radar per team, three to a row (stacked on a phone)."""
    teams = list(summary.teams)
    for start in range(0, len(teams), RADARS_PER_ROW):
        columns = st.columns(RADARS_PER_ROW)
        for column, team in zip(columns, teams[start:start + RADARS_PER_ROW]):
            with column:
                st.markdown(f"**{md(team.team)}**")
                if not team.shown:
                    st.caption(md(team.status.capitalize()))
                    continue
                st.caption(f"{md(team.status)} · " + ngettext("{n} respondent", "{n} respondents", team.respondents or 0).format(
                    n=team.respondents))
                series = radar_series(team, summary.principles)
                st.vega_lite_chart(spec=charts.radar_spec(series, short_principles(summary.principles),
                                                          size=RADAR_SIZE),
                                   width="content", theme=None, key=f"org_radar_{team.team_id}",
                                   alt=charts.text_alternative_radar(series, summary.principles))


def show_trend(summary: OrganisationSummary) -> None:
    """The organisation's average per quarter, or why there is none yet."""
    if not summary.trend:
        st.write(_("The trend appears once a team has an assessment with enough answers."))
        return
    description = org_charts.text_alternative_trend(summary)
    st.altair_chart(org_charts.trend_chart(summary), width="stretch", theme=None, key="org_trend", alt=description)
    with st.expander(_("Trend as text")):
        st.text(description)


def show_differences(summary: OrganisationSummary) -> None:
    """Where perspectives differ most, across the teams shown."""
    if not summary.differences:
        st.write(_("No team shows two perspective groups large enough to compare yet."))
        return
    st.dataframe(pd.DataFrame({
        _("Team"): [d.team for d in summary.differences], _("Principle"): [d.name for d in summary.differences],
        _("Difference (points)"): [whole(d.gap) for d in summary.differences],
        _("Highest"): [d.highest for d in summary.differences], _("Lowest"): [d.lowest for d in summary.differences],
    }), hide_index=True)


def fingerprint(summary: OrganisationSummary) -> str:
    """A digest of everything the PDF shows, so a PDF prepared earlier is never offered once it is stale."""
    steady = dataclasses.replace(summary, generated_at=datetime(2000, 1, 1, tzinfo=timezone.utc), facts=tuple(
        f for f in summary.facts if f.label != _("Report generated")))
    return hashlib.sha256(repr(steady).encode("utf-8")).hexdigest()


def pdf_download(access: ViewerAccess, organisation: Organisation, summary: OrganisationSummary) -> None:
    """Prepare the organisation summary PDF on request, then offer it while it is up to date."""
    from reports.org_pdf import build_organisation_pdf  # the PDF stack loads only when asked for

    state = f"org_pdf_{organisation.id}"
    prepared = st.session_state.get(state)
    if prepared is not None and prepared[0] != fingerprint(summary):
        del st.session_state[state]
        prepared = None
        st.caption(_("The teams' results have changed since the PDF was prepared: prepare it again."))
    if st.button(_("Prepare the organisation summary (PDF)"), key=f"org_prep_{organisation.id}"):
        with st.spinner(_("Drawing the charts and laying out the summary...")):
            try:
                fresh = organisation_summary(engine(), access, organisation)
                prepared = (fingerprint(fresh), build_organisation_pdf(fresh))
            except ProjectError as error:
                show_error(error, _("The PDF could not be made"))
            else:
                st.session_state[state] = prepared
    if prepared is not None:
        st.download_button(_("Download the organisation summary (PDF)"), prepared[1],
                           f"organisation-{organisation.id}-summary.pdf", "application/pdf", type="primary",
                           key=f"org_pdf_dl_{organisation.id}", on_click=log_exported,
                           args=(engine(), access, organisation, "organisation summary (PDF)"))
