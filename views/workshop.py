"""Create a facilitated workshop session: join code, link, QR code and facilitator key."""

from __future__ import annotations

import datetime as dt
import secrets

import streamlit as st

from i18n import _
from questions.errors import ProjectError
from reports.formatting import format_date
from services.banks import bank_version
from services.roles import Permission
from services.sessions import create_workshop, get_session, new_facilitator_key
from ui.access import remember_key, require, session_link
from ui.context import engine, md, show_error
from ui.joining import show_join
from ui.paper import paper_pack_downloads
from ui.teams import latest_banks, pick_team

access = require(Permission.CREATE_SESSION)
st.title(_("Run a workshop session"))
st.markdown(
    _("Participants join from their own phones with a code and rate privately. "
      "You see the group's spread live, discuss where people disagree, and agree actions together.")
)

created = st.session_state.get("created_workshop")
if created is not None:
    assessment_id, key = created
    assessment = get_session(engine(), assessment_id)
    if assessment is not None and access.may_on_session(Permission.FACILITATE, assessment):
        st.success(_("Session **{title}** is ready.").format(title=md(assessment.title)))
        if key:
            st.warning(_("Your facilitator key is shown only once. Copy it now and keep it safe: it opens the "
                         "results. This browser stays unlocked for 30 days; on another device, type the key."))
            st.code(key, language=None)
        else:
            st.info(_("This follow-up opens with the same facilitator key as the session it follows."))
        show_join(assessment)
        paper_pack_downloads(assessment)
        st.page_link("views/facilitate.py", label=_("Open the facilitator view"), query_params=session_link(assessment),
                     icon=":material/monitoring:")
        if st.button(_("Create another session")):
            del st.session_state["created_workshop"]
            st.rerun()
        st.stop()

team = pick_team(Permission.CREATE_SESSION)
if team is None:
    st.stop()
options = latest_banks(team)
bank_row = st.selectbox(_("Question bank"), list(options), format_func=lambda rid: options[rid])
chosen = bank_version(engine(), int(bank_row), access)
labels = {p.id: p.label for p in chosen.bank.perspectives} if chosen else {}
with st.form("new_workshop"):
    title = st.text_input(_("Session title"), value=_("Workshop {date}").format(date=format_date(dt.date.today())))
    perspectives = st.multiselect(_("Perspectives offered to participants"), list(labels), default=list(labels), format_func=lambda pid: labels[pid])
    threshold = st.number_input(_("Anonymity threshold: show a group only when it has at least"), min_value=2, max_value=50, value=3)
    submitted = st.form_submit_button(_("Create session"), type="primary")
if submitted:
    if not perspectives:
        st.error(_("Choose at least one perspective."))
        st.stop()
    try:
        # Request id and key are made before the click: a double click or a retry gets the same session and key.
        request_id, pending_key = st.session_state.setdefault(
            "new_workshop_request", (secrets.token_urlsafe(16), new_facilitator_key()))
        workshop, key = create_workshop(engine(), team.id, int(bank_row), title.strip() or _("Workshop"),
                                                tuple(perspectives), int(threshold), key=pending_key,
                                                request_id=request_id)
    except ProjectError as error:
        show_error(error)
        st.stop()
    remember_key(workshop.id, key)
    st.session_state["created_workshop"] = (workshop.id, key)
    st.session_state.pop("new_workshop_request", None)
    st.rerun()
