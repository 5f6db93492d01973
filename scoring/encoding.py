"""Answers as integer codes: statements by bank position, respondents by first appearance, levels."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache, cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from questions.schema import Bank
from scoring.codes import CODE, PARALLEL_ROWS, Soon, arrow_array, code_soon, is_arrow_text

__all__ = ["CODE", "PARALLEL_ROWS", "Encoded", "codes_for", "encode", "first_perspectives",
           "floats", "levels_of"]


@dataclass(frozen=True, eq=False)
class Encoded:
    """Answers as integer codes, rows of unknown statements dropped.

    Everything downstream is numpy bincount over these codes: no Python loop over answers
    or respondents (100,000 respondents x 36 statements score in well under a second).
    Respondent codes may still be computed on the second core: `who` waits for them, so
    work that needs only statements and levels goes first.
    """

    statement: np.ndarray         # each row's statement position in the bank
    perspective: pd.Series        # the perspective column of the rows kept
    current: np.ndarray           # answer level 0..L-1 (value - scale min), L = don't know
    target: np.ndarray
    levels: int                   # L: the number of answer levels on the scale
    principle_of: np.ndarray      # each bank statement's principle position
    kept: np.ndarray | None       # positions of the rows kept in the frame given (None: all)
    coded: Soon                   # the respondent column, being factorized

    @cached_property
    def key(self) -> np.ndarray:
        """Each row's statement, current and target level in one code (the joint key).

        statement x (L + 1)^2 + current x (L + 1) + target, L + 1 levels counting don't know:
        one bincount over it gives every statement's joint distribution, and a table indexed by
        it gives each row's weight in the tallies (scoring.counting).
        """
        width = self.levels + 1
        bins = len(self.principle_of) * width * width
        # int32 while it fits: half the memory traffic of int64 on millions of rows.
        key: np.ndarray = np.multiply(self.statement, width * width,
                                      dtype=np.int32 if bins < 2**31 else np.intp)
        key += np.multiply(self.current, width, dtype=np.int16)
        key += self.target
        return key

    @property
    def who(self) -> np.ndarray:
        """Each row's respondent position in `respondents`."""
        return self.coded.result().codes

    @property
    def n_respondents(self) -> int:
        """How many different respondent ids there are."""
        return self.coded.result().count

    @property
    def respondents(self) -> np.ndarray:
        """Respondent ids in order of first appearance (read from the frame when first asked)."""
        return self.coded.result().uniques

    @property
    def first_rows(self) -> np.ndarray:
        """Each respondent's first row."""
        return self.coded.result().first_rows


def codes_for(values: pd.Series, categories: list[str]) -> np.ndarray:
    """Integer position of each value in `categories`, -1 where it is not there."""
    if is_arrow_text(values):
        # Arrow-backed text: a hash lookup against the few categories, no factorizing.
        positions = pc.index_in(arrow_array(values), value_set=pa.array(categories, pa.string()))
        if positions.null_count:
            positions = positions.fill_null(-1)
        return np.asarray(positions.to_numpy(zero_copy_only=False), dtype=CODE)
    codes, uniques = values.array.factorize()
    mapping = pd.Index(categories).get_indexer(uniques).astype(CODE)
    # Appending -1 makes code -1 (a missing value) map to -1 as well.
    return np.asarray(np.append(mapping, CODE(-1))[codes])


def floats(values: pd.Series) -> np.ndarray:
    """A column as float64 with NaN for missing (no copy when it already is one)."""
    # pandas is untyped (to_numpy gives Any): asarray of a float64 array names the type, no copy.
    if values.dtype == np.float64:
        return np.asarray(values.to_numpy(), dtype=np.float64)
    return np.asarray(values.to_numpy(dtype="float64", na_value=np.nan), dtype=np.float64)


@cache
def _level_table(low: int, high: int) -> np.ndarray:
    """Level (int8) by the top 16 bits of a float64: the scale's whole numbers, NaN, else -1.

    The top 16 bits are the sign, the exponent and 4 mantissa bits. Every float whose top 16 bits
    are those of a whole number k between -15 and 15 lies within k and k + 1/2 (exclusive) of it
    (towards larger magnitude), so it rounds to k: the table reads it exactly as rounding would.
    """
    table = np.full(1 << 16, -1, dtype=np.int8)
    top = np.arange(low, high + 1, dtype=np.float64).view(np.uint64) >> np.uint64(48)
    table[top] = np.arange(high - low + 1)
    table[np.float64(np.nan).view(np.uint64) >> np.uint64(48)] = high - low + 1
    if low <= 0 <= high:
        table[np.float64(-0.0).view(np.uint64) >> np.uint64(48)] = -low
    return table


def levels_of(values: pd.Series, low: int, high: int) -> np.ndarray:
    """Answer level per row (int8): value - low, and high - low + 1 for don't know (NaN).

    Validated answers are whole numbers on the scale; anything else is rounded and clipped.
    """
    numbers = np.ascontiguousarray(floats(values))
    if -15 <= low and high <= 15 and sys.byteorder == "little":
        # Little-endian: each value's top 16 bits are its 4th uint16. One table lookup per row;
        # only values the table does not know (off the scale, infinite) take the slow path.
        level: np.ndarray = _level_table(low, high).take(numbers.view(np.uint16)[3::4])
        if not len(level) or level.min() >= 0:
            return level
    missing = np.isnan(numbers)
    level = (np.clip(np.rint(np.nan_to_num(numbers)), low, high) - low).astype(np.int8)
    level[missing] = high - low + 1
    return level


def encode(responses: pd.DataFrame, bank: Bank, first_rows: bool = True) -> Encoded:
    """Statement codes and answer levels now; respondent codes on a second thread (big frames).

    Coding 100,000 respondents' ids is the slowest step: it runs on the helper thread and `who`
    waits for it, so work that needs only statements and levels (counting statements, see
    scoring.counting) should come first. `first_rows`: work out each respondent's first row
    on the helper as well (perspectives need them; the group scores alone do not).
    """
    principle_ids = [p.id for p in bank.principles]
    # int8 positions (banks have a handful of principles): looking them up per row writes 1 byte.
    principle_of = np.array([principle_ids.index(s.principle_id) for s in bank.statements],
                            dtype=np.int8 if len(principle_ids) < 128 else CODE)
    low, high = bank.scale.min, bank.scale.max
    kept: np.ndarray | None = None
    coded = code_soon(responses["respondent"], first_rows)
    statement = codes_for(responses["statement"], list(bank.statement_ids))
    if len(statement) and statement.min() < 0:  # only unvalidated input has unknown statements
        kept = np.flatnonzero(statement >= 0)
        responses, statement = responses.iloc[kept], statement[kept]
        coded = code_soon(responses["respondent"], first_rows)
    return Encoded(statement=statement, perspective=responses["perspective"],
                   current=levels_of(responses["current"], low, high),
                   target=levels_of(responses["target"], low, high),
                   levels=high - low + 1, principle_of=principle_of, kept=kept, coded=coded)


def first_perspectives(encoded: Encoded) -> np.ndarray:
    """Each respondent's perspective, taken from their first row (validation made them agree)."""
    return np.asarray(encoded.perspective.iloc[encoded.first_rows], dtype=object)
