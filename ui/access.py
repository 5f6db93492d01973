"""The server-side check at the top of every page: who may open what, and the facilitator-key gate."""

from __future__ import annotations

import streamlit as st

from domain.records import Assessment, Team
from domain.vocabulary import AuditAction
from i18n import _
from services.access import ViewerAccess
from services.audit import log_session
from services.roles import Permission
from services.sessions import find_session, get_session, remember_unlock, session_by_link, unlock
from ui.context import engine
from ui.identity import page_access, sign_in, sign_in_notice, signed_in_mode

PREFIX = "facilitator_key_"
_VIEWED = "copro_viewed_sessions"
_TRIED = "copro_tried_keys"
# Sequential ids are short; link secrets are 22 characters (see storage.codes.new_link_token).
_LINK_MIN = 16


def held_key(assessment_id: int) -> str | None:
    """The facilitator key this browser session typed or was shown for a workshop, if any (never stored)."""
    key = st.session_state.get(f"{PREFIX}{assessment_id}")
    return key if isinstance(key, str) and key else None


def remember_key(assessment_id: int, key: str) -> None:
    """Keep a key this browser was just shown (a new workshop or follow-up), and unlock that workshop here."""
    if key:
        st.session_state[f"{PREFIX}{assessment_id}"] = key
    assessment = get_session(engine(), assessment_id)
    if assessment is not None:
        remember_unlock(engine(), page_access(), assessment)


def facilitator_unlocked(assessment: Assessment) -> bool:
    """True when this browser gave the workshop's key (or made it) and that has not expired or been revoked.

    A key this browser session already holds (typed or shown for another workshop of the series) unlocks
    the workshop too, the first time it is asked, as before unlocks were kept in the database.
    """
    access = page_access()
    if not assessment.is_workshop:
        return False
    if access.facilitates(assessment):
        return True
    held = {value for name, value in st.session_state.items()
            if isinstance(name, str) and name.startswith(PREFIX) and isinstance(value, str) and value}
    tried: set[tuple[int, str]] = st.session_state.setdefault(_TRIED, set())
    for key in sorted(held):
        if (assessment.id, key) not in tried:
            tried.add((assessment.id, key))  # scrypt is slow on purpose: each key is tried once per session
            if unlock(engine(), access, assessment, key):
                return True
    return False


def may_see(assessment: Assessment) -> bool:
    """Whether this viewer may see an assessment's results (workshops need their key in this browser)."""
    access = page_access()
    return access.may_on_session(Permission.VIEW_RESULTS, assessment) and (
        not assessment.is_workshop or facilitator_unlocked(assessment))


class BrowserAccess:
    """The access of this page run's viewer, as the services ask for it."""

    def may_see(self, assessment: Assessment) -> bool:
        """Results this viewer may see: by role or grant, and for workshops the facilitator key."""
        return may_see(assessment)


BROWSER = BrowserAccess()


def ask_to_sign_in(message: str | None = None) -> None:
    """Explain and offer the sign-in button, then stop the page."""
    notice = sign_in_notice()
    st.info(notice or message or _("Sign in to see this page."))
    st.button(_("Sign in"), type="primary", on_click=sign_in, key="sign_in_gate")
    st.stop()


def refuse(message: str) -> None:
    """Stop the page with nothing on it but why and a way home."""
    st.warning(message)
    st.page_link("views/home.py", label=_("Go to Home"))
    st.stop()


def require(permission: Permission, team: Team | None = None) -> ViewerAccess:
    """Stop the page unless the viewer may do this to the team (without a team: in at least one organisation)."""
    access = page_access()
    if signed_in_mode() and not access.signed_in:
        ask_to_sign_in()
    if team is not None:
        allowed = access.may(permission, team)
    elif signed_in_mode():
        allowed = bool(access.organisations(permission)) or any(access.may(permission, t) for t in access.teams())
    else:
        allowed = True  # open mode: the page itself offers only the teams this browser holds
    if not allowed:
        refuse(_("Your role does not let you {permission} here. Ask an admin of your organisation if you need "
               "to.").format(permission=permission))
    return access


def require_facilitator(assessment: Assessment) -> None:
    """Stop the page, showing only a key form, unless this browser holds the workshop's facilitator key."""
    if not assessment.is_workshop or facilitator_unlocked(assessment):
        return
    st.info(_("This view is for the facilitator. Enter the facilitator key you were given when the session was "
              "created. This browser then stays unlocked for 30 days, or until the facilitator locks the session "
              "everywhere."))
    with st.form(f"key_form_{assessment.id}"):
        typed = st.text_input(_("Facilitator key"), type="password")
        if st.form_submit_button(_("Open"), type="primary"):
            if typed.strip() and unlock(engine(), page_access(), assessment, typed.strip()):
                st.session_state[f"{PREFIX}{assessment.id}"] = typed.strip()
                # Tried here already: if the unlock is later revoked, the key must be typed again.
                st.session_state.setdefault(_TRIED, set()).add((assessment.id, typed.strip()))
                st.rerun()
            st.error(_("That key does not match this session."))
    st.stop()


def _from_query() -> Assessment | None:
    """The session the address names: by its link secret, by id (only with access), or a workshop's join code."""
    access = page_access()
    value = st.query_params.get("a")
    if value and len(value) >= _LINK_MIN:
        return session_by_link(engine(), access, value)
    if value and value.isdigit():
        return get_session(engine(), int(value))
    code = st.query_params.get("code")
    if code:
        # A facilitator coming back with the session's join code (the key is still asked for below).
        found = find_session(engine(), code)
        return found if found is not None and found.is_workshop else None
    return None


def _find_workshop_form() -> None:
    """Let a facilitator find their workshop by its join code."""
    with st.form("find_session"):
        typed = st.text_input(_("Or enter the session's join code"), placeholder=_("e.g. ABCDE-23456"))
        if st.form_submit_button(_("Find the session")):
            found = find_session(engine(), typed)
            if found is not None and found.is_workshop and found.link_token:
                st.query_params["a"] = found.link_token
                st.rerun()
            st.error(_("No workshop session has that code. Check it and try again."))


def assessment_from_query(missing: str, workshop_only: bool = False,
                          permission: Permission = Permission.VIEW_RESULTS) -> Assessment:
    """The session named in the address, if this viewer may open it (workshops behind their key); else stop.

    A session the viewer may not open looks exactly like one that does not exist, so ids cannot be probed.
    """
    access = page_access()
    if signed_in_mode() and not access.signed_in:
        ask_to_sign_in()
    if workshop_only:
        permission = Permission.FACILITATE
    assessment = _from_query()
    allowed = assessment is not None and access.may_on_session(permission, assessment)
    if assessment is None or not allowed or (workshop_only and not assessment.is_workshop):
        st.warning(missing)
        if workshop_only:
            _find_workshop_form()
        st.page_link("views/home.py", label=_("Go to Home"))
        st.stop()
    if assessment.link_token and st.query_params.get("a") != assessment.link_token:
        # The address always carries the unguessable link, never the sequential id or the join code.
        st.query_params["a"] = assessment.link_token
        st.query_params.pop("code", None)
    require_facilitator(assessment)
    _log_viewed(access, assessment)
    return assessment


def _log_viewed(access: ViewerAccess, assessment: Assessment) -> None:
    """One audit line per browser session and session opened (not one per rerun)."""
    viewed: set[int] = st.session_state.setdefault(_VIEWED, set())
    if assessment.id not in viewed:
        log_session(engine(), access.viewer, AuditAction.RESULTS_VIEWED, assessment)
        viewed.add(assessment.id)


def audit_export(assessment: Assessment, what: str) -> None:
    """Record a download (pass as a download button's on_click)."""
    log_session(engine(), page_access().viewer, AuditAction.EXPORT, assessment, details=what)


def session_link(assessment: Assessment) -> dict[str, str]:
    """Query parameters of a session's pages: its unguessable link, never its sequential id."""
    return {"a": assessment.link_token or str(assessment.id)}
