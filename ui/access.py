"""The facilitator-key gate in front of workshop results."""

from __future__ import annotations

import streamlit as st

import storage
from ui.context import engine, query_int


def _state_key(assessment_id: int) -> str:
    return f"facilitator_key_{assessment_id}"


def facilitator_unlocked(assessment: storage.Assessment) -> bool:
    """True when this browser session has given the right key for this workshop."""
    key = st.session_state.get(_state_key(assessment.id))
    return bool(key) and storage.check_facilitator_key(engine(), assessment.id, key)


def require_facilitator(assessment: storage.Assessment) -> None:
    """Stop the page, showing only a key form, unless the facilitator key was given."""
    if assessment.mode != "workshop" or facilitator_unlocked(assessment):
        return
    st.info("This view is for the facilitator. Enter the facilitator key you were given when the session was created.")
    with st.form(f"key_form_{assessment.id}"):
        typed = st.text_input("Facilitator key", type="password")
        if st.form_submit_button("Open", type="primary"):
            if storage.check_facilitator_key(engine(), assessment.id, typed.strip()):
                st.session_state[_state_key(assessment.id)] = typed.strip()
                st.rerun()
            st.error("That key does not match this session.")
    st.stop()


def assessment_from_query(missing: str, workshop_only: bool = False) -> storage.Assessment:
    """The assessment named by ?a=, behind the facilitator key for workshops; else stop with `missing`."""
    assessment_id = query_int("a")
    assessment = storage.get_assessment(engine(), assessment_id) if assessment_id is not None else None
    if assessment is None or (workshop_only and assessment.mode != "workshop"):
        st.warning(missing)
        st.page_link("views/home.py", label="Go to Home")
        st.stop()
    require_facilitator(assessment)
    return assessment


def remember_key(assessment_id: int, key: str) -> None:
    """Keep a freshly created key for this browser session."""
    st.session_state[_state_key(assessment_id)] = key
