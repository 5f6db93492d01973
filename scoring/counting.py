"""Answers counted once per respondent and principle, hidden cells left out, for every scorer to share."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from questions.schema import Bank
from scoring.encoding import Encoded, encode
from scoring.visibility import Shown, StatementCounts, count_statements, shown_cells, without_hidden

FIELD_BITS = 10  # five counts packed into one float64: 5 x 10 bits fit its 53 exact bits
EXACT = 2.0**53  # float64 holds every whole number below this exactly


def column_sums(values: np.ndarray) -> np.ndarray:
    """Sums down the columns of an (R, P) array (booleans counted as int64).

    einsum is several times faster than sum(axis=0) over 100,000 short rows, and unlike a matrix
    product it never wakes BLAS threads (which then spin, taking the other core from the helper).
    """
    if values.dtype == np.bool_:
        return np.asarray(np.einsum("ij->j", values.view(np.uint8), dtype=np.int64))
    return np.asarray(np.einsum("ij->j", values))


def row_sums(values: np.ndarray) -> np.ndarray:
    """Sums along the rows of an (R, P) array (einsum, as column_sums)."""
    return np.asarray(np.einsum("ij->i", values))


@dataclass(frozen=True, eq=False)
class Tallies:
    """Answers of every respondent counted per principle, as (respondents x principles) arrays.

    Only shown statements and targets are counted (see scoring.visibility.shown_cells).
    """

    principle_ids: tuple[str, ...]
    statements: np.ndarray        # shown statements per principle, shape (P,)
    answered: np.ndarray          # shape (R, P): current answers that are not don't know
    dont_know: np.ndarray         # shape (R, P): rows whose current answer is don't know
    current_sum: np.ndarray       # shape (R, P): sum of answer levels (value - scale min)
    target_answered: np.ndarray
    target_sum: np.ndarray
    low: int                      # scale bounds, to turn means into 0-100 scores
    high: int

    def _score(self, total: np.ndarray, count: np.ndarray) -> np.ndarray:
        """0-100 scores from level sums and counts (NaN where nothing was answered)."""
        # No clip needed: a mean of levels 0..high-low divided by high-low is in [0, 1], and
        # rounding never crosses a bound that is itself a float (issue 9: bounds tested exactly).
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.asarray(total / count / (self.high - self.low) * 100.0)

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
        """Shape (R, P): fewer than half of the principle's shown statements answered, or none.

        Half of the SHOWN statements: a statement hidden for having too few answers counts
        nowhere, not even in how many a person should have answered.
        """
        # max(statements, 1): with no shown statement, answering none is not enough either.
        return np.asarray(self.answered * 2 < np.maximum(self.statements, 1)[np.newaxis, :])

    @cached_property
    def answered_total(self) -> np.ndarray:
        """Shape (R,): each respondent's answers that count (not don't know, shown)."""
        return row_sums(self.answered)

    @cached_property
    def counted(self) -> np.ndarray:
        """Shape (R,): respondents with at least one answer that counts."""
        return np.asarray(self.answered_total > 0)


def packed_weights(levels: int, shown: Shown) -> np.ndarray:
    """Per joint key (statement, current, target), one float adding 1 to each count it is in.

    Fields, FIELD_BITS each from the bottom: answered, level sum, don't know, targets, target sum.
    The hiding rule is in the table: a hidden statement's rows weigh nothing, and a hidden
    target adds nothing to the target fields, so no row needs rewriting.
    """
    width = levels + 1  # the levels and don't know
    current = np.arange(width)[:, np.newaxis]
    target = np.arange(width)[np.newaxis, :]
    unit = float(2**FIELD_BITS)
    answers = (current < levels) * (1.0 + current * unit) + (current == levels) * unit**2
    aims = (target < levels) * (unit**3 + target * unit**4)
    table = (shown.statements[:, np.newaxis, np.newaxis] * answers
             + shown.targets[:, np.newaxis, np.newaxis] * aims)
    return np.asarray(table, dtype=np.float64).ravel()


def _unpacked(totals: np.ndarray, expected: list[int]) -> list[np.ndarray] | None:
    """The five counts packed by _packed_weights, or None if any of them overflowed its field.

    Whole numbers below 2**53 add exactly in float64, and all weights are >= 0, so a maximum
    below 2**53 proves every sum exact. A field that overflowed keeps only its low bits, so its
    column total falls short of the true total: equal totals prove that nothing overflowed.
    """
    if len(totals) and totals.max() >= EXACT:
        return None
    whole = totals.astype(np.int64)
    mask = (1 << FIELD_BITS) - 1
    fields = [(whole >> (FIELD_BITS * i)) & mask for i in range(4)] + [whole >> (FIELD_BITS * 4)]
    if [int(field.sum()) for field in fields] != expected:
        return None
    return fields


def _exact(cell: np.ndarray, encoded: Encoded, size: int) -> list[np.ndarray]:
    """The same five counts from two (cells x levels) bincounts: slower, never overflows.

    `encoded` has its hidden answers at the void level (without_hidden), which counts nowhere.
    """
    levels = encoded.levels
    width = levels + 2
    combine = np.zeros((width, 3), dtype=np.int64)
    combine[:levels, 0] = 1
    combine[:levels, 1] = np.arange(levels)
    combine[levels, 2] = 1
    base = cell.astype(np.intp) * width
    current = np.bincount(base + encoded.current, minlength=size * width).reshape(-1, width)
    target = np.bincount(base + encoded.target, minlength=size * width).reshape(-1, width)
    answered, total, dont_know = (current @ combine).T
    aimed, aim_total, _ = (target @ combine).T
    return [answered, total, dont_know, aimed, aim_total]


def tally(encoded: Encoded, bank: Bank, counts: StatementCounts, shown: Shown) -> Tallies:
    """Count every respondent's answers per principle, leaving out what `shown` hides."""
    n_principles = len(bank.principles)
    levels = encoded.levels
    values = np.arange(levels)
    # The true column totals, from the statement counts: what the packed sums must add up to.
    expected = [int(counts.answered[shown.statements].sum()),
                int((counts.answers[shown.statements] @ values).sum()),
                int(counts.dont_know[shown.statements].sum()),
                int(counts.aimed[shown.targets].sum()),
                int((counts.aims[shown.targets] @ values).sum())]
    # Fancy indexing with the int32 key: np.take would first copy it into int64 indices.
    weights = packed_weights(levels, shown)[encoded.key]
    principle = encoded.principle_of[encoded.statement]
    # Only now the respondent codes are needed (they may still be on the other core).
    shape = (encoded.n_respondents, n_principles)
    size = shape[0] * n_principles
    # int32 cells while they fit: half the memory traffic of int64 on millions of rows.
    cell = np.multiply(encoded.who, n_principles, dtype=np.int32 if size < 2**31 else np.intp)
    cell += principle
    # One weighted bincount over (respondent, principle) cells counts all five at once: cells fit
    # in cache, unlike (cells x levels) bins, which matters when rows come in random order.
    totals = np.bincount(cell, weights=weights, minlength=size)
    fields = _unpacked(totals, expected) or _exact(cell, without_hidden(encoded, shown), size)
    answered, total, dont_know, aimed, aim_total = (f.reshape(shape) for f in fields)
    principle_ids = tuple(p.id for p in bank.principles)
    shown_per_principle = np.bincount(encoded.principle_of[shown.statements],
                                      minlength=n_principles).astype(np.int64)
    return Tallies(
        principle_ids=principle_ids,
        statements=shown_per_principle,
        answered=answered,
        dont_know=dont_know,
        current_sum=total.astype(np.float64),
        target_answered=aimed,
        target_sum=aim_total.astype(np.float64),
        low=bank.scale.min,
        high=bank.scale.max,
    )


@dataclass(frozen=True, eq=False)
class Counted:
    """Answers encoded and counted once, with the hiding rule applied, for every scorer to share."""

    encoded: Encoded              # every row as given (nothing hidden), for exports and counts
    statements: StatementCounts   # per statement, before hiding
    shown: Shown
    tallies: Tallies              # per respondent and principle, hidden cells left out

    @cached_property
    def n_respondents(self) -> int:
        """Respondents with at least one answer that counts."""
        return int(self.tallies.counted.sum())


def count(responses: pd.DataFrame, bank: Bank, threshold: int | None,
          perspectives: bool = True) -> Counted:
    """Encode, apply the hiding rule for `threshold` (None: hide nothing) and tally.

    `perspectives`: whether each respondent's perspective will be asked for (see encode).
    """
    if threshold is not None and threshold < 1:
        raise ValueError(f"threshold must be at least 1, not {threshold}")
    encoded = encode(responses, bank, first_rows=perspectives)
    statements = count_statements(encoded)
    shown = shown_cells(statements.answered, statements.aimed, threshold)
    return Counted(encoded, statements, shown, tally(encoded, bank, statements, shown))
