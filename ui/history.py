"""Earlier assessments of the same team and bank, for trends and baselines."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import storage
from coproduction.reporting import assessment_label, counted_answers, visible_earlier
from ui.access import may_see
from ui.context import engine
from ui.results_view import Earlier


def answers_of(assessment: storage.Assessment) -> pd.DataFrame:
    """The answers that count (see coproduction.reporting.counted_answers)."""
    return counted_answers(engine(), assessment)


def earlier_of(assessment: storage.Assessment) -> list[Earlier]:
    """Earlier assessments of this team with the same bank that this session may see, oldest first.

    A workshop shows here only once its own facilitator key was given in this browser session:
    a self-assessment's results page (open to anyone) must not reveal a workshop's results.
    """
    return [
        Earlier(assessment_label(other), other.created_at.date(), answers_of(other), other.threshold)
        for other in visible_earlier(engine(), assessment, may_see)
    ]


def locked_earlier(assessment: storage.Assessment) -> int:
    """How many earlier workshops of this team and bank are left out for want of their key."""
    return sum(not may_see(other) for other in storage.earlier_assessments(engine(), assessment))


def note_locked_earlier(assessment: storage.Assessment) -> None:
    """Say when earlier workshops are left out of the trend because their key was not given here."""
    locked = locked_earlier(assessment)
    if locked:
        st.caption(f"{locked} earlier workshop {'session is' if locked == 1 else 'sessions are'} not in the trend: "
                   "open each one with its facilitator key in this browser to compare with it.")
