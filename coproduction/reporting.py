"""Glue between storage and the report model: the PDF summary of a stored assessment."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd
from sqlalchemy.engine import Engine

import storage
from questions.schema import Bank
from reports.model import Report, build_report
from scoring import score_group


def counted_answers(engine: Engine, assessment: storage.Assessment) -> pd.DataFrame:
    """The answers that count: sent ones in a workshop, every saved one in a self-assessment."""
    return storage.responses_frame(engine, assessment.id, submitted_only=assessment.mode == "workshop")


def assessment_label(assessment: storage.Assessment) -> str:
    """How an assessment is named on charts and in the report: its title and date."""
    return f"{assessment.title} ({assessment.created_at:%d %b %Y})"


def visible_earlier(engine: Engine, assessment: storage.Assessment,
                    may_see: Callable[[storage.Assessment], bool] | None = None) -> list[storage.Assessment]:
    """The team's earlier assessments on this bank that the viewer may see, oldest first."""
    earlier = storage.earlier_assessments(engine, assessment)
    return earlier if may_see is None else [other for other in earlier if may_see(other)]


def baseline_of(engine: Engine, assessment: storage.Assessment, bank: Bank,
                may_see: Callable[[storage.Assessment], bool] | None = None) -> storage.Assessment | None:
    """The latest earlier assessment with enough answers to show (at its own and this threshold)."""
    for earlier in reversed(visible_earlier(engine, assessment, may_see)):
        threshold = max(earlier.threshold, assessment.threshold)
        if not score_group(counted_answers(engine, earlier), bank, threshold=threshold).withheld:
            return earlier
    return None


def assessment_report(engine: Engine, assessment: storage.Assessment, now: dt.datetime | None = None,
                      may_see: Callable[[storage.Assessment], bool] | None = None) -> Report:
    """The report model for a stored assessment, with its baseline, actions and agreed ratings.

    `may_see` filters the candidate baselines (the app passes its facilitator-key check; the
    command line, run by whoever holds the database, sees everything).
    """
    bank: Bank = storage.load_bank_version(engine, assessment.bank_row_id)
    team = storage.get_team(engine, assessment.team_id)
    baseline = baseline_of(engine, assessment, bank, may_see)
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
        baseline_threshold=baseline.threshold if baseline else None,
        baseline_actions=storage.list_actions(engine, baseline.id) if baseline else (),
        actions=storage.list_actions(engine, assessment.id),
        agreed=storage.agreed_ratings(engine, assessment.id),
        generated_at=now or dt.datetime.now(dt.timezone.utc),
    )
