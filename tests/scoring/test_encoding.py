"""Answer levels read from floats: the table lookup must round and clip exactly as np.rint would."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from scoring.encoding import levels_of

EDGES = [0.0, -0.0, 1.0, 1.0624, 1.0625, 2.0000001, 2.1, 2.124, 2.125, 2.5, 2.5000001, 3.12,
         3.5, 4.0, 4.2, 4.5, 5.0, -0.4, -0.6, -1.0, -3.0, 7.9, 15.4, 15.5, 16.6, 1e300,
         math.inf, -math.inf, 5e-324, math.nan]


def by_rounding(values: list[float], low: int, high: int) -> list[int]:
    """What levels_of promises: rounded to the nearest whole number, clipped, NaN = don't know."""
    return [high - low + 1 if math.isnan(v) else int(np.clip(np.rint(v), low, high)) - low
            for v in values]


@pytest.mark.parametrize(("low", "high"), [(0, 4), (1, 5), (-2, 2), (0, 10), (0, 15), (0, 20)])
def test_levels_of_rounds_and_clips_like_rint(low: int, high: int) -> None:
    values = EDGES + [float(v) for v in range(low - 2, high + 3)]
    assert levels_of(pd.Series(values), low, high).tolist() == by_rounding(values, low, high)
    # One at a time too: a column the lookup table fully knows never takes the slow path, so
    # this checks the table's own reading of values near whole numbers (2.0000001, 3.12, 4.2).
    for value in values:
        assert levels_of(pd.Series([value]), low, high).tolist() == by_rounding([value], low, high), value


def test_levels_of_whole_answers_with_dont_know() -> None:
    levels = levels_of(pd.Series([0.0, 4.0, math.nan, 2.0], dtype="Float64"), 0, 4)
    assert levels.dtype == np.int8 and levels.tolist() == [0, 4, 5, 2]
