"""Group-level scores: principles, statements, strengths, development areas and hot spots."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from questions.schema import Bank
from scoring.counting import Counted, Tallies, column_sums, count, row_sums
from scoring.notes import group_notes, not_counted, statement_notes
from scoring.visibility import Shown, StatementCounts

PRINCIPLE_COLUMNS = ["principle", "name", "score", "target", "gap", "spread", "n", "dont_know",
                     "band", "insufficient"]
RANKING_COLUMNS = ["statement", "principle", "mean", "score", "agreement", "n"]


@dataclass(frozen=True, eq=False)
class GroupResult:
    """What a group answered, with every number withheld when too few people took part.

    n_respondents counts the people behind the scores: those with an answer to a shown statement
    (scoring.visibility.shown_cells). While results are withheld, n_answered is the number to
    show as "so far": everyone with an answer other than don't know, counted or not yet.
    """

    n_respondents: int
    threshold: int
    withheld: bool                 # True when n_respondents < threshold: no numbers may be shown
    notes: tuple[str, ...]
    overall_score: float | None
    overall_band: str | None
    principles: pd.DataFrame       # PRINCIPLE_COLUMNS, bank order
    statements: pd.DataFrame       # statement_columns(bank), bank order
    n_answered: int = 0            # people with any answer other than don't know, shown or hidden


def statement_columns(bank: Bank) -> list[str]:
    """Columns of GroupResult.statements (one count column per scale level)."""
    counts = [f"count_{value}" for value in range(bank.scale.min, bank.scale.max + 1)]
    return ["statement", "principle", "mean", "target_mean", "sd", "agreement", "n",
            "dont_know", *counts, "score"]


def band_name(bank: Bank, score: float) -> str | None:
    """The name of the band a score falls in (None for a missing score or no bands)."""
    if not bank.scale.bands or score is None or np.isnan(score):
        return None
    return bank.scale.band_for(float(score)).name


def principle_frame(bank: Bank, counted: Tallies, threshold: int) -> pd.DataFrame:
    """Per principle: mean and population SD of respondent scores, insufficient ones left out."""
    usable = ~counted.insufficient
    aiming = usable & (counted.target_answered > 0)
    n = column_sums(usable).astype(np.int64)
    aimed = column_sums(aiming).astype(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        # Means of 0-100 scores stay within 0-100 without clipping (rounding is monotonic).
        score = column_sums(np.where(usable, counted.current_score, 0.0)) / n
        deviation = np.where(usable, counted.current_score - score, 0.0)
        spread = np.sqrt(column_sums(deviation * deviation) / n)
        goal = column_sums(np.where(aiming, counted.target_score, 0.0)) / aimed
    # Small cells: a principle scored by fewer than `threshold` people shows no numbers at all.
    small = n < threshold
    score, goal, spread = (np.where(small, np.nan, values) for values in (score, goal, spread))
    # A target is an answer too: fewer than `threshold` people giving one would show theirs.
    goal = np.where(aimed < threshold, np.nan, goal)
    return pd.DataFrame({
        "principle": pd.Series([p.id for p in bank.principles], dtype="str"),
        "name": pd.Series([p.name for p in bank.principles], dtype="str"),
        "score": score,
        "target": goal,
        "gap": goal - score,
        "spread": spread,
        "n": n.astype(np.int64),
        "dont_know": column_sums(counted.dont_know).astype(np.int64),
        "band": pd.Series([band_name(bank, value) for value in score], dtype=object),
        "insufficient": small,
    })


def statement_frame(counts: StatementCounts, shown: Shown, bank: Bank) -> pd.DataFrame:
    """Per statement: mean, SD, agreement (1 - sd/2 on a 0-4 scale) and the answer counts.

    A hidden statement (scoring.visibility.shown_cells) keeps its counts of answers and don't
    knows but shows no mean, spread or distribution: those would be individual answers.
    """
    low, high = bank.scale.min, bank.scale.max
    answers, aims = counts.answers, counts.aims
    values = np.arange(low, high + 1, dtype=np.int64)
    n = counts.answered
    total = answers @ values
    # The variance from whole numbers, n * sum(x^2) - sum(x)^2 >= 0 exactly: no rounding can make
    # it negative or push the SD past half the scale's range, so nothing needs clipping.
    moment = n * (answers @ values**2) - total * total
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = total / n
        sd = np.sqrt(moment / (n * n).astype(np.float64))
        target_mean = (aims @ values) / counts.aimed
    # Targets given by fewer than `threshold` people would be theirs to read: no mean.
    target_mean = np.where(shown.targets, target_mean, np.nan)
    columns = {
        "statement": pd.Series(list(bank.statement_ids), dtype="str"),
        "principle": pd.Series([s.principle_id for s in bank.statements], dtype="str"),
        "mean": mean,
        "target_mean": target_mean,
        "sd": sd,
        # The largest possible population SD is half the scale's range (2 on 0-4).
        "agreement": 1.0 - sd / ((high - low) / 2),
        "n": n.astype(np.int64),
        "dont_know": counts.dont_know.astype(np.int64),
    }
    hidden = ~shown.statements
    for name in ("mean", "sd", "agreement"):
        columns[name] = np.where(hidden, np.nan, columns[name])
    for offset in range(high - low + 1):
        columns[f"count_{low + offset}"] = np.where(hidden, 0, answers[:, offset]).astype(np.int64)
    columns["score"] = (columns["mean"] - low) / (high - low) * 100.0
    return pd.DataFrame(columns)


def overall_score(counted: Tallies) -> float | None:
    """Mean over respondents of each one's mean current answer (x25): each person weighs equally.

    Only shown statements count (hidden ones are not in the tallies), so the overall score
    never moves with an answer that is hidden.
    """
    active = counted.counted
    if not active.any():
        return None
    own = row_sums(counted.current_sum)[active] / counted.answered_total[active]
    return float(own.mean() / (counted.high - counted.low) * 100.0)


def group_result(counted: Counted, bank: Bank, threshold: int) -> GroupResult:
    """The group result from answers already counted at `threshold`."""
    tallies = counted.tallies
    n_respondents = counted.n_respondents
    principles = principle_frame(bank, tallies, threshold)
    statements = statement_frame(counted.statements, counted.shown, bank)
    notes = group_notes(counted, principles, threshold)
    answered = n_respondents + not_counted(counted)[1]
    if n_respondents < threshold:
        return GroupResult(n_respondents, threshold, True, notes, None, None,
                           principles.iloc[0:0].reset_index(drop=True),
                           statements.iloc[0:0].reset_index(drop=True), answered)
    notes += statement_notes(counted.shown, threshold)
    overall = overall_score(tallies)
    return GroupResult(n_respondents, threshold, False, notes, overall,
                       band_name(bank, overall) if overall is not None else None,
                       principles, statements, answered)


def score_group(responses: pd.DataFrame, bank: Bank, threshold: int = 3) -> GroupResult:
    """Score a group: principle scores, statement distributions and an overall score.

    Respondents who answered only "don't know" are not counted. With fewer than `threshold`
    counted respondents the result is withheld: both frames are empty and only notes remain.
    Statements and targets with fewer than `threshold` answers are hidden and count in no
    score (scoring.visibility.shown_cells). To score perspectives as well, score_all counts
    the answers once for both.
    """
    if threshold < 1:
        raise ValueError(f"threshold must be at least 1, not {threshold}")
    return group_result(count(responses, bank, threshold, perspectives=False), bank, threshold)


def _ranked(result: GroupResult, column: str, ascending: bool, n: int) -> pd.DataFrame:
    """The n statements first by `column`, ties kept in bank order (stable sort)."""
    statements = result.statements[result.statements[column].notna()]
    ordered = statements.sort_values(column, ascending=ascending, kind="stable")
    return ordered.head(n)[RANKING_COLUMNS].reset_index(drop=True)


def strengths(result: GroupResult, n: int = 3) -> pd.DataFrame:
    """The n statements with the highest mean current answer."""
    return _ranked(result, "mean", False, n)


def development_areas(result: GroupResult, n: int = 3) -> pd.DataFrame:
    """The n statements with the lowest mean current answer, never one already listed as a strength.

    With tied means both lists would otherwise start from the same statements in bank order.
    """
    strong = set(strengths(result, n)["statement"])
    rest = result.statements[~result.statements["statement"].isin(strong)]
    return _ranked(dataclasses.replace(result, statements=rest), "mean", True, n)


def hot_spots(result: GroupResult, n: int = 3) -> pd.DataFrame:
    """The n statements people agree on least (lowest agreement)."""
    return _ranked(result, "agreement", True, n)
