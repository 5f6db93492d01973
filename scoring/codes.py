"""Respondent ids as integer codes: fast for short ids, runs and repeated blocks, on a second core."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

CODE = np.int32  # dtype of per-row codes: half the memory traffic of int64
PARALLEL_ROWS = 200_000  # below this a second thread costs more than it saves
# One long-lived helper thread, so that the second core codes ids (see code_soon).
POOL = ThreadPoolExecutor(max_workers=1, thread_name_prefix="scoring")
RUN_SAMPLE = 4096  # rows looked at first for runs of one respondent
PACKED_BYTES = 7  # text this short fits in one uint64 with its length in the top byte
_LENGTH_SHIFT = 8 * PACKED_BYTES
_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(PACKED_BYTES + 1)], dtype=np.uint64)
_LENGTHS = np.array([n << _LENGTH_SHIFT for n in range(PACKED_BYTES + 1)], dtype=np.uint64)


@dataclass(frozen=True, eq=False)
class Coded:
    """A column factorized: codes per row (first-appearance order) and how many distinct values."""

    codes: np.ndarray
    count: int
    values: pd.Series             # the column coded, to read the uniques from when asked
    found_first_rows: np.ndarray | None = None  # when coding gave them for free (runs, blocks)

    @cached_property
    def first_rows(self) -> np.ndarray:
        """Each code's first row (worked out when first asked: the group scores need none)."""
        if self.found_first_rows is not None:
            return self.found_first_rows
        return first_rows(self.codes)

    @cached_property
    def uniques(self) -> np.ndarray:
        """The value of each code (read only when asked: scores need counts, not ids)."""
        return np.asarray(self.values.iloc[self.first_rows], dtype=object)


def is_arrow_text(values: pd.Series) -> bool:
    """Whether a column is text stored in Arrow (pandas 3's default with pyarrow installed)."""
    if isinstance(values.dtype, pd.StringDtype):
        return bool(values.dtype.storage == "pyarrow")  # pandas is untyped: the comparison is Any
    return isinstance(values.dtype, pd.ArrowDtype) and (
        pa.types.is_string(values.dtype.pyarrow_dtype)
        or pa.types.is_large_string(values.dtype.pyarrow_dtype))


def arrow_array(values: pd.Series) -> pa.Array:
    """The Arrow array behind an Arrow-backed text column (no copy for a single chunk)."""
    array = pa.array(values.array)
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def packed(array: pa.Array) -> np.ndarray | None:
    """Each string's bytes and length as one uint64, when every string is at most 7 bytes.

    Short ids ("r123", a database id) then hash as integers, several times faster than text.
    The length byte keeps "a" and "a\\0" apart. None for longer text, nulls or other types.
    """
    wide = pa.types.is_large_string(array.type)
    if not (wide or pa.types.is_string(array.type)) or array.null_count or not len(array):
        return None
    offsets: npt.NDArray[np.signedinteger[Any]]
    if wide:
        offsets = np.frombuffer(array.buffers()[1], dtype=np.int64)
    else:
        offsets = np.frombuffer(array.buffers()[1], dtype=np.int32)
    offsets = offsets[array.offset:array.offset + len(array) + 1]
    starts = offsets[:-1]
    lengths = offsets[1:] - starts
    longest = int(lengths.max())
    if longest > PACKED_BYTES:
        return None
    data = np.frombuffer(array.buffers()[2], dtype=np.uint8) if array.buffers()[2] else \
        np.zeros(0, np.uint8)
    # Eight bytes read from every start at once (an unaligned view, one byte apart); only the last
    # few strings, too near the end of the buffer for a full read, are done one by one.
    fast = int(np.searchsorted(starts, len(data) - 8, side="right")) if len(data) >= 8 else 0
    result = np.empty(len(starts), dtype=np.uint64)
    if fast and int(lengths.min()) == longest:
        # Ids of one length (zero-padded ones): evenly spaced, so a strided view reads them in
        # order, with one mask for all: no gather, no per-row tables.
        words = np.ndarray((fast,), dtype="<u8", buffer=data, offset=int(starts[0]),
                           strides=(longest,))
        np.bitwise_and(words, _MASKS[longest], out=result[:fast])
        result[:fast] |= _LENGTHS[longest]
    elif fast:
        words = np.ndarray((len(data) - 7,), dtype="<u8", buffer=data, strides=(1,))
        head = lengths[:fast]
        np.bitwise_and(words[starts[:fast]], _MASKS.take(head), out=result[:fast])
        result[:fast] |= _LENGTHS.take(head)
    for row in range(fast, len(starts)):
        text = data[starts[row]:offsets[row + 1]].tobytes()
        result[row] = int.from_bytes(text, "little") | (len(text) << _LENGTH_SHIFT)
    return result


def first_rows(codes: np.ndarray) -> np.ndarray:
    """Where each code first appears, for codes numbered in order of first appearance."""
    if not len(codes):
        return np.zeros(0, dtype=np.intp)
    # A code appears for the first time exactly where the running maximum goes up.
    highest = np.maximum.accumulate(codes)
    rises = np.empty(len(codes), dtype=bool)
    rises[0] = highest[0] >= 0
    np.greater(highest[1:], highest[:-1], out=rises[1:])
    return np.flatnonzero(rises)


def _dictionary_codes(array: pa.Array | np.ndarray) -> tuple[np.ndarray, int]:
    """Arrow's hash encoding (first-appearance order) as int32 codes, and how many there are."""
    encoded = pc.dictionary_encode(pa.array(array) if isinstance(array, np.ndarray) else array)
    return (np.asarray(encoded.indices.to_numpy(zero_copy_only=False), dtype=CODE),
            len(encoded.dictionary))


def _pandas_codes(values: pd.Series | pd.api.extensions.ExtensionArray) -> tuple[np.ndarray, int]:
    """pandas' factorize (first-appearance order, -1 for missing) as int32 codes and their count."""
    codes, uniques = values.factorize()
    return np.asarray(codes, dtype=CODE), len(uniques)


def _run_starts(values: pd.Series, numbers: np.ndarray | None) -> np.ndarray | None:
    """Where runs of equal values start, when they are long enough to be worth it (else None)."""
    size = len(values)
    if size <= 2:
        return None
    if numbers is not None:
        sample = numbers[:RUN_SAMPLE]
        # Rows in random order show it within a few thousand rows: skip the full pass then.
        if np.count_nonzero(sample[1:] != sample[:-1]) * 2 > len(sample):
            return None
        changed = numbers[1:] != numbers[:-1]
    elif is_arrow_text(values):
        array = arrow_array(values)
        changed = np.asarray(pc.fill_null(pc.not_equal(array[1:], array[:-1]), True)
                             .to_numpy(zero_copy_only=False), dtype=bool)
    else:
        plain = values.to_numpy(dtype=object)
        changed = np.asarray(plain[1:] != plain[:-1], dtype=bool)
    if (np.count_nonzero(changed) + 1) * 2 > size:
        return None
    return np.flatnonzero(np.concatenate(([True], changed)))


def period(values: pd.Series) -> int | None:
    """The length of a block that the column repeats exactly, start to end, if there is one.

    Answers sorted by statement, as survey exports (a wide sheet melted) come, list the same
    respondents in the same order for every statement: the block is one statement's rows.
    Checked on Arrow text only, first on a few rows, so other orders lose almost nothing.
    """
    if not is_arrow_text(values) or len(values) < 4:
        return None
    array = arrow_array(values)
    if array.null_count:
        return None
    found = pc.index(array, array[0], start=1).as_py()
    size = len(array)
    if found is None or found < 2 or size % found:
        return None
    # A few rows first: most columns that are not blocks differ right away.
    for length in (min(size - found, 1024), size - found):
        if not pc.all(pc.equal(array.slice(found, length), array.slice(0, length))).as_py():
            return None
    return int(found)


def tiled(values: pd.Series, block: int) -> Coded:
    """The codes of a column that repeats its first `block` rows: those rows coded, repeated."""
    first = factorize(values.iloc[:block])
    return Coded(np.tile(first.codes, len(values) // block), first.count, values, first.first_rows)


def factorize(values: pd.Series) -> Coded:
    """Integer codes in order of first appearance (-1 for a missing id) and each one's first row."""
    arrow = arrow_array(values) if is_arrow_text(values) else None
    if arrow is not None and arrow.null_count:
        arrow = None  # pandas codes a missing id -1, as for any other column
    numbers = packed(arrow) if arrow is not None else None
    starts = _run_starts(values, numbers)
    if starts is not None:
        # Answers usually come grouped by respondent: hash one value per run, not per row.
        if numbers is not None:
            run_codes, count = _dictionary_codes(numbers.take(starts))
        else:
            run_codes, count = _pandas_codes(values.array.take(starts))
        return Coded(np.repeat(run_codes, np.diff(starts, append=len(values))), count, values,
                     starts.take(first_rows(run_codes)))
    if numbers is not None:
        codes, count = _dictionary_codes(numbers)
    elif arrow is not None:
        codes, count = _dictionary_codes(arrow)
    else:
        codes, count = _pandas_codes(values.array)
    return Coded(codes, count, values)


class Soon:
    """Codes being worked out (on the helper thread, or by the first caller of result())."""

    def __init__(self, finish: Callable[[], Coded]) -> None:
        """Remember how to get the codes; nothing runs on this thread yet."""
        self._finish = finish
        self._value: Coded | None = None

    def result(self) -> Coded:
        """The codes, finishing them on first call."""
        if self._value is None:
            self._value = self._finish()
        return self._value


def code_soon(values: pd.Series, first_rows_too: bool = True) -> Soon:
    """Start coding a big column on the helper thread; result() waits for it when it is needed.

    Arrow's and numpy's kernels release the GIL, so the helper hashes the ids on the second core
    while the caller codes statements and answers and counts statements (scoring 100,000
    respondents in random order spends most of its time hashing their ids). Splitting the ids
    between both threads was tried: merging the halves cost what the split saved.
    """
    if len(values) < PARALLEL_ROWS:
        return Soon(lambda: factorize(values))
    block = period(values)
    work = POOL.submit(factorize, values) if block is None else POOL.submit(tiled, values, block)
    if first_rows_too:
        # Next on the helper, while the caller already counts with the codes: the first rows,
        # which only perspectives and ids need (the group scores alone skip them).
        POOL.submit(lambda: work.result().first_rows)
    return Soon(work.result)
