"""Answers safe to hand out in a download: nothing below the threshold, no small perspective on its own."""

from __future__ import annotations

import pandas as pd

from questions.schema import Bank
from scoring.group import score_group
from scoring.perspectives import OTHER, score_perspectives

# Respondents who answered "don't know" throughout are in no perspective group (they have no score).
NOT_COUNTED = "not counted (only don't know)"
MERGED_SUFFIX = "_and_others"


def shareable_answers(responses: pd.DataFrame, bank: Bank, threshold: int = 3) -> pd.DataFrame | None:
    """The answers with each perspective replaced by the group it is shown in; None below the threshold.

    The same grouping as the perspective scores, so an export never names a perspective group
    smaller than the threshold (a lone carer's answers would otherwise be theirs to read).
    """
    if score_group(responses, bank, threshold=threshold).withheld:
        return None
    groups = score_perspectives(responses, bank, threshold=threshold).groups
    shown_as = {str(p): (OTHER if g is None or pd.isna(g) else str(g))
                for p, g in zip(groups["perspective"], groups["shown_as"])}
    # A group that took in smaller ones gets a new name for all its members, so no one stands out.
    absorbing = {g for p, g in shown_as.items() if g != p and g != OTHER}
    shown_as = {p: f"{g}{MERGED_SUFFIX}" if g in absorbing else g for p, g in shown_as.items()}
    counted = set(shown_as)
    shared = responses.copy()
    # Someone with only don't-know answers has no group; their perspective is not shown either.
    by_respondent = shared["current"].notna().groupby(shared["respondent"]).transform("any")
    perspective = shared["perspective"].astype(str)
    shared["perspective"] = perspective.map(shown_as).where(perspective.isin(counted) & by_respondent, NOT_COUNTED)
    return shared
