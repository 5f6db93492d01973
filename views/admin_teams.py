"""Admin: the organisation's teams; the site's first admins add organisations."""

from __future__ import annotations

import streamlit as st

from i18n import _
from questions.errors import ProjectError
from services.people import add_organisation, organisation_teams
from services.roles import Permission
from services.teams import create_team_for
from ui.access import require
from ui.context import engine, md, show_error

access = require(Permission.MANAGE_TEAMS)
st.title(_("Teams"))
if access.viewer.site_admin:
    with st.expander(_("Add an organisation"), expanded=not access.organisations(Permission.MANAGE_TEAMS)):
        with st.form("new_organisation"):
            name = st.text_input(_("Organisation name"), placeholder=_("e.g. Riverside Council"))
            if st.form_submit_button(_("Add the organisation"), type="primary"):
                try:
                    made = add_organisation(engine(), access, name)
                except ProjectError as error:
                    show_error(error, _("The organisation was not added"))
                else:
                    st.success(_("{organisation} is added. Give it an admin on People and roles.").format(
                        organisation=md(made.name)))

for organisation in access.organisations(Permission.MANAGE_TEAMS):
    st.header(md(organisation.name))
    teams = organisation_teams(engine(), access, organisation.id)
    for team in teams:
        st.markdown(f"- {md(team.name)}")
    if not teams:
        st.info(_("No teams yet."))
    with st.form(f"new_team_{organisation.id}"):
        team_name = st.text_input(_("New team or service"), key=f"team_name_{organisation.id}",
                                  placeholder=_("e.g. Adult day services"))
        if st.form_submit_button(_("Add the team")):
            try:
                create_team_for(engine(), access, organisation.name, team_name)
            except ProjectError as error:
                show_error(error, _("The team was not added"))
            else:
                st.rerun()
