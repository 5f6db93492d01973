"""The facilitator-key gate in front of workshop results."""

from __future__ import annotations

import streamlit as st

from domain.records import Assessment
from services.sessions import find_session, get_session, key_matches
from ui.context import engine, query_int


PREFIX = "facilitator_key_"
CHECKED = "checked_facilitator_keys"


def _state_key(assessment_id: int) -> str:
    return f"{PREFIX}{assessment_id}"


def _key_matches(assessment_id: int, key: str) -> bool:
    """The key check, remembered for this browser session (scrypt is slow on purpose; a key never changes)."""
    checked: dict[tuple[int, str], bool] = st.session_state.setdefault(CHECKED, {})
    if (assessment_id, key) not in checked:
        checked[(assessment_id, key)] = key_matches(engine(), assessment_id, key)
    return checked[(assessment_id, key)]


def held_key(assessment_id: int) -> str | None:
    """The facilitator key this browser session gave for a workshop, if any."""
    key = st.session_state.get(_state_key(assessment_id))
    return key if isinstance(key, str) and key else None


def facilitator_unlocked(assessment: Assessment) -> bool:
    """True when this browser session has given the workshop's key (its own, or one of a series sharing it)."""
    own = held_key(assessment.id)
    if own and _key_matches(assessment.id, own):
        return True
    held = {value for name, value in st.session_state.items()
            if isinstance(name, str) and name.startswith(PREFIX) and name != CHECKED and isinstance(value, str)}
    for key in sorted(held - {own}):
        if _key_matches(assessment.id, key):
            remember_key(assessment.id, key)
            return True
    return False


def may_see(assessment: Assessment) -> bool:
    """Whether this browser session may see an assessment's results: workshops need their own key."""
    return not assessment.is_workshop or facilitator_unlocked(assessment)


class BrowserAccess:
    """The access of this browser session, as the services ask for it."""

    def may_see(self, assessment: Assessment) -> bool:
        """Self-assessments, and workshops whose key was given in this browser session."""
        return may_see(assessment)


BROWSER = BrowserAccess()


def require_facilitator(assessment: Assessment) -> None:
    """Stop the page, showing only a key form, unless the facilitator key was given."""
    if not assessment.is_workshop or facilitator_unlocked(assessment):
        return
    st.info("This view is for the facilitator. Enter the facilitator key you were given when the session was created.")
    with st.form(f"key_form_{assessment.id}"):
        typed = st.text_input("Facilitator key", type="password")
        if st.form_submit_button("Open", type="primary"):
            if typed.strip() and _key_matches(assessment.id, typed.strip()):
                remember_key(assessment.id, typed.strip())
                st.rerun()
            st.error("That key does not match this session.")
    st.stop()


def assessment_from_query(missing: str, workshop_only: bool = False) -> Assessment:
    """The assessment named by ?a=, behind the facilitator key for workshops; else stop with `missing`."""
    assessment_id = query_int("a")
    assessment = get_session(engine(), assessment_id) if assessment_id is not None else None
    if assessment is None and st.query_params.get("code"):
        # A facilitator coming back with the session's join code (the key is still asked for below).
        assessment = find_session(engine(), st.query_params.get("code"))
        if assessment is not None:
            st.query_params["a"] = str(assessment.id)
            del st.query_params["code"]
    if assessment is None or (workshop_only and not assessment.is_workshop):
        st.warning(missing)
        if workshop_only:
            with st.form("find_session"):
                typed = st.text_input("Or enter the session's join code", placeholder="e.g. ABCDE-23456")
                if st.form_submit_button("Find the session"):
                    found = find_session(engine(), typed)
                    if found is not None and found.is_workshop:
                        st.query_params["a"] = str(found.id)
                        st.rerun()
                    st.error("No workshop session has that code. Check it and try again.")
        st.page_link("views/home.py", label="Go to Home")
        st.stop()
    require_facilitator(assessment)
    return assessment


def remember_key(assessment_id: int, key: str) -> None:
    """Keep a freshly created key for this browser session."""
    st.session_state[_state_key(assessment_id)] = key
