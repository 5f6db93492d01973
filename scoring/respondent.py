"""Respondent-level principle scores, and the array tallies the group scores are built on."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from questions.schema import Bank

CODE = np.int32  # dtype of per-row codes: half the memory traffic of int64
PARALLEL_ROWS = 200_000  # below this a second thread costs more than it saves
RESPONDENT_COLUMNS = ["respondent", "perspective", "principle", "current_score", "target_score",
                      "gap", "answered", "dont_know", "statements", "insufficient"]


@dataclass(frozen=True, eq=False)
class Tallies:
    """Answers of every respondent counted per principle, as (respondents x principles) arrays."""

    respondents: np.ndarray       # respondent ids, in order of first appearance
    principle_ids: tuple[str, ...]
    statements: np.ndarray        # statements per principle, shape (P,)
    answered: np.ndarray          # shape (R, P): current answers that are not don't know
    dont_know: np.ndarray         # shape (R, P): rows whose current answer is don't know
    current_sum: np.ndarray       # shape (R, P): sum of answer levels (value - scale min)
    target_answered: np.ndarray
    target_sum: np.ndarray
    low: int                      # scale bounds, to turn means into 0-100 scores
    high: int

    def _score(self, total: np.ndarray, count: np.ndarray) -> np.ndarray:
        """0-100 scores from level sums and counts (NaN where nothing was answered)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = total / count
        return np.clip(mean / (self.high - self.low) * 100.0, 0.0, 100.0)

    # cached_property: each array is derived once however often the scorers ask for it.
    @cached_property
    def current_score(self) -> np.ndarray:
        """Shape (R, P): each respondent's current score per principle."""
        return self._score(self.current_sum, self.answered)

    @cached_property
    def target_score(self) -> np.ndarray:
        """Shape (R, P): each respondent's target score per principle."""
        return self._score(self.target_sum, self.target_answered)

    @cached_property
    def insufficient(self) -> np.ndarray:
        """Shape (R, P): fewer than half of the principle's statements answered."""
        return self.answered * 2 < self.statements[np.newaxis, :]


@dataclass(frozen=True, eq=False)
class Encoded:
    """Answers as integer codes, rows of unknown statements dropped.

    Everything downstream is numpy bincount over these codes: no Python loop over answers
    or respondents (100,000 respondents x 36 statements score in well under a second).
    """

    statement: np.ndarray         # each row's statement position in the bank
    who: np.ndarray               # each row's respondent position in `respondents`
    respondents: np.ndarray       # respondent ids in order of first appearance
    perspective: pd.Series        # the perspective column, for each respondent's first row
    current: np.ndarray           # answer level 0..L-1 (value - scale min), L = don't know
    target: np.ndarray
    levels: int                   # L: the number of answer levels on the scale
    principle_of: np.ndarray      # each bank statement's principle position


def _is_arrow_text(values: pd.Series) -> bool:
    """Whether a column is text stored in Arrow (pandas 3's default with pyarrow installed)."""
    return isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow"


def _arrow(values: pd.Series) -> pa.Array:
    """The Arrow array behind an Arrow-backed text column (no copy for a single chunk)."""
    array = pa.array(values.array)
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _run_changes(values: pd.Series) -> np.ndarray:
    """Where each row differs from the row before (length n - 1)."""
    if _is_arrow_text(values):
        array = _arrow(values)
        changed = pc.fill_null(pc.not_equal(array[1:], array[:-1]), True)
        return np.asarray(changed.to_numpy(zero_copy_only=False), dtype=bool)
    plain = values.to_numpy(dtype=object)
    return np.asarray(plain[1:] != plain[:-1], dtype=bool)


def factorize(values: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes and uniques (first-appearance order); fast when equal values come in runs."""
    if len(values) > 2:
        starts = np.flatnonzero(np.concatenate(([True], _run_changes(values))))
        # Answers usually come grouped by respondent: hash one value per run, not per row.
        if len(starts) * 2 <= len(values):
            codes, uniques = values.array.take(starts).factorize()
            return (np.repeat(codes.astype(CODE), np.diff(starts, append=len(values))),
                    np.asarray(uniques, dtype=object))
    codes, uniques = values.array.factorize()
    return codes.astype(CODE), np.asarray(uniques, dtype=object)


def codes_for(values: pd.Series, categories: list[str]) -> np.ndarray:
    """Integer position of each value in `categories`, -1 where it is not there."""
    if _is_arrow_text(values):
        # Arrow-backed text: a hash lookup against the few categories, no factorizing.
        positions = pc.index_in(_arrow(values), value_set=pa.array(categories, pa.string()))
        if positions.null_count:
            positions = positions.fill_null(-1)
        return np.asarray(positions.to_numpy(zero_copy_only=False), dtype=CODE)
    codes, uniques = values.array.factorize()
    mapping = pd.Index(categories).get_indexer(uniques).astype(CODE)
    # Appending -1 makes code -1 (a missing value) map to -1 as well.
    return np.append(mapping, CODE(-1))[codes]


def floats(values: pd.Series) -> np.ndarray:
    """A column as float64 with NaN for missing (no copy when it already is one)."""
    if values.dtype == np.float64:
        return values.to_numpy()
    return values.to_numpy(dtype="float64", na_value=np.nan)


def levels_of(values: pd.Series, low: int, high: int) -> np.ndarray:
    """Answer level per row (int8): value - low, and high - low + 1 for don't know (NaN).

    Validated answers are whole numbers on the scale; anything else is rounded and clipped.
    """
    numbers = floats(values)
    missing = np.isnan(numbers)
    dont_know = high - low + 1
    # np.fmin/fmax skip NaN: one pass each, and no copy of the column on the usual path.
    on_scale = not len(numbers) or missing.all() or (
        np.fmin.reduce(numbers) >= low and np.fmax.reduce(numbers) <= high)
    with np.errstate(invalid="ignore"):
        level = numbers.astype(np.int8) if on_scale else np.zeros(len(numbers), np.int8)
    if not on_scale or not ((level == numbers) | missing).all():
        level = (np.clip(np.rint(np.nan_to_num(numbers)), low, high) - low).astype(np.int8)
    elif low:
        level -= np.int8(low)
    level[missing] = dont_know
    return level


def encode(responses: pd.DataFrame, bank: Bank) -> Encoded:
    """Statement and respondent codes plus answer levels, ready for bincount."""
    principle_ids = [p.id for p in bank.principles]
    principle_of = np.array([principle_ids.index(s.principle_id) for s in bank.statements],
                            dtype=CODE)
    low, high = bank.scale.min, bank.scale.max
    with ThreadPoolExecutor(max_workers=1) as pool:
        # Arrow's kernels release the GIL: respondents are coded on a second core meanwhile.
        respondents = pool.submit(factorize, responses["respondent"]) \
            if len(responses) >= PARALLEL_ROWS else None
        statement = codes_for(responses["statement"], list(bank.statement_ids))
        known = statement >= 0
        if not known.all():  # only unvalidated input gets here; validated answers are all known
            responses, statement = responses[known], statement[known]
            respondents = None
        current = levels_of(responses["current"], low, high)
        target = levels_of(responses["target"], low, high)
        who, ids = respondents.result() if respondents else factorize(responses["respondent"])
    return Encoded(statement=statement, who=who, respondents=ids,
                   perspective=responses["perspective"], current=current, target=target,
                   levels=high - low + 1, principle_of=principle_of)


def first_perspectives(encoded: Encoded) -> np.ndarray:
    """Each respondent's perspective, taken from their first row (validation made them agree)."""
    first_row = np.full(len(encoded.respondents), len(encoded.who), dtype=np.intp)
    np.minimum.at(first_row, encoded.who, np.arange(len(encoded.who)))
    return np.asarray(encoded.perspective.iloc[first_row], dtype=object)


def tally(encoded: Encoded, bank: Bank) -> Tallies:
    """Count every respondent's answers per principle and level: one bincount each."""
    n_principles = len(bank.principles)
    levels = encoded.levels
    width = levels + 1  # the last level is don't know
    shape = (len(encoded.respondents), n_principles)
    bins = shape[0] * n_principles * width
    # Small integer codes keep the per-row arrays (millions of rows) cheap to build;
    # take() is about twice as fast as fancy indexing here.
    key: np.ndarray = encoded.who.astype(np.dtype(np.int64 if bins >= 2**31 else CODE))
    key *= n_principles
    key += encoded.principle_of.take(encoded.statement)
    key *= width

    # Columns of the per-level counts that give: answered, sum of levels, don't know.
    combine = np.zeros((width, 3), dtype=np.int64)
    combine[:levels, 0] = 1
    combine[:levels, 1] = np.arange(levels)
    combine[levels, 2] = 1

    def counts(level: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        spread = np.bincount(key + level, minlength=bins).reshape(-1, width)
        # An integer matrix product: exact, single-threaded and faster than summing a short axis.
        answered, total, dont_know = (spread @ combine).T
        return (answered.reshape(shape), total.reshape(shape).astype(np.float64),
                dont_know.reshape(shape))

    answered, current_sum, dont_know = counts(encoded.current)
    target_answered, target_sum, _ = counts(encoded.target)
    return Tallies(
        respondents=encoded.respondents,
        principle_ids=tuple(p.id for p in bank.principles),
        statements=np.array([len(p.statements) for p in bank.principles], dtype=np.int64),
        answered=answered,
        dont_know=dont_know,
        current_sum=current_sum,
        target_answered=target_answered,
        target_sum=target_sum,
        low=bank.scale.min,
        high=bank.scale.max,
    )


def score_respondents(responses: pd.DataFrame, bank: Bank) -> pd.DataFrame:
    """One row per respondent x principle: 0-100 current/target scores, gap and answer counts.

    Scores of respondents who answered fewer than half of a principle's statements are
    still reported but flagged `insufficient`; the group scores leave them out.
    """
    encoded = encode(responses, bank)
    counted = tally(encoded, bank)
    n_respondents, n_principles = counted.answered.shape
    current = counted.current_score.ravel()
    target = counted.target_score.ravel()
    frame = pd.DataFrame({
        "respondent": pd.Series(np.repeat(counted.respondents, n_principles), dtype="str"),
        "perspective": pd.Series(np.repeat(first_perspectives(encoded), n_principles), dtype="str"),
        "principle": pd.Series(np.tile(np.array(counted.principle_ids, dtype=object),
                                       n_respondents), dtype="str"),
        "current_score": current,
        "target_score": target,
        "gap": target - current,
        "answered": counted.answered.ravel(),
        "dont_know": counted.dont_know.ravel(),
        "statements": np.tile(counted.statements, n_respondents),
        "insufficient": counted.insufficient.ravel(),
    })
    # Sorted by respondent id so that the table never depends on the order of the rows.
    order = np.argsort(counted.respondents.astype(str), kind="stable")
    rows = (order[:, np.newaxis] * n_principles + np.arange(n_principles)).ravel()
    return frame[RESPONDENT_COLUMNS].iloc[rows].reset_index(drop=True)
