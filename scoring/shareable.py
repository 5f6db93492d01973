"""What may leave the screen: answers for downloads and comments, withholding what the screen withholds."""

from __future__ import annotations

import secrets

import numpy as np
import pandas as pd

from questions.schema import Bank
from scoring.counting import Counted, count
from scoring.perspectives import OTHER, perspective_groups
from scoring.responses import LONG_COLUMNS

# Respondents whose answers are all don't know (or hidden) are in no perspective group (no score).
NOT_COUNTED = "not counted (only don't know)"
MERGED_SUFFIX = "_and_others"
COMMENT_COLUMNS = ["statement", "comment"]


def _shown_group_names(counted: Counted, bank: Bank, threshold: int) -> np.ndarray:
    """Each respondent's perspective as the export shows it: the group they are shown in."""
    _, groups, _, _, _ = perspective_groups(counted, bank, threshold)
    shown_as = {str(p): (OTHER if g is None or pd.isna(g) else str(g))
                for p, g in zip(groups["perspective"], groups["shown_as"])}
    # A group that took in smaller ones gets a new name for all its members, so no one stands out.
    absorbing = {g for p, g in shown_as.items() if g != p and g != OTHER}
    shown_as = {p: f"{g}{MERGED_SUFFIX}" if g in absorbing else g for p, g in shown_as.items()}
    own = np.asarray(counted.encoded.perspective.iloc[counted.encoded.first_rows], dtype=object)
    names = np.array([shown_as.get(str(p), NOT_COUNTED) for p in own], dtype=object)
    # Someone with no answer that counts has no group; their perspective is not shown either.
    return np.where(counted.tallies.counted, names, NOT_COUNTED)


def _shown_rows(counted: Counted) -> np.ndarray:
    """Positions (in the encoded rows) of the answers to shown statements."""
    return np.flatnonzero(counted.shown.statements.take(counted.encoded.statement))


def _frame_rows(responses: pd.DataFrame, counted: Counted, rows: np.ndarray) -> pd.DataFrame:
    """The given frame's rows at these encoded positions (rows of unknown statements were dropped)."""
    kept = counted.encoded.kept
    return responses.iloc[rows if kept is None else kept.take(rows)]


def shareable_answers(responses: pd.DataFrame, bank: Bank, threshold: int = 3, *,
                      seed: int | None = None) -> pd.DataFrame | None:
    """The answers as an export may carry them (LONG_COLUMNS); None below the threshold.

    Exactly what the screen withholds is withheld: rows of hidden statements are dropped and
    hidden targets blanked (scoring.visibility.shown_cells), so comments remain only on shown
    statements; each perspective is replaced by the group it is shown in, as on the charts
    (a group that absorbed smaller ones is renamed "<id>_and_others"). Respondents get
    meaningless labels R01, R02, ... handed out in random order, and the rows are shuffled, so
    neither ids, row order nor answer order can be joined to anyone. `seed` makes the shuffle
    reproducible (tests); by default it is unpredictable (from `secrets`).
    """
    if threshold < 1:
        raise ValueError(f"threshold must be at least 1, not {threshold}")
    counted = count(responses, bank, threshold)
    if counted.n_respondents < threshold:
        return None
    rng = np.random.default_rng(secrets.randbits(128) if seed is None else seed)
    encoded = counted.encoded
    rows = _shown_rows(counted)
    who = encoded.who.take(rows)
    # Labels only for the respondents left in the export, so they run R01..Rnn without gaps.
    present = np.flatnonzero(np.bincount(who, minlength=encoded.n_respondents))
    width = max(2, len(str(len(present))))
    labels = np.empty(encoded.n_respondents, dtype=object)
    labels[present] = [f"R{number:0{width}d}" for number in rng.permutation(len(present)) + 1]
    rows = rows.take(rng.permutation(len(rows)))
    who = encoded.who.take(rows)
    source = _frame_rows(responses, counted, rows)
    target = source["target"].to_numpy(dtype="float64", na_value=np.nan)
    target_shown = counted.shown.targets.take(encoded.statement.take(rows))
    return pd.DataFrame({
        "respondent": pd.Series(labels.take(who), dtype="str"),
        "perspective": pd.Series(_shown_group_names(counted, bank, threshold).take(who),
                                 dtype="str"),
        "statement": pd.Series(np.asarray(source["statement"], dtype=object), dtype="str"),
        "current": source["current"].to_numpy(dtype="float64", na_value=np.nan),
        "target": np.where(target_shown, target, np.nan),
        "comment": pd.Series(_comments(source["comment"]), dtype="str"),
    })[LONG_COLUMNS]


def _comments(values: pd.Series) -> np.ndarray:
    """Comments as text, '' where there is none."""
    return np.asarray(values.astype(object).where(values.notna(), "").astype(str), dtype=object)


def shown_comments(responses: pd.DataFrame, bank: Bank, threshold: int = 3) -> pd.DataFrame:
    """Comments on shown statements only (statement, comment): nobody's id or perspective.

    Empty when the result is withheld. Statements come in bank order; the comments of one
    statement are sorted alphabetically, an order that says nothing about who wrote them or
    when (row order would). Blank comments are left out.
    """
    if threshold < 1:
        raise ValueError(f"threshold must be at least 1, not {threshold}")
    counted = count(responses, bank, threshold)
    empty = pd.DataFrame({c: pd.Series(dtype="str") for c in COMMENT_COLUMNS})
    if counted.n_respondents < threshold:
        return empty
    rows = _shown_rows(counted)
    comments = pd.DataFrame({
        "position": counted.encoded.statement.take(rows),
        "comment": _comments(_frame_rows(responses, counted, rows)["comment"]),
    })
    comments = comments[comments["comment"].str.strip() != ""]
    comments = comments.sort_values(["position", "comment"], kind="stable")
    ids = np.array(bank.statement_ids, dtype=object)
    return pd.DataFrame({
        "statement": pd.Series(ids.take(comments["position"].to_numpy()), dtype="str"),
        "comment": pd.Series(comments["comment"].to_numpy(), dtype="str"),
    })[COMMENT_COLUMNS]
