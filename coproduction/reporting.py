"""Glue between storage and the report model: the PDF summary of a stored assessment."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy.engine import Engine

import storage
from questions.schema import Bank
from reports.model import Report, build_report


def counted_answers(engine: Engine, assessment: storage.Assessment) -> pd.DataFrame:
    """The answers that count: sent ones in a workshop, every saved one in a self-assessment."""
    return storage.responses_frame(engine, assessment.id, submitted_only=assessment.mode == "workshop")


def assessment_label(assessment: storage.Assessment) -> str:
    """How an assessment is named on charts and in the report: its title and date."""
    return f"{assessment.title} ({assessment.created_at:%d %b %Y})"


def assessment_report(engine: Engine, assessment: storage.Assessment, now: dt.datetime | None = None) -> Report:
    """The report model for a stored assessment, with its baseline, actions and agreed ratings."""
    bank: Bank = storage.load_bank_version(engine, assessment.bank_row_id)
    team = storage.get_team(engine, assessment.team_id)
    baseline = storage.previous_assessment(engine, assessment)
    return build_report(
        bank=bank,
        organisation=team.organisation if team else "",
        team=team.name if team else "",
        title=assessment.title,
        assessment_date=assessment.created_at.date(),
        responses=counted_answers(engine, assessment),
        threshold=assessment.threshold,
        baseline_responses=counted_answers(engine, baseline) if baseline else None,
        baseline_label=assessment_label(baseline) if baseline else None,
        actions=storage.list_actions(engine, assessment.id),
        agreed=storage.agreed_ratings(engine, assessment.id),
        generated_at=now or dt.datetime.now(dt.timezone.utc),
    )
