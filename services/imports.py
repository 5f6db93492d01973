"""Importing a collected answers CSV into a stored assessment: validate all, then save all or nothing."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Engine

import storage
from domain.records import Assessment
from scoring import read_responses_csv, validate_responses


def check_answers_csv(engine: Engine, assessment: Assessment, data: bytes, source: str) -> pd.DataFrame:
    """The validated answers of a CSV for this assessment's bank and perspectives (ResponseError if bad)."""
    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    return read_responses_csv(data, bank, source=source, allowed_perspectives=assessment.perspectives or None)


def import_answers(engine: Engine, assessment: Assessment, checked: pd.DataFrame, source: str = "answers") -> int:
    """Store answers, every respondent in one transaction; returns how many (ResponseError if bad).

    The table goes through the same check as check_answers_csv (scoring.validate_responses) once
    more, so the import refuses exactly what the check refuses, naming the same rows.
    """
    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    table = validate_responses(checked, bank, allowed_perspectives=assessment.perspectives or None, source=source)
    return storage.import_responses(engine, assessment.id, table)
