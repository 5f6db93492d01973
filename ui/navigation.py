"""The page list for this viewer, and the sidebar line saying who is signed in."""

from __future__ import annotations

from typing import Any, Literal

import streamlit as st

from i18n import _, current_language
from services.roles import Permission
from ui.context import md
from ui.identity import begin_run, end_sign_in, page_access, sign_in, signed_in_mode


PARTICIPANT = "copro_participant"


def mark_participant() -> bool:
    """The answer page, reached with a join or resume code: in open mode, a browser given nothing else is a
    participant for this session and is not offered the facilitator's pages. True when this changed the menu."""
    if signed_in_mode() or st.session_state.get(PARTICIPANT) or page_access().grants:
        return False
    st.session_state[PARTICIPANT] = True
    return True


def page_sections() -> dict[str, list[Any]]:
    """Pages by section; in signed-in mode only those the viewer's roles can open (each page checks again)."""
    access = begin_run()
    # Joined by code or resume code and given nothing else: the facilitator's pages stay reachable by their
    # links (each page checks access) but are not offered in the menu.
    if access.grants:
        st.session_state.pop(PARTICIPANT, None)  # a team, a session link or a workshop key: not only answering
    quiet: Literal["visible", "hidden"] = (
        "hidden" if not signed_in_mode() and st.session_state.get(PARTICIPANT) else "visible")
    home = st.Page("views/home.py", title=_("Home"), icon=":material/home:", default=True)
    answer = st.Page("views/assess.py", title=_("Answer"), icon=":material/edit_note:", url_path="assess")
    results = st.Page("views/results.py", title=_("Results"), icon=":material/radar:", url_path="results",
                      visibility=quiet)
    workshop = st.Page("views/workshop.py", title=_("New workshop"), icon=":material/groups:", url_path="workshop",
                       visibility=quiet)
    facilitate = st.Page("views/facilitate.py", title=_("Facilitator view"), icon=":material/monitoring:",
                         url_path="facilitate", visibility=quiet)
    # Presenter mode is opened from the facilitator view (it needs the session's link), never from the menu.
    present = st.Page("views/present.py", title=_("Presenter mode"), icon=":material/co_present:", url_path="present",
                      visibility="hidden")
    # A participant's own link (their resume code): reached by address or the thank-you page, never the menu.
    mine = st.Page("views/mine.py", title=_("Your answers"), icon=":material/person:", url_path="mine",
                   visibility="hidden")
    # Typing in paper answers is opened from the facilitator view (it needs the session's link), never from the menu.
    paper = st.Page("views/paper.py", title=_("Type in paper answers"), icon=":material/keyboard:", url_path="paper",
                    visibility="hidden")
    data = st.Page("views/data.py", title=_("Import and export"), icon=":material/swap_vert:", url_path="data",
                   visibility=quiet)
    banks = st.Page("views/banks.py", title=_("Question banks"), icon=":material/library_books:", url_path="banks",
                    visibility=quiet)
    if not signed_in_mode():
        return {_("Self-assessment"): [home, answer, results, mine],
                _("Workshops"): [workshop, facilitate, present, paper], _("Data"): [data, banks]}
    if not access.signed_in:
        # People who use services and carers never need an account: they join and answer by code.
        return {_("Self-assessment"): [home, answer, mine]}
    teams = access.teams()
    sections: dict[str, list[Any]] = {_("Self-assessment"): [home, answer, *([results] if teams else []), mine]}
    if any(access.may(Permission.CREATE_SESSION, t) or access.may(Permission.FACILITATE, t) for t in teams):
        sections[_("Workshops")] = [workshop, facilitate, present, paper]
    sections[_("Data")] = [*([data] if teams else []), banks]
    if access.organisations(Permission.VIEW_ORGANISATION):
        sections[_("Organisation")] = [st.Page("views/organisation.py", title=_("All teams"), icon=":material/apartment:",
                                            url_path="organisation")]
    if access.organisations(Permission.MANAGE_PEOPLE) or access.viewer.site_admin:
        sections[_("Admin")] = [
            st.Page("views/admin_people.py", title=_("People and roles"), icon=":material/group:", url_path="people"),
            st.Page("views/admin_teams.py", title=_("Teams"), icon=":material/domain:", url_path="teams"),
            st.Page("views/admin_banks.py", title=_("Default bank"), icon=":material/rule:", url_path="default-bank"),
            st.Page("views/admin_audit.py", title=_("Audit log"), icon=":material/history:", url_path="audit"),
            st.Page("views/admin_retention.py", title=_("Data retention"), icon=":material/auto_delete:",
                    url_path="retention"),
        ]
    return sections


def show_who() -> None:
    """In signed-in mode: who is signed in, with a way out (or in)."""
    if not signed_in_mode():
        return
    from ui.identity import page_access

    access = page_access()
    with st.sidebar:
        if access.signed_in:
            st.caption(_("Signed in as {email}").format(email=md(access.viewer.email)))
            st.button(_("Sign out"), on_click=end_sign_in, key="sign_out")
        else:
            st.button(_("Sign in (staff)"), on_click=sign_in, key="sign_in_sidebar")


# Pages a person who joins by code reads have their own picker; presenter mode (no sidebar) follows its link's `lang`.
PARTICIPANT_PAGES = ("assess", "mine", "present")


def staff_language(page: Any) -> None:
    """The staff language picker in the sidebar of every page but the participant's; a new choice redraws at once."""
    if getattr(page, "url_path", "") in PARTICIPANT_PAGES:
        return
    from i18n import languages_for, normalise
    from ui.language import language_picker

    # A link that carries a language (?lang=cy) opens in it, even in a session whose picker said otherwise;
    # afterwards the picker decides (it writes its choice back into the address).
    address = st.query_params.get("lang")
    staff = [language.code for language in languages_for("staff")]
    if address and address != st.session_state.get("staff_language_address") and normalise(address) in staff:
        st.session_state["language_picker_staff"] = normalise(address)
    st.session_state["staff_language_address"] = address
    before = current_language()
    if before not in staff:
        before = staff[0]  # e.g. Arabic chosen on the answer form: staff pages show their picker on English
    if language_picker("staff", radio=True) != before:
        st.rerun()  # the menu above was drawn in the old language
