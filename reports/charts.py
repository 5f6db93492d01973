"""Altair chart specs shared by the Streamlit app and the PDF report."""

from __future__ import annotations

import json
import math
import textwrap
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import altair as alt
import pandas as pd

from i18n import N_, _, current_language
from questions.schema import Bank

# Colours, grid and label rules live in reports.geometry (shared with the PDF's vector radar); the
# names other modules import from here are re-exported explicitly.
from reports.geometry import DASHES as DASHES
from reports.geometry import GRID_COLOUR as GRID_COLOUR
from reports.geometry import GRID_LEVELS as GRID_LEVELS
from reports.geometry import LABEL_RADIUS as LABEL_RADIUS
from reports.geometry import MUTED_COLOUR as MUTED_COLOUR
from reports.geometry import PALETTE as PALETTE
from reports.geometry import TEXT_COLOUR as TEXT_COLOUR
from reports.geometry import wrap_label as wrap_label
from reports.geometry import (
    VALUE_INWARD,
    VALUE_OUTWARD,
    VALUE_TURN,
    angle,
    label_places,
    radius_of,
    ring,
    ring_value_places,
)

LABEL_FONT_SIZE = 12
SQUARE_WRAP = 12  # characters per label line on a square radar (three lines at most)
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
# Sequential blues for answers 0-4 plus grey for "don't know": no red/green.
# Diverging brown (From) to teal (To), colour-blind safe (ColorBrewer BrBG): disagreement shows as both
# ends of a bar being dark; five shades of one hue made 1 vs 2 and 3 vs 4 hard to tell apart.
ANSWER_COLOURS = ("#8c510a", "#d8b365", "#e8dcb5", "#5ab4ac", "#01665e")
DONT_KNOW_COLOUR = "#bdbdbd"


def radar_frame(series: pd.DataFrame, principles: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """Cartesian points (x = r·sin a, y = r·cos a) of each series, first principle at the top.

    `series` has columns series, principle (id) and score (0-100). Rows whose score is
    NaN are skipped, so that series' polygon joins its remaining points in principle
    order (an unanswered principle is not drawn as 0). Principles not listed are ignored.
    Returns series, principle, name, order, score, radius, x, y.
    """
    order = {pid: i for i, (pid, _) in enumerate(principles)}
    names = dict(principles)
    frame = series.loc[series["principle"].isin(order), ["series", "principle", "score"]].copy()
    frame["score"] = pd.to_numeric(frame["score"], errors="coerce")
    frame = frame.dropna(subset=["score"])
    frame["name"] = frame["principle"].map(names)
    frame["order"] = frame["principle"].map(order).astype(int)
    # Clip so a stray value can never leave the drawing area.
    frame["radius"] = frame["score"].map(radius_of)
    angles = frame["order"].map(lambda i: angle(i, len(principles)))
    frame["x"] = frame["radius"] * angles.map(math.sin)
    frame["y"] = frame["radius"] * angles.map(math.cos)
    columns = ["series", "principle", "name", "order", "score", "radius", "x", "y"]
    return frame.sort_values(["series", "order"], kind="stable")[columns].reset_index(drop=True)


def _label_frame(principles: Sequence[tuple[str, str]], square: bool = False) -> pd.DataFrame:
    """Principle label positions just outside the outer ring, with alignment by side (reports.geometry).

    A square radar wraps its labels narrower (up to three lines) so that they fit inside its width.
    """
    names = [name for _, name in principles]
    rows = []
    for (pid, name), place in zip(principles, label_places(names)):
        text = wrap_label(name, SQUARE_WRAP, 3) if square else place.text
        rows.append({"principle": pid, "name": name, "label": text, "x": place.x, "y": place.y,
                     "align": place.align, "baseline": place.baseline, "lines": text.count("\n") + 1,
                     "chars": max(len(line) for line in text.split("\n"))})
    return pd.DataFrame(rows)


def _extents(labels: pd.DataFrame, size: int, font: int = LABEL_FONT_SIZE) -> tuple[float, float, float]:
    """Pixels per unit, x half-domain and y half-domain so no label is clipped.

    The plot is `size` pixels high; its width grows to fit the side labels while x and y
    keep the same pixels per unit, so the polygon is never stretched.
    """
    half, margin = size / 2, 4.0
    # Rough DejaVu Sans metrics: 0.56 em per character, 1.2 em per line.
    widths = labels["chars"] * font * 0.56
    heights = labels["lines"] * font * 1.2 + 2
    unit = half - margin
    for y, h, baseline in zip(labels["y"], heights, labels["baseline"]):
        used = h if baseline != "middle" else h / 2
        if abs(y) > 1e-9:
            unit = min(unit, (half - margin - used) / abs(y))
    unit = max(unit, 0.3 * half)
    half_width = unit + margin
    for x, w, align in zip(labels["x"], widths, labels["align"]):
        reach = w if align != "center" else w / 2
        half_width = max(half_width, abs(x) * unit + reach + margin)
    return unit, half_width / unit, half / unit


def _square_extents(labels: pd.DataFrame, size: int, font: int = LABEL_FONT_SIZE) -> tuple[float, float, float]:
    """Pixels per unit and the (equal) half-domains of a `size` x `size` radar whose labels fit inside it."""
    half, margin = size / 2, 4.0
    widths = labels["chars"] * font * 0.56
    heights = labels["lines"] * font * 1.2 + 2
    unit = half - margin
    for x, y, w, h, align, baseline in zip(labels["x"], labels["y"], widths, heights, labels["align"],
                                           labels["baseline"]):
        used = h if baseline != "middle" else h / 2
        if abs(y) > 1e-9:
            unit = min(unit, (half - margin - used) / abs(y))
        reach = w if align != "center" else w / 2
        if abs(x) > 1e-9:
            unit = min(unit, (half - margin - reach) / abs(x))
    unit = max(unit, 0.3 * half)
    return unit, half / unit, half / unit


def _grid_frame(principles: Sequence[tuple[str, str]]) -> pd.DataFrame:
    """Points of the 25/50/75/100 rings and the spoke ends."""
    rows = [{"level": level, "order": i, "x": x, "y": y}
            for level in GRID_LEVELS for i, (x, y) in enumerate(ring(level, len(principles)))]
    return pd.DataFrame(rows)


def _series_scales(names: list[str]) -> tuple[alt.Scale, alt.Scale]:
    """Colour and dash scales with an explicit domain so colours stay stable across charts."""
    colours = [PALETTE[i % len(PALETTE)] for i in range(len(names))]
    dashes = [list(DASHES[i % len(DASHES)]) for i in range(len(names))]
    return alt.Scale(domain=names, range=colours), alt.Scale(domain=names, range=dashes)


# Series the app itself names (reports/model.py, services/facilitation.py), shown in the reader's language;
# perspective and session names are user or bank text and are drawn as written.
SERIES_LABELS = {"Current": N_("Current"), "Target": N_("Target"), "Group now": N_("Group now")}


def _series_names(series: pd.DataFrame) -> pd.DataFrame:
    """The series column with the app's own series names translated."""
    return series.assign(series=series["series"].map(lambda name: _(SERIES_LABELS[name])
                                                      if name in SERIES_LABELS else name))


# Data of the series layers in radar_spec: a named dataset, filled in per call.
SERIES_DATASET = "radar_series"


@lru_cache(maxsize=128)
def _radar_template(principles: tuple[tuple[str, str], ...], names: tuple[str, ...],
                    title: str | None, size: int, values: bool = False, font: int = LABEL_FONT_SIZE,
                    square: bool = False, language: str = "en") -> str:
    """The radar's Vega-Lite JSON without its series data (building it with Altair is the slow part).

    `language` is part of the cache key: the tooltips' titles are drawn in it."""
    return json.dumps(_radar(alt.NamedData(name=SERIES_DATASET), list(names), principles, title, size,
                             values, font, square).to_dict())


def radar_spec(series: pd.DataFrame, principles: Sequence[tuple[str, str]],
               title: str | None = None, size: int = 420, values: bool = False,
               font: int = LABEL_FONT_SIZE, square: bool = False) -> dict[str, Any]:
    """Radar of 0-100 principle scores as a Vega-Lite dict: one closed polygon per series, legend at the bottom.

    The geometry is built once per principle list and size; only the series data changes, so it is fast
    enough for a live view refreshed every few seconds. `values` prints each point's score beside it (meant
    for one series, as on the projector); `font` is the principle labels' size in pixels. A `square` radar is
    `size` pixels wide as well as high, its labels wrapped to fit inside (a phone's width), with its legend
    in a column when one row would be wider than the chart.
    """
    series = _series_names(series)
    names = tuple(dict.fromkeys(series["series"].tolist()))
    spec: dict[str, Any] = json.loads(_radar_template(tuple(principles), names, title, size, values, font,
                                                        square, current_language()))
    points = radar_frame(series, principles)
    # Plain Python values (not numpy), exactly as Altair would inline them; NaN is never present (skipped).
    records = [{key: value.item() if hasattr(value, "item") else value for key, value in row.items()}
               for row in points.to_dict("records")]
    spec.setdefault("datasets", {})[SERIES_DATASET] = records
    return spec


def _radar(points: pd.DataFrame | alt.NamedData, names: list[str], principles: Sequence[tuple[str, str]],
           title: str | None, size: int, values: bool = False, font: int = LABEL_FONT_SIZE,
           square: bool = False) -> alt.LayerChart:
    """The radar's layers: grid, spokes, ring values, principle labels, then the series."""
    labels = _label_frame(principles, square)
    grid = _grid_frame(principles)
    unit, dx, dy = _square_extents(labels, size, font) if square else _extents(labels, size, font)
    width = math.ceil(2 * dx * unit)
    dx = width / (2 * unit)  # keep pixels per unit exactly equal after rounding
    x_enc = alt.X("x:Q", scale=alt.Scale(domain=[-dx, dx], nice=False, zero=False), axis=None)
    y_enc = alt.Y("y:Q", scale=alt.Scale(domain=[-dy, dy], nice=False, zero=False), axis=None)

    rings = alt.Chart(grid).mark_line(interpolate="linear-closed", color=GRID_COLOUR, strokeWidth=1).encode(
        x=x_enc, y=y_enc, detail="level:N", order="order:Q")
    spokes_data = grid[grid["level"] == 100].assign(x0=0.0, y0=0.0)
    spokes = alt.Chart(spokes_data).mark_rule(color=GRID_COLOUR, strokeWidth=1).encode(
        x=x_enc, y=y_enc, x2="x0:Q", y2="y0:Q")
    # Ring values sit on each ring's first edge midway between two spokes, away from the data points.
    ring_labels = pd.DataFrame(ring_value_places(len(principles)), columns=["level", "x", "y"]).assign(
        text=lambda f: f["level"].astype(str))
    ring_text = alt.Chart(ring_labels).mark_text(
        color=MUTED_COLOUR, fontSize=9, align="left", baseline="bottom", dx=2).encode(x=x_enc, y=y_enc, text="text:N")
    layers: list[alt.Chart] = [rings, spokes, ring_text]
    # Vega-Lite has no align channel: one text layer per (align, baseline) pair.
    for (align, baseline), part in labels.groupby(["align", "baseline"], sort=False):
        layers.append(alt.Chart(part).mark_text(
            align=align, baseline=baseline, lineBreak="\n", fontSize=font, color=TEXT_COLOUR,
            dy=-2 if baseline == "bottom" else 2 if baseline == "top" else 0,
        ).encode(x=x_enc, y=y_enc, text="label:N"))

    colour_scale, dash_scale = _series_scales(names)
    # Vega-Lite cannot centre a bottom legend, so place it by an estimate of its width.
    legend_width = sum(34 + 7 * len(str(name)) for name in names)
    # Too wide for one row (several series on a narrow square radar): one series per line instead.
    column = square and legend_width > width
    legend = alt.Legend(orient="none", direction="vertical" if column else "horizontal", title=None,
                        labelFontSize=font if square else 12, symbolType="stroke", symbolStrokeWidth=2.5, symbolSize=300,
                        labelLimit=width - 40 if column else 300,
                        legendX=8 if column else max((width - legend_width) / 2, 0), legendY=size + 18)
    tooltip = [alt.Tooltip("series:N", title=_("Series")), alt.Tooltip("name:N", title=_("Principle")),
               alt.Tooltip("score:Q", title=_("Score"), format=".0f")]
    base = alt.Chart(points).encode(x=x_enc, y=y_enc, order="order:Q",
                                    color=alt.Color("series:N", scale=colour_scale, legend=legend))
    lines = base.mark_line(interpolate="linear-closed", strokeWidth=2).encode(
        strokeDash=alt.StrokeDash("series:N", scale=dash_scale, legend=legend), detail="series:N")
    dots = base.mark_point(filled=True, size=45, opacity=1).encode(tooltip=tooltip)
    layers += [lines, dots]
    if values:
        layers += _value_layers(base, dx, dy, font)

    # Same pixels per unit on both axes: wider than high only to make room for labels.
    # autosize "pad": the legend below the plot adds to the height instead of being clipped.
    chart = alt.layer(*layers).properties(width=width, height=size, autosize=alt.AutoSizeParams(type="pad"))
    if title:
        chart = chart.properties(title=alt.TitleParams(title, anchor="start", fontSize=14, color=TEXT_COLOUR))
    # configure() replaces the whole config, so it must come before configure_view().
    configured: alt.LayerChart = chart.configure(background="white", font=FONT).configure_view(strokeWidth=0)
    return configured


def _value_layers(base: alt.Chart, dx: float, dy: float, font: int) -> list[alt.Chart]:
    """Each point's score beside it: outward from the point, inward near the outer ring (where labels sit)."""
    # Moved along the point's own spoke, in data units, so the number never sits on the line it labels.
    # The rule of reports.geometry.value_place, as a Vega expression.
    shift = f"(datum.radius > {VALUE_TURN} ? {VALUE_INWARD} : {VALUE_OUTWARD})"
    placed = base.transform_calculate(
        vx=f"datum.radius > 0 ? datum.x / datum.radius * (datum.radius + {shift}) : 0",
        vy=f"datum.radius > 0 ? datum.y / datum.radius * (datum.radius + {shift}) : {VALUE_OUTWARD}",
        value="format(datum.score, '.0f')",
    ).encode(x=alt.X("vx:Q", scale=alt.Scale(domain=[-dx, dx], nice=False, zero=False), axis=None),
             y=alt.Y("vy:Q", scale=alt.Scale(domain=[-dy, dy], nice=False, zero=False), axis=None), text="value:N")
    # A white outline under each number keeps it readable where it crosses a grid line or the polygon.
    halo = placed.mark_text(fontSize=font + 4, fontWeight="bold", align="center", baseline="middle",
                            stroke="white", strokeWidth=4, strokeJoin="round")
    return [halo, placed.mark_text(fontSize=font + 4, fontWeight="bold", align="center", baseline="middle")]


def trend_chart(trend: pd.DataFrame, narrow: bool = False) -> alt.LayerChart:
    """Principle scores over assessments; columns assessment, date, name (principle name), score.

    `narrow`: the chart may be as narrow as a phone, so the legend is one column and long assessment
    names are cut short (the tooltip and the text alternative keep them whole).
    """
    names = list(dict.fromkeys(trend["name"].tolist()))
    colour = alt.Color("name:N", title=None, scale=_series_scales(names)[0],
                       legend=alt.Legend(orient="bottom", columns=1 if narrow else 2, labelLimit=300))
    # One evenly spaced step per assessment, in date order: two rounds on the same day stay apart.
    rounds = list(dict.fromkeys(trend.sort_values("date", kind="stable")["assessment"].tolist()))
    base = alt.Chart(trend).encode(
        x=alt.X("assessment:O", title=_("Assessment"), sort=rounds,
                axis=alt.Axis(labelAngle=0, labelLimit=100 if narrow else 200)),
        y=alt.Y("score:Q", title=_("Score (0-100)"), scale=alt.Scale(domain=[0, 100])),
        color=colour)
    tooltip = [alt.Tooltip("assessment:N", title=_("Assessment")),
               alt.Tooltip("date:T", title=_("Date"), format="%d %B %Y"),
               alt.Tooltip("name:N", title=_("Principle")), alt.Tooltip("score:Q", title=_("Score"), format=".0f")]
    lines = base.mark_line(strokeWidth=2)
    dots = base.mark_point(filled=True, size=50, opacity=1).encode(tooltip=tooltip)
    chart: alt.LayerChart = alt.layer(lines, dots).properties(
        width=520, height=300, autosize=alt.AutoSizeParams(type="pad")).configure(background="white")
    return chart


def _answer_labels(bank: Bank) -> list[str]:
    """Scale labels in value order followed by the don't-know label."""
    levels = sorted(bank.scale.levels, key=lambda level: level.value)
    return [f"{level.value} {level.label}" for level in levels] + [bank.scale.dont_know_label]


def distribution_frame(statements: pd.DataFrame, bank: Bank, statement_ids: Sequence[str]) -> pd.DataFrame:
    """Long frame (statement, label, answer, order, count) of the answer counts per statement."""
    levels = sorted(bank.scale.levels, key=lambda level: level.value)
    answers = _answer_labels(bank)
    by_id = statements.set_index("statement")
    # Numbered as on the answering form ("Statement 12"), whatever order the bars are drawn in.
    position = {sid: number for number, sid in enumerate(bank.statement_ids, start=1)}
    rows = []
    for sid in statement_ids:
        if sid not in by_id.index:
            continue
        record = by_id.loc[sid]
        label = f"{position[sid]}. {textwrap.shorten(bank.statement(sid).to_text, 60, placeholder='…')}"
        counts = [record.get(f"count_{level.value}", 0) for level in levels] + [record.get("dont_know", 0)]
        for order, (answer, count) in enumerate(zip(answers, counts)):
            rows.append({"statement": sid, "label": label, "answer": answer, "order": order,
                         "count": int(0 if pd.isna(count) else count)})
    return pd.DataFrame(rows, columns=["statement", "label", "answer", "order", "count"])


def distribution_chart(statements: pd.DataFrame, bank: Bank, statement_ids: Sequence[str]) -> alt.Chart:
    """Stacked horizontal bars of how many people gave each answer, per statement."""
    frame = distribution_frame(statements, bank, statement_ids)
    answers = _answer_labels(bank)
    colours = list(ANSWER_COLOURS[: len(answers) - 1]) + [DONT_KNOW_COLOUR]
    labels = list(dict.fromkeys(frame["label"].tolist()))
    chart: alt.Chart = alt.Chart(frame).mark_bar(stroke="white", strokeWidth=1).encode(
        y=alt.Y("label:N", title=None, sort=labels, axis=alt.Axis(labelLimit=360)),
        x=alt.X("count:Q", title=_("Number of people"), stack="zero", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("answer:N", title=None, scale=alt.Scale(domain=answers, range=colours),
                        legend=alt.Legend(orient="bottom", columns=3, labelLimit=300)),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("label:N", title=_("Statement")), alt.Tooltip("answer:N", title=_("Answer")),
                 alt.Tooltip("count:Q", title=_("People"))],
    ).properties(width=420, height=max(60, 28 * len(labels)),
                 autosize=alt.AutoSizeParams(type="pad")).configure(background="white")
    return chart


def _score_text(score: object) -> str:
    """A score for reading aloud: rounded, or 'no score'."""
    return _("no score") if score is None or pd.isna(score) else f"{float(score):.0f}"  # type: ignore[arg-type]


def text_alternative_radar(series: pd.DataFrame, principles: Sequence[tuple[str, str]]) -> str:
    """Plain-text description of a radar chart for screen readers, one line per series."""
    lines = []
    series = _series_names(series)
    for name in dict.fromkeys(series["series"].tolist()):
        scores = series[series["series"] == name].set_index("principle")["score"]
        parts = [f"{pname} {_score_text(scores.get(pid))}" for pid, pname in principles]
        lines.append(f"{name}: " + ", ".join(parts))
    return "\n".join(lines)


def text_alternative_trend(trend: pd.DataFrame) -> str:
    """Plain-text description of a trend chart, one line per principle in date order."""
    lines = []
    for name, part in trend.sort_values("date", kind="stable").groupby("name", sort=False):
        steps = [f"{row.assessment} {_score_text(row.score)}" for row in part.itertuples()]
        lines.append(f"{name}: " + ", ".join(steps))
    return "\n".join(lines)


def text_alternative_distribution(statements: pd.DataFrame, bank: Bank, statement_ids: Sequence[str]) -> str:
    """Plain-text description of the answer distribution, one line per statement."""
    frame = distribution_frame(statements, bank, statement_ids)
    lines = []
    for label, part in frame.groupby("label", sort=False):
        lines.append(f"{label}: " + ", ".join(f"{row.answer} {row.count}" for row in part.itertuples()))
    return "\n".join(lines)
