"""Respondent-level principle scores: each person's own answers, per principle."""

from __future__ import annotations

import numpy as np
import pandas as pd

from questions.schema import Bank
from scoring.counting import count
from scoring.encoding import PARALLEL_ROWS, first_perspectives

__all__ = ["PARALLEL_ROWS", "RESPONDENT_COLUMNS", "score_respondents"]

RESPONDENT_COLUMNS = ["respondent", "perspective", "principle", "current_score", "target_score",
                      "gap", "answered", "dont_know", "statements", "insufficient"]


def score_respondents(responses: pd.DataFrame, bank: Bank,
                      threshold: int | None = None) -> pd.DataFrame:
    """One row per respondent x principle: 0-100 current/target scores, gap and answer counts.

    Scores of respondents who answered fewer than half of a principle's statements are
    still reported but flagged `insufficient`; the group scores leave them out. Without a
    threshold every statement counts (a person's own view of their answers); with one, the
    statements and targets the group results hide count nowhere, as in the group scores
    (scoring.visibility.shown_cells), and `statements` counts the shown ones.
    """
    counted = count(responses, bank, threshold)
    tallies = counted.tallies
    ids = counted.encoded.respondents
    n_respondents, n_principles = tallies.answered.shape
    current = tallies.current_score.ravel()
    target = tallies.target_score.ravel()
    frame = pd.DataFrame({
        "respondent": pd.Series(np.repeat(ids, n_principles), dtype="str"),
        "perspective": pd.Series(np.repeat(first_perspectives(counted.encoded), n_principles),
                                 dtype="str"),
        "principle": pd.Series(np.tile(np.array(tallies.principle_ids, dtype=object),
                                       n_respondents), dtype="str"),
        "current_score": current,
        "target_score": target,
        "gap": target - current,
        "answered": tallies.answered.ravel(),
        "dont_know": tallies.dont_know.ravel(),
        "statements": np.tile(tallies.statements, n_respondents),
        "insufficient": tallies.insufficient.ravel(),
    })
    # Sorted by respondent id so that the table never depends on the order of the rows.
    order = np.argsort(ids.astype(str), kind="stable")
    rows = (order[:, np.newaxis] * n_principles + np.arange(n_principles)).ravel()
    result: pd.DataFrame = frame[RESPONDENT_COLUMNS].iloc[rows].reset_index(drop=True)
    return result
