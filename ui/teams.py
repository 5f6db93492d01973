"""Team and bank pickers shared by several pages."""

from __future__ import annotations

import streamlit as st

from domain.records import Team
from questions.errors import ProjectError
from services.banks import bank_choices
from services.teams import create_team, list_teams
from ui.context import engine, show_error


def latest_banks() -> dict[int, str]:
    """Bank rows to offer for new assessments: every version, newest first, labelled."""
    return bank_choices(engine())


def pick_team(selected_id: int | None) -> Team | None:
    """Choose an existing team or create one; the choice lives in the URL (?team=)."""
    teams = list_teams(engine())
    by_id = {t.id: t for t in teams}
    labels = {t.id: f"{t.organisation} · {t.name}" for t in teams}
    chosen = None
    if teams:
        ids = [t.id for t in teams]
        index = ids.index(selected_id) if selected_id in by_id else None
        chosen = st.selectbox(
            "Open a team", ids, index=index, format_func=lambda tid: labels[tid],
            placeholder="Choose your team",
        )
        if chosen is not None and chosen != selected_id:
            st.query_params["team"] = str(chosen)
    # Always on offer (folded away once there are teams), so a second team can be added at any time.
    with st.expander("Create a team" if not teams else "Create another team", expanded=not teams):
        with st.form("new_team"):
            organisation = st.text_input("Organisation", placeholder="e.g. Riverside Council")
            name = st.text_input("Team or service", placeholder="e.g. Adult day services")
            if st.form_submit_button("Create team", type="primary"):
                try:
                    team = create_team(engine(), organisation, name)
                except ProjectError as error:
                    show_error(error)
                else:
                    st.query_params["team"] = str(team.id)
                    st.rerun()
    return by_id[chosen] if chosen is not None else None
