"""Team and bank pickers shared by several pages: only the teams this viewer may use."""

from __future__ import annotations

import streamlit as st

from domain.records import Team
from i18n import _
from questions.errors import ProjectError
from services.access import ViewerAccess
from services.banks import bank_choices
from services.roles import Permission
from services.teams import create_team_for, open_team_link
from ui.context import engine, show_error
from ui.identity import page_access


def latest_banks(team: Team | None = None) -> dict[int, str]:
    """Bank rows to offer for a team's new assessments, the organisation's default first."""
    return bank_choices(engine(), team)


def team_from_link() -> Team | None:
    """The team named by ?team=<link secret>; in open mode this browser keeps it from now on."""
    token = st.query_params.get("team")
    return open_team_link(engine(), page_access(), token) if token else None


def _create_team_form(access: ViewerAccess, expanded: bool) -> None:
    """Create a team: anyone in open mode (for this browser), an organisation's admin when signed in."""
    admin_of = [o.name for o in access.organisations(Permission.MANAGE_TEAMS)]
    if access.viewer.signed_in_mode and not admin_of:
        return
    with st.expander(_("Create a team") if expanded else _("Create another team"), expanded=expanded):
        with st.form("new_team"):
            if admin_of:
                organisation = st.selectbox(_("Organisation"), admin_of)
            else:
                organisation = st.text_input(_("Organisation"), placeholder=_("e.g. Riverside Council"))
            name = st.text_input(_("Team or service"), placeholder=_("e.g. Adult day services"))
            if st.form_submit_button(_("Create team"), type="primary"):
                try:
                    team = create_team_for(engine(), access, str(organisation or ""), name)
                except ProjectError as error:
                    show_error(error)
                else:
                    if team.link_token:
                        st.query_params["team"] = team.link_token
                    st.rerun()


def pick_team(permission: Permission = Permission.VIEW_RESULTS) -> Team | None:
    """Choose one of the viewer's teams or create one; the choice lives in the URL as the team's link secret."""
    access = page_access()
    linked = team_from_link()
    teams = [t for t in access.teams() if access.may(permission, t)]
    if linked is not None and linked.id not in {t.id for t in teams} and access.may(permission, linked):
        teams.append(linked)
    by_id = {t.id: t for t in teams}
    chosen: int | None = None
    if teams:
        ids = [t.id for t in teams]
        selected = linked.id if linked is not None and linked.id in by_id else None
        if selected is None and len(ids) == 1 and not st.query_params.get("team"):
            selected = ids[0]  # one team: a returning browser sees it at once
        chosen = st.selectbox(
            _("Open a team"), ids, index=ids.index(selected) if selected is not None else None,
            format_func=lambda tid: f"{by_id[tid].organisation} · {by_id[tid].name}",  # options are plain text
            placeholder=_("Choose your team"),
        )
        if chosen is not None and chosen != selected and by_id[chosen].link_token:
            st.query_params["team"] = str(by_id[chosen].link_token)
    elif linked is None and st.query_params.get("team"):
        st.warning(_("No team has that link here, or you may not open it. Check the link and try again."))
    # Always on offer (folded away once there are teams), so a second team can be added at any time.
    _create_team_form(access, expanded=not teams)
    return by_id[chosen] if chosen is not None else None
