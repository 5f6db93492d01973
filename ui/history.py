"""Earlier assessments of the same team and bank, for trends and baselines."""

from __future__ import annotations

import pandas as pd

import storage
from coproduction.reporting import assessment_label, counted_answers
from ui.context import engine
from ui.results_view import Earlier


def answers_of(assessment: storage.Assessment) -> pd.DataFrame:
    """The answers that count (see coproduction.reporting.counted_answers)."""
    return counted_answers(engine(), assessment)


def earlier_of(assessment: storage.Assessment) -> list[Earlier]:
    """Earlier assessments of this team with the same bank, oldest first (the last is the PDF's baseline too)."""
    return [
        Earlier(assessment_label(other), other.created_at.date(), answers_of(other))
        for other in storage.earlier_assessments(engine(), assessment)
    ]
