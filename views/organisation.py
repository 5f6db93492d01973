"""All teams of an organisation side by side, for its managers (issue 11 point 4): read-only."""

from __future__ import annotations

import streamlit as st

from i18n import _
from services.organisation import log_viewed, managed_organisations, organisation_summary
from services.roles import Permission
from ui.access import require
from ui.context import engine, md
from ui.organisation import (
    pdf_download,
    show_averages,
    show_differences,
    show_heatmap,
    show_radars,
    show_team_table,
    show_trend,
)

_VIEWED = "copro_viewed_organisations"

access = require(Permission.VIEW_ORGANISATION)
st.title(_("All teams"))
organisations = {o.id: o for o in managed_organisations(access)}
if not organisations:
    st.info(_("There is no organisation yet."))
    st.stop()
chosen = next(iter(organisations))
if len(organisations) > 1:
    chosen = int(st.selectbox(_("Organisation"), list(organisations), key="organisation_choice",
                              format_func=lambda oid: md(organisations[oid].name)) or chosen)
organisation = organisations[chosen]
summary = organisation_summary(engine(), access, organisation)
viewed: set[int] = st.session_state.setdefault(_VIEWED, set())
if organisation.id not in viewed:  # one audit line per browser session, not one per rerun
    log_viewed(engine(), access, organisation)
    viewed.add(organisation.id)

st.caption(_("{organisation} · read-only · each team's latest assessment with enough answers").format(
    organisation=md(organisation.name)))
for note in summary.notes:
    st.info(md(note))
if not summary.teams:
    st.info(_("No teams yet."))
    st.stop()

st.header(_("Latest scores by team"))
show_team_table(summary)
if summary.shown_teams:
    st.header(_("Teams and principles"))
    show_heatmap(summary)
    st.header(_("Average of the teams shown"))
    show_averages(summary)
st.header(_("Each team's radar"))
show_radars(summary)
st.header(_("The organisation over time"))
show_trend(summary)
st.header(_("Where perspectives differ most"))
show_differences(summary)
st.header(_("Organisation summary"))
if summary.shown_teams:
    pdf_download(access, organisation, summary)
else:
    st.caption(_("The summary can be downloaded once a team has enough answers to show."))
