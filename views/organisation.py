"""All teams of an organisation, for its managers (the full cross-team view is built on services.access.managed_teams)."""

from __future__ import annotations

import streamlit as st

from services.access import managed_teams
from services.roles import Permission
from ui.access import require
from ui.context import engine, md

access = require(Permission.VIEW_ORGANISATION)
st.title("All teams")
st.caption("Read-only: managers see every team of their organisation.")
for organisation, teams in managed_teams(engine(), access.viewer).items():
    st.header(md(organisation.name))
    if not teams:
        st.info("No teams yet.")
    for team in teams:
        st.markdown(f"- {md(team.name)}")
