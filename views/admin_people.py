"""Admin: who holds which role in the organisation, inviting people by email address, taking roles away."""

from __future__ import annotations

import streamlit as st

from domain.vocabulary import Role
from i18n import N_, _
from questions.errors import ProjectError
from services.people import invite, organisation_teams, people, remove
from services.roles import Permission
from ui.access import require
from ui.context import engine, md, show_error

access = require(Permission.MANAGE_PEOPLE)
ROLE_LABELS = {Role.ADMIN: N_("Admin"), Role.MANAGER: N_("Manager"), Role.FACILITATOR: N_("Facilitator"),
               Role.MEMBER: N_("Member")}
st.title(_("People and roles"))
st.write(_("Invite someone by the email address they sign in with: the role is theirs as soon as they sign in. "
           "Admins run people, teams and banks; managers see every team, read-only; facilitators run workshops "
           "and self-assessments for their teams; members answer and see their team's results."))
organisations = {o.id: o for o in access.organisations(Permission.MANAGE_PEOPLE)}
if not organisations:
    st.info(_("There is no organisation yet: add one on the Teams page."))
    st.stop()
chosen = st.selectbox(_("Organisation"), list(organisations), format_func=lambda oid: organisations[oid].name)
organisation = organisations[int(chosen)]
teams = {t.id: t for t in organisation_teams(engine(), access, organisation.id)}

with st.form("invite"):
    email = st.text_input(_("Email address"), placeholder="name@example.org")
    role = st.selectbox(_("Role"), list(Role), index=3, format_func=lambda r: _(ROLE_LABELS[Role(r)]))
    scope = st.selectbox(_("Where"), [0, *teams], format_func=lambda tid: _("Every team") if tid == 0 else teams[tid].name,
                         help=_("Admins and managers always hold their role for every team."))
    if st.form_submit_button(_("Give this role"), type="primary"):
        try:
            held = invite(engine(), access, email, organisation.id, teams.get(int(scope or 0)), Role(role or Role.MEMBER))
        except ProjectError as error:
            show_error(error, _("The role was not given"))
        else:
            st.success(_("{email} is now {role} ({where}).").format(
                email=md(held.email), role=_(ROLE_LABELS[Role(held.role)]).lower(),
                where=_("every team") if held.team_id is None else md(teams[held.team_id].name)))

st.header(_("Who holds a role"))
held_roles = people(engine(), access, organisation.id)
if not held_roles:
    st.info(_("Nobody yet."))
for membership in held_roles:
    where = (_("every team") if membership.team_id is None else teams[membership.team_id].name
             if membership.team_id in teams else _("a team"))
    left, right = st.columns([4, 1])
    left.markdown(f"**{md(membership.email)}** · {_(ROLE_LABELS[Role(membership.role)])} · {md(where)} · "
                  + _("invited by {email}").format(email=md(membership.invited_by)))
    if right.button(_("Remove"), key=f"remove_membership_{membership.id}"):
        try:
            remove(engine(), access, membership)
        except ProjectError as error:
            show_error(error, _("The role was not taken away"))
        else:
            st.rerun()
