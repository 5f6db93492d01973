"""The radar geometry both renderers draw: first spoke at 12 o'clock, clockwise, labels outside the ring."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from reports.charts import radar_frame
from reports.geometry import label_places, point, ring, value_place, wrap_label
from tests.reports.conftest import PRINCIPLES


@pytest.mark.parametrize(("index", "expected"), [(0, (0.0, 1.0)), (1, (1.0, 0.0)), (2, (0.0, -1.0)), (3, (-1.0, 0.0))])
def test_point_starts_at_twelve_and_turns_clockwise(index: int, expected: tuple[float, float]) -> None:
    assert point(index, 4, 1.0) == pytest.approx(expected, abs=1e-12)


def test_altair_radar_frame_uses_the_shared_points() -> None:
    series = pd.DataFrame({"series": "Current", "principle": [p for p, _ in PRINCIPLES], "score": [80.0, 25.0, 150.0]})
    frame = radar_frame(series, PRINCIPLES)
    expected = [point(i, 3, r) for i, r in enumerate((0.8, 0.25, 1.0))]  # 150 is clipped to the outer ring
    assert list(zip(frame["x"], frame["y"])) == pytest.approx(expected)


def test_label_places_sit_outside_the_ring_on_the_side_of_their_spoke() -> None:
    places = label_places(["Top", "Right side", "Bottom", "Left side"])
    assert [(p.align, p.baseline) for p in places] == [("center", "bottom"), ("left", "middle"),
                                                       ("center", "top"), ("right", "middle")]
    assert all(math.hypot(p.x, p.y) > 1 for p in places)
    assert ring(100, 4)[1] == pytest.approx((1.0, 0.0))


def test_value_place_moves_along_the_spoke_inward_near_the_outer_ring() -> None:
    assert value_place(0.0, 0.5, 0.5) == pytest.approx((0.0, 0.62))
    assert value_place(0.0, 0.9, 0.9) == pytest.approx((0.0, 0.76))


def test_wrap_label_cuts_a_64000_character_name_to_two_lines() -> None:
    text = wrap_label("word " * 12_800)
    assert len(text.split("\n")) == 2 and text.endswith("…")
