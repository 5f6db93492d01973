"""All teams of an organisation side by side, for its managers (issue 11 point 4): read-only."""

from __future__ import annotations

import streamlit as st

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
st.title("All teams")
organisations = {o.id: o for o in managed_organisations(access)}
if not organisations:
    st.info("There is no organisation yet.")
    st.stop()
chosen = next(iter(organisations))
if len(organisations) > 1:
    chosen = int(st.selectbox("Organisation", list(organisations), key="organisation_choice",
                              format_func=lambda oid: md(organisations[oid].name)) or chosen)
organisation = organisations[chosen]
summary = organisation_summary(engine(), access, organisation)
viewed: set[int] = st.session_state.setdefault(_VIEWED, set())
if organisation.id not in viewed:  # one audit line per browser session, not one per rerun
    log_viewed(engine(), access, organisation)
    viewed.add(organisation.id)

st.caption(f"{md(organisation.name)} · read-only · each team's latest assessment with enough answers")
for note in summary.notes:
    st.info(md(note))
if not summary.teams:
    st.info("No teams yet.")
    st.stop()

st.header("Latest scores by team")
show_team_table(summary)
if summary.shown_teams:
    st.header("Teams and principles")
    show_heatmap(summary)
    st.header("Average of the teams shown")
    show_averages(summary)
st.header("Each team's radar")
show_radars(summary)
st.header("The organisation over time")
show_trend(summary)
st.header("Where perspectives differ most")
show_differences(summary)
st.header("Organisation summary")
if summary.shown_teams:
    pdf_download(access, organisation, summary)
else:
    st.caption("The summary can be downloaded once a team has enough answers to show.")
