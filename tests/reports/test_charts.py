"""Chart specs: radar geometry, text alternatives and the distribution frame."""

from __future__ import annotations

import json
import math
from typing import Any

import pandas as pd
import pytest

from questions.schema import Bank
from reports.charts import (
    PALETTE,
    SERIES_DATASET,
    distribution_chart,
    distribution_frame,
    radar_frame,
    radar_spec,
    text_alternative_distribution,
    text_alternative_radar,
    text_alternative_trend,
    trend_chart,
    wrap_label,
)
from scoring import score_group
from tests.reports.conftest import PRINCIPLES


def series(*scores: float, name: str = "Current") -> pd.DataFrame:
    """A series frame over the test principles."""
    return pd.DataFrame({"series": name, "principle": [p for p, _ in PRINCIPLES], "score": list(scores)})


def test_radar_frame_first_principle_at_twelve_o_clock() -> None:
    frame = radar_frame(series(100, 50, 50), PRINCIPLES)
    first = frame.iloc[0]
    assert (first["x"], first["y"]) == pytest.approx((0, 1))


def test_radar_frame_goes_clockwise() -> None:
    frame = radar_frame(series(100, 100, 100), PRINCIPLES)
    assert frame.iloc[1]["x"] > 0 and frame.iloc[2]["x"] < 0


def test_radar_frame_radius_is_score_over_100() -> None:
    frame = radar_frame(series(100, 50, 0), PRINCIPLES)
    assert frame["radius"].tolist() == pytest.approx([1, 0.5, 0])
    assert math.hypot(frame.iloc[1]["x"], frame.iloc[1]["y"]) == pytest.approx(0.5)


def test_radar_frame_skips_missing_scores_and_keeps_order() -> None:
    frame = radar_frame(series(60, float("nan"), 40), PRINCIPLES)
    assert frame["principle"].tolist() == ["assets", "networks"]
    assert frame["order"].tolist() == [0, 2]


def test_radar_spec_is_not_stretched_and_hides_axes() -> None:
    spec = radar_spec(pd.concat([series(80, 25, 50), series(95, 95, 100, name="Target")]), PRINCIPLES)
    x_domain = spec["layer"][0]["encoding"]["x"]["scale"]["domain"]
    y_domain = spec["layer"][0]["encoding"]["y"]["scale"]["domain"]
    assert spec["width"] / (x_domain[1] - x_domain[0]) == pytest.approx(spec["height"] / (y_domain[1] - y_domain[0]))
    assert spec["layer"][0]["encoding"]["x"]["axis"] is None
    assert y_domain[1] > 1.1  # room above the top label's anchor


@pytest.mark.parametrize("size", [300, 400])
def test_radar_spec_square_fits_its_labels_inside(size: int) -> None:
    spec = radar_spec(pd.concat([series(80, 25, 50), series(95, 95, 100, name="Target")]), PRINCIPLES,
                      size=size, font=13, square=True)
    assert (spec["width"], spec["height"]) == (size, size)
    x_domain = spec["layer"][0]["encoding"]["x"]["scale"]["domain"]
    y_domain = spec["layer"][0]["encoding"]["y"]["scale"]["domain"]
    assert x_domain == pytest.approx(y_domain)
    unit = size / (x_domain[1] - x_domain[0])
    checked = 0
    # Each principle label, at 0.56 em per character and 1.2 em per line, lies inside the square.
    for layer in spec["layer"]:
        mark = layer["mark"]
        if mark.get("type") != "text" or "lineBreak" not in mark:
            continue
        rows = spec["datasets"][layer["data"]["name"]]
        for row in rows:
            lines = row["label"].split("\n")
            width = max(len(line) for line in lines) * 13 * 0.56
            left = (row["x"] - x_domain[0]) * unit - {"left": 0, "right": width, "center": width / 2}[mark["align"]]
            assert 0 <= left and left + width <= size, (row["label"], left, width)
            assert len(lines) <= 3
            checked += 1
    assert checked == len(PRINCIPLES)


def test_radar_spec_uses_fixed_palette_in_series_order() -> None:
    spec = radar_spec(pd.concat([series(1, 2, 3), series(4, 5, 6, name="Target")]), PRINCIPLES)
    colour = spec["layer"][-1]["encoding"]["color"]["scale"]
    assert colour == {"domain": ["Current", "Target"], "range": list(PALETTE[:2])}


def test_wrap_label_uses_at_most_two_lines() -> None:
    assert wrap_label("Recognising people as assets") == "Recognising people\nas assets"
    assert wrap_label("Blurring distinctions between professionals and recipients").count("\n") == 1
    assert wrap_label("Blurring distinctions between professionals and recipients and everyone else in the area") == (
        "Blurring distinctions between\nprofessionals and recipients…")


def test_text_alternative_radar_reads_each_series() -> None:
    text = text_alternative_radar(pd.concat([series(62.4, float("nan"), 50), series(90, 90, 90, name="Target")]),
                                  PRINCIPLES)
    assert text == ("Current: Recognising people as assets 62, Reciprocity and mutuality no score, "
                    "Peer support networks 50\nTarget: Recognising people as assets 90, "
                    "Reciprocity and mutuality 90, Peer support networks 90")


def test_distribution_frame_counts_answers(bank: Bank, responses: pd.DataFrame) -> None:
    statements = score_group(responses, bank).statements
    frame = distribution_frame(statements, bank, ["networks_1"])
    assert frame["count"].tolist() == [0, 0, 4, 0, 0, 1]
    assert frame["answer"].tolist()[-1] == "Don't know"
    assert text_alternative_distribution(statements, bank, ["networks_1"]) == (
        "5. To networks 1: we decide with people.: 0 Mostly like From 0, 1 More like From 0, 2 In between 4, "
        "3 More like To 0, 4 Mostly like To 0, Don't know 1")
    assert distribution_chart(statements, bank, ["networks_1"]).to_dict()["mark"]["type"] == "bar"


def test_trend_chart_plots_rounds_in_date_order_and_describes_them() -> None:
    trend = pd.DataFrame({"assessment": ["Autumn", "Spring"], "date": pd.to_datetime(["2026-10-01", "2026-03-01"]),
                          "name": ["Blurring roles"] * 2, "score": [55.4, 40.0]})
    spec = trend_chart(trend.iloc[::-1].reset_index(drop=True)).to_dict()
    x = spec["layer"][0]["encoding"]["x"]
    assert (x["type"], x["sort"]) == ("ordinal", ["Spring", "Autumn"])
    assert trend_chart(trend).to_dict()["layer"][0]["encoding"]["x"]["sort"] == ["Spring", "Autumn"]
    assert text_alternative_trend(trend) == "Blurring roles: Spring 40, Autumn 55"


def test_trend_chart_narrow_has_one_legend_column_and_short_axis_labels() -> None:
    trend = pd.DataFrame({"assessment": ["Autumn", "Spring"], "date": pd.to_datetime(["2026-10-01", "2026-03-01"]),
                          "name": ["Blurring roles"] * 2, "score": [55.4, 40.0]})
    wide, narrow = trend_chart(trend).to_dict(), trend_chart(trend, narrow=True).to_dict()
    assert wide["layer"][0]["encoding"]["color"]["legend"]["columns"] == 2
    assert narrow["layer"][0]["encoding"]["color"]["legend"]["columns"] == 1
    assert narrow["layer"][0]["encoding"]["x"]["axis"]["labelLimit"] < wide["layer"][0]["encoding"]["x"]["axis"]["labelLimit"]


def _without_data(spec: dict[str, Any]) -> dict[str, Any]:
    """A spec with every layer's data reference and the datasets taken out."""
    copy: dict[str, Any] = json.loads(json.dumps(spec))
    copy.pop("datasets", None)
    for layer in copy["layer"]:
        layer.pop("data", None)
    return copy


def test_radar_spec_series_are_a_named_dataset() -> None:
    spec = radar_spec(pd.concat([series(80, 25, 50), series(95, 95, 100, name="Target")]), PRINCIPLES)
    assert spec["layer"][-1]["data"] == {"name": SERIES_DATASET}
    assert [(p["series"], p["score"]) for p in spec["datasets"][SERIES_DATASET]] == [
        ("Current", 80), ("Current", 25), ("Current", 50), ("Target", 95), ("Target", 95), ("Target", 100)]


def test_radar_spec_reuses_geometry_but_not_data() -> None:
    first = radar_spec(series(10, 20, 30), PRINCIPLES)
    second = radar_spec(series(70, 80, 90), PRINCIPLES)
    assert [p["score"] for p in first["datasets"][SERIES_DATASET]] == [10, 20, 30]
    assert [p["score"] for p in second["datasets"][SERIES_DATASET]] == [70, 80, 90]
    assert _without_data(first) == _without_data(second)
