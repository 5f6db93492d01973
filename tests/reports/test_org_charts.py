"""The manager's view charts (issue 11 point 4): numbers on the heat map's cells, a dash where hidden."""

from __future__ import annotations

import json

from reports.images import chart_png
from reports.org_charts import (
    HEAT_SCHEME,
    heatmap_chart,
    heatmap_frame,
    text_alternative_heatmap,
    text_alternative_trend,
    trend_chart,
)
from tests.reports.test_organisation import organisation, people

SUMMARY = organisation(people({"b1": ("staff", 4)}))


def test_heatmap_frame_has_a_number_on_shown_cells_and_a_dash_on_hidden_ones() -> None:
    frame = heatmap_frame(SUMMARY)
    assert list(dict.fromkeys(frame["team"])) == ["Alpha", "Beta <b>&</b>", "Gamma", "Delta"]
    beta = frame[frame["team"] == "Beta <b>&</b>"]
    assert beta["score"].isna().all() and set(beta["text"]) == {"–"}
    alpha = frame[frame["team"] == "Alpha"]
    assert list(alpha["text"]) == ["75", "75", "75"] and alpha["light"].all()


def test_heatmap_chart_uses_a_sequential_colour_blind_safe_scale_and_draws() -> None:
    spec = heatmap_chart(SUMMARY, width=420).to_dict()
    assert HEAT_SCHEME == "blues"
    assert '"scheme": "blues"' in json.dumps(spec) and '"domain": [0, 100]' in json.dumps(spec)
    assert chart_png(spec).startswith(b"\x89PNG")
    assert chart_png(trend_chart(SUMMARY, width=420)).startswith(b"\x89PNG")


def test_text_alternatives_read_every_team_and_quarter() -> None:
    assert text_alternative_heatmap(SUMMARY).splitlines()[1:] == [
        "Beta <b>&</b>: not enough answers yet",
        "Gamma: Recognising people as assets 83, Reciprocity and mutuality 83, Peer support networks 83",
        "Delta: no assessment yet"]
    assert text_alternative_trend(SUMMARY).splitlines()[0] == "Overall: Oct–Dec 2026 0 (1 team), Jan–Mar 2027 79 (2 teams)"
