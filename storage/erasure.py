"""A respondent's own erasure: their answers and their resume code, gone in one transaction."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from storage import tables
from storage.db import writing


def delete_respondent(engine: Engine, respondent_id: int) -> int:
    """Delete a respondent and every answer they stored; returns how many answers went (0 if already gone).

    The respondent row holds the resume code, so the code opens nothing afterwards.
    """
    r, ans = tables.respondents, tables.answers
    with writing(engine) as connection:
        answers = connection.execute(sa.delete(ans).where(ans.c.respondent_id == respondent_id)).rowcount
        connection.execute(sa.delete(r).where(r.c.id == respondent_id))
    return int(answers or 0)
