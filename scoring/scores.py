"""Group and perspective results from one count of the answers: what the CLI and the services show."""

from __future__ import annotations

import pandas as pd

from questions.schema import Bank
from scoring.counting import count
from scoring.group import GroupResult, group_result
from scoring.perspectives import PerspectiveResult, perspective_result


def score_all(responses: pd.DataFrame, bank: Bank,
              threshold: int = 3) -> tuple[GroupResult, PerspectiveResult]:
    """score_group and score_perspectives together, encoding and counting the answers once.

    Equal to calling both (tests/scoring/test_reference.py checks it), and what the CLI `score`
    command and any page showing both should call: coding the respondents' ids, the costly part
    for 100,000 of them, is done once (bench/bench_scoring.py times it against the two calls).
    """
    if threshold < 1:
        raise ValueError(f"threshold must be at least 1, not {threshold}")
    counted = count(responses, bank, threshold)
    return group_result(counted, bank, threshold), perspective_result(counted, bank, threshold)
