"""Group-level scores: principles, statements, strengths, development areas and hot spots."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pandas as pd

from questions.schema import Bank
from scoring.respondent import Encoded, Tallies, encode, tally

PRINCIPLE_COLUMNS = ["principle", "name", "score", "target", "gap", "spread", "n", "dont_know",
                     "band", "insufficient"]
RANKING_COLUMNS = ["statement", "principle", "mean", "score", "agreement", "n"]


@dataclass(frozen=True, eq=False)
class GroupResult:
    """What a group answered, with every number withheld when too few people took part."""

    n_respondents: int
    threshold: int
    withheld: bool                 # True when n_respondents < threshold: no numbers may be shown
    notes: tuple[str, ...]
    overall_score: float | None
    overall_band: str | None
    principles: pd.DataFrame       # PRINCIPLE_COLUMNS, bank order
    statements: pd.DataFrame       # statement_columns(bank), bank order


def statement_columns(bank: Bank) -> list[str]:
    """Columns of GroupResult.statements (one count column per scale level)."""
    counts = [f"count_{value}" for value in range(bank.scale.min, bank.scale.max + 1)]
    return ["statement", "principle", "mean", "target_mean", "sd", "agreement", "n",
            "dont_know", *counts, "score"]


def plural(count: int, word: str) -> str:
    """'1 respondent', '2 respondents'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def band_name(bank: Bank, score: float) -> str | None:
    """The name of the band a score falls in (None for a missing score or no bands)."""
    if not bank.scale.bands or score is None or np.isnan(score):
        return None
    return bank.scale.band_for(float(score)).name


def principle_frame(bank: Bank, counted: Tallies, threshold: int) -> pd.DataFrame:
    """Per principle: mean and population SD of respondent scores, insufficient ones left out."""
    usable = ~counted.insufficient
    current = np.where(usable, counted.current_score, np.nan)
    target = np.where(usable, counted.target_score, np.nan)
    n = usable.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.nansum(current, axis=0) / n
        spread = np.sqrt(np.nansum((current - score) ** 2, axis=0) / n)
        aimed = (~np.isnan(target)).sum(axis=0)
        goal = np.nansum(target, axis=0) / aimed
    score = np.clip(score, 0.0, 100.0)
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
        "dont_know": counted.dont_know.sum(axis=0).astype(np.int64),
        "band": pd.Series([band_name(bank, value) for value in score], dtype=object),
        "insufficient": small,
    })


def statement_frame(encoded: Encoded, bank: Bank, threshold: int = 1) -> pd.DataFrame:
    """Per statement: mean, SD, agreement (1 - sd/2 on a 0-4 scale) and the answer counts.

    A statement answered by fewer than `threshold` people keeps its counts of answers and
    don't knows but shows no mean, spread or distribution: those would be individual answers.
    """
    size = len(bank.statement_ids)
    low, high = bank.scale.min, bank.scale.max
    levels = encoded.levels
    width = levels + 1  # the last level is don't know
    # One bincount gives the joint current x target distribution of every statement.
    key = encoded.statement * (width * width)
    key += encoded.current.astype(key.dtype) * width
    key += encoded.target
    joint = np.bincount(key, minlength=size * width * width).reshape(size, width, width)
    answers = joint.sum(axis=2)[:, :levels]
    aims = joint.sum(axis=1)[:, :levels]
    values = np.arange(low, high + 1, dtype=np.float64)
    n = answers.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = answers @ values / n
        variance = answers @ (values**2) / n - mean**2
        target_mean = aims @ values / aims.sum(axis=1)
    # Targets given by fewer than `threshold` people would be theirs to read: no mean.
    target_mean = np.where(aims.sum(axis=1) < threshold, np.nan, target_mean)
    sd = np.sqrt(np.clip(variance, 0.0, None))
    columns = {
        "statement": pd.Series(list(bank.statement_ids), dtype="str"),
        "principle": pd.Series([s.principle_id for s in bank.statements], dtype="str"),
        "mean": mean,
        "target_mean": target_mean,
        "sd": sd,
        # The largest possible population SD is half the scale's range (2 on 0-4).
        "agreement": np.clip(1.0 - sd / ((high - low) / 2), 0.0, 1.0),
        "n": n.astype(np.int64),
        "dont_know": joint.sum(axis=2)[:, levels].astype(np.int64),
    }
    small = n < threshold
    for name in ("mean", "target_mean", "sd", "agreement"):
        columns[name] = np.where(small, np.nan, columns[name])
    for offset in range(levels):
        columns[f"count_{low + offset}"] = np.where(small, 0, answers[:, offset]).astype(np.int64)
    columns["score"] = np.clip((columns["mean"] - low) / (high - low) * 100.0, 0.0, 100.0)
    return pd.DataFrame(columns)


def group_notes(counted: Tallies, principles: pd.DataFrame, n_respondents: int,
                threshold: int) -> tuple[str, ...]:
    """Plain-language notes on who was counted and which scores to read with care."""
    notes = []
    silent = len(counted.respondents) - n_respondents
    if silent:
        verb = "is" if silent == 1 else "are"
        notes.append(f"{plural(silent, 'respondent')} answered \"don't know\" to every "
                     f"statement and {verb} not counted.")
    if n_respondents == 0:
        verb = "has" if threshold == 1 else "have"
        notes.append(f"No answers yet: results appear once {plural(threshold, 'respondent')} "
                     f"{verb} answered.")
        return tuple(notes)
    if n_respondents < threshold:
        notes.append(f"{plural(n_respondents, 'respondent')}: results are shown once at "
                     f"least {threshold} have answered, so that no one's answers can be "
                     "picked out.")
        return tuple(notes)
    left_out = int((counted.insufficient & (counted.answered > 0)).sum())
    if left_out:
        notes.append(f"Left out of the group scores: {plural(left_out, 'principle score')} from "
                     "respondents who answered fewer than half of that principle's statements.")
    for name, n in zip(principles.loc[principles["insufficient"], "name"],
                       principles.loc[principles["insufficient"], "n"]):
        if n == 0:
            notes.append(f"{name}: no respondent answered at least half of its statements, so "
                         "it has no score.")
        else:
            notes.append(f"{name}: fewer than {threshold} respondents answered at least half "
                         "of its statements, so its score is not shown.")
    return tuple(notes)


def statement_notes(statements: pd.DataFrame, threshold: int) -> tuple[str, ...]:
    """A note when some statements had too few answers to show their spread."""
    few = int((statements["n"] < threshold).sum())
    if not few:
        return ()
    if threshold == 1:
        return (f"{plural(few, 'statement')} had no answer other than don't know, so no mean is "
                "shown for them.",)
    return (f"{plural(few, 'statement')} had fewer than {threshold} answers (not counting "
            "don't know), so no spread or mean is shown for them.",)


def overall_score(counted: Tallies) -> float | None:
    """Mean over respondents of each one's mean current answer (x25): each person weighs equally."""
    answered = counted.answered.sum(axis=1)
    active = answered > 0
    if not active.any():
        return None
    with np.errstate(invalid="ignore", divide="ignore"):
        own = counted.current_sum.sum(axis=1)[active] / answered[active]
    return float(np.clip(own.mean() / (counted.high - counted.low) * 100.0, 0.0, 100.0))


def score_group(responses: pd.DataFrame, bank: Bank, threshold: int = 3) -> GroupResult:
    """Score a group: principle scores, statement distributions and an overall score.

    Respondents who answered only "don't know" are not counted. With fewer than `threshold`
    counted respondents the result is withheld: both frames are empty and only notes remain.
    """
    if threshold < 1:
        raise ValueError(f"threshold must be at least 1, not {threshold}")
    encoded = encode(responses, bank)
    counted = tally(encoded, bank)
    n_respondents = int((counted.answered.sum(axis=1) > 0).sum())
    principles = principle_frame(bank, counted, threshold)
    notes = group_notes(counted, principles, n_respondents, threshold)
    if n_respondents < threshold:
        empty = statement_frame(encoded, bank).iloc[0:0].reset_index(drop=True)
        return GroupResult(n_respondents, threshold, True, notes, None, None,
                           principles.iloc[0:0].reset_index(drop=True), empty)
    statements = statement_frame(encoded, bank, threshold)
    notes += statement_notes(statements, threshold)
    overall = overall_score(counted)
    return GroupResult(n_respondents, threshold, False, notes, overall,
                       band_name(bank, overall) if overall is not None else None,
                       principles, statements)


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
