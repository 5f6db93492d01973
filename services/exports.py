"""What a session's downloads hold: the same anonymity as the screen, computed once for every file."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Engine

import storage
from domain.records import Assessment
from reports.parts import Results
from scoring import shareable_answers
from services.results import counted_answers

AGREED_COLUMNS = ["statement", "rating", "notes"]
ACTION_COLUMNS = ["principle", "description", "owner", "due_date", "status"]


def shared_answers(engine: Engine, assessment: Assessment) -> pd.DataFrame | None:
    """The answers a download may hold (None below the threshold), ratings as whole numbers."""
    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    shared = shareable_answers(counted_answers(engine, assessment), bank, threshold=assessment.threshold)
    # Ratings are whole numbers: "3", not "3.0", in a spreadsheet.
    return None if shared is None else shared.astype({"current": "Int64", "target": "Int64"})


def plan_tables(results: Results) -> dict[str, pd.DataFrame]:
    """The agreed ratings and the action plan as tables, from the results model."""
    agreed = pd.DataFrame([(row.statement, row.rating, row.notes) for row in results.agreed],
                          columns=AGREED_COLUMNS).astype({"rating": "Int64"})
    actions = pd.DataFrame([(a.principle, a.description, a.owner, a.due_date, str(a.status))
                            for a in results.actions], columns=ACTION_COLUMNS)
    return {"agreed": agreed, "actions": actions}
