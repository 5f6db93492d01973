"""The domain vocabulary and the records every layer shares (no I/O, no Streamlit)."""

from __future__ import annotations

from domain.records import Action, AgreedRating, Answer, Assessment, Respondent, StoredBank, Team
from domain.vocabulary import LONG_COLUMNS, SCALE_VALUES, ActionStatus, Mode, SessionStatus

__all__ = [
    "LONG_COLUMNS",
    "SCALE_VALUES",
    "Action",
    "ActionStatus",
    "AgreedRating",
    "Answer",
    "Assessment",
    "Mode",
    "Respondent",
    "SessionStatus",
    "StoredBank",
    "Team",
]
