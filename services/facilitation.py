"""The facilitator's live view: progress, the group's results and the charts the live panel draws."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy.engine import Engine

import storage
from domain.records import Assessment
from questions.schema import Bank
from reports import charts
from reports.model import RADAR_CURRENT
from reports.parts import Results
from services.access import FULL_ACCESS
from services.results import results_for

GROUP_SERIES = "Group now"


@dataclass(frozen=True)
class Chart:
    """A Vega-Lite spec and its text alternative for screen readers."""

    spec: dict[str, Any]
    text: str


@dataclass(frozen=True, eq=False)
class LiveView:
    """What the live panel shows: who joined, who sent, and the charts of the sent answers."""

    joined: int
    sent: int
    results: Results
    group_radar: Chart | None        # None while results are withheld
    perspective_radar: Chart | None  # None until two perspective groups can be shown
    spread: Chart | None             # every statement's answers, disagreements first


def perspective_series(results: Results) -> pd.DataFrame:
    """Radar series of the shown perspective groups."""
    return pd.DataFrame({"series": [s.label for s in results.perspective_scores],
                         "principle": [s.principle for s in results.perspective_scores],
                         "score": [s.score for s in results.perspective_scores]}).dropna(subset=["score"])


def radar(series: pd.DataFrame, results: Results) -> Chart:
    """The radar of some series, with its text alternative."""
    return Chart(charts.radar_spec(series, results.principles),
                 charts.text_alternative_radar(series, results.principles))


def spread(results: Results, bank: Bank, statement_ids: list[str]) -> Chart:
    """The spread of answers of some statements, in the order given."""
    statements = results.group.statements
    return Chart(charts.distribution_chart(statements, bank, statement_ids).to_dict(),
                 charts.text_alternative_distribution(statements, bank, statement_ids))


def participation(engine: Engine, assessment_id: int) -> tuple[int, int]:
    """How many people joined the session and how many have sent their answers."""
    return storage.progress(engine, assessment_id)


def live_view(engine: Engine, assessment: Assessment, bank: Bank) -> LiveView:
    """Progress, results and charts of a workshop (the page has checked the facilitator's access)."""
    joined, sent = storage.progress(engine, assessment.id)
    # No history: the live panel shows no trend, and the earlier sessions would cost a read each.
    results = results_for(engine, assessment, FULL_ACCESS, history=False)
    if results.withheld:
        return LiveView(joined, sent, results, None, None, None)
    group = results.radar[results.radar["series"] == RADAR_CURRENT].assign(series=GROUP_SERIES)
    by_perspective = perspective_series(results)
    return LiveView(joined, sent, results, radar(group, results),
                    radar(by_perspective, results) if by_perspective["series"].nunique() > 1 else None,
                    spread(results, bank, list(results.discussion_order)))
