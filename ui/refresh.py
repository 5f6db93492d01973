"""Self-refreshing parts of the facilitator's screens: each refresh checks access again, as a full page run does."""

from __future__ import annotations

import streamlit as st

from domain.records import Assessment
from services.roles import Permission
from ui.identity import begin_run

# How often the live panels, the discussion and the projector read storage again (seconds).
REFRESH_SECONDS = 3


def still_facilitating(assessment: Assessment) -> bool:
    """Whether this viewer may still run the workshop: role (signed-in mode) and an unexpired, unrevoked unlock.

    A fragment's refresh runs only the fragment, not app.py, so the grants are read again here (one query):
    a revoked unlock ("Lock on every other device") or an ended sign-in stops the projector within a refresh.
    """
    access = begin_run()
    return access.may_on_session(Permission.FACILITATE, assessment) and (
        not assessment.is_workshop or access.unlocked(assessment))


def recheck(assessment: Assessment) -> None:
    """Inside a fragment: if access has ended, rerun the whole page, whose gate then shows only the key form."""
    if not still_facilitating(assessment):
        st.rerun(scope="app")
