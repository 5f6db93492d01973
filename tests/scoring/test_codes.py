"""Respondent ids as codes: packed short ids, runs, repeated blocks and the two-thread split."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from scoring.codes import PARALLEL_ROWS, code_soon, factorize, first_rows, packed, period, tiled

IDS = ["r1", "a", "a\x00", "", "Siân", "r1", "1234567", "a", "Siân", ""]


def expected(values: Sequence[str | None]) -> tuple[list[int], list[int]]:
    """Codes in order of first appearance (-1 for missing) and each code's first row, by hand."""
    seen: dict[str, int] = {}
    codes, first = [], []
    for row, value in enumerate(values):
        if value is None:
            codes.append(-1)
            continue
        if value not in seen:
            seen[value] = len(seen)
            first.append(row)
        codes.append(seen[value])
    return codes, first


@pytest.mark.parametrize("kind", [pa.string(), pa.large_string()])
def test_packed_keeps_length_apart_and_reads_slices(kind: pa.DataType) -> None:
    array = pa.array(["x", *IDS], type=kind).slice(1)  # a slice: offsets do not start at 0
    numbers = packed(array)
    assert numbers is not None and len(numbers) == len(IDS)
    # Equal ids pack equal, different ids (even "a" and "a\0", or "" and "a\0") pack apart.
    for i, left in enumerate(IDS):
        for j, right in enumerate(IDS):
            assert (numbers[i] == numbers[j]) == (left == right), (left, right)


def test_packed_refuses_long_text_and_nulls() -> None:
    assert packed(pa.array(["12345678"])) is None
    assert packed(pa.array(["a", None])) is None
    assert packed(pa.array([1, 2])) is None


@pytest.mark.parametrize("dtype", [object, "str", pd.ArrowDtype(pa.string())])
@pytest.mark.parametrize("values", [IDS, sorted(IDS * 3), ["long identifier"] * 3 + ["x", "y"] * 4],
                         ids=["mixed", "runs", "long"])
def test_factorize_codes_in_order_of_first_appearance(dtype: object, values: list[str]) -> None:
    coded = factorize(pd.Series(values, dtype=dtype))
    codes, first = expected(values)
    assert coded.codes.tolist() == codes and coded.first_rows.tolist() == first
    assert coded.uniques.tolist() == list(dict.fromkeys(values))


def test_factorize_missing_ids_are_minus_one() -> None:
    values = ["b", None, "a", "b", None]
    coded = factorize(pd.Series(values, dtype="str"))
    assert coded.codes.tolist() == expected(values)[0] and coded.first_rows.tolist() == [0, 2]


def test_first_rows_where_codes_first_appear() -> None:
    assert first_rows(np.array([0, 0, 1, 0, 2, 1], dtype=np.int32)).tolist() == [0, 2, 4]
    assert first_rows(np.array([-1, 0, -1, 1], dtype=np.int32)).tolist() == [1, 3]
    assert first_rows(np.zeros(0, dtype=np.int32)).tolist() == []


def test_packed_ids_of_one_length_read_in_one_stride() -> None:
    rng = np.random.default_rng(2)
    ids = [f"r{i:04d}" for i in rng.permutation(3000)]
    for array in (pa.array(["zz", *ids], type=pa.large_string()).slice(1), pa.array(ids)):
        numbers = packed(array)
        assert numbers is not None
        by_hand = [int.from_bytes(i.encode(), "little") | (len(i.encode()) << 56) for i in ids]
        assert numbers.tolist() == by_hand


def test_period_finds_blocks_repeated_to_the_end() -> None:
    block = ["c", "a", "b"]
    assert period(pd.Series(block * 4, dtype="str")) == 3
    assert period(pd.Series(block * 4 + ["c"], dtype="str")) is None  # not whole blocks
    assert period(pd.Series(block * 3 + ["c", "b", "a"], dtype="str")) is None  # last block differs
    assert period(pd.Series(block * 4, dtype=object)) is None  # only Arrow text is checked
    coded = tiled(pd.Series(block * 4, dtype="str"), 3)
    assert coded.codes.tolist() == [0, 1, 2] * 4 and coded.first_rows.tolist() == [0, 1, 2]


@pytest.mark.parametrize("layout", ["shuffled", "blocks"])
def test_code_soon_big_columns_match_factorize(layout: str) -> None:
    rng = np.random.default_rng(5)
    people = np.array([f"r{i}" for i in range(PARALLEL_ROWS // 8)], dtype=object)
    values = np.tile(people, 8) if layout == "blocks" else rng.choice(people, PARALLEL_ROWS)
    column = pd.Series(values, dtype="str")
    assert (period(column) is not None) == (layout == "blocks")
    soon, plain = code_soon(column).result(), factorize(column)
    assert np.array_equal(soon.codes, plain.codes)
    assert np.array_equal(soon.first_rows, plain.first_rows)
