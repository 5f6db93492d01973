"""Importing a collected answers CSV into a stored assessment: validate all, then save all or nothing."""

from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Engine

import storage
from scoring import read_responses_csv


def check_answers_csv(engine: Engine, assessment: storage.Assessment, data: bytes, source: str) -> pd.DataFrame:
    """The validated answers of a CSV for this assessment's bank and perspectives (ResponseError if bad)."""
    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    return read_responses_csv(data, bank, source=source, allowed_perspectives=assessment.perspectives or None)


def import_answers_csv(engine: Engine, assessment: storage.Assessment, data: bytes, source: str) -> int:
    """Validate the whole file first, then store every respondent in one transaction; returns how many."""
    frame = check_answers_csv(engine, assessment, data, source)
    return storage.import_responses(engine, assessment.id, frame)
