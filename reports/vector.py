"""The radar drawn with fpdf2's own vector operations (lines, polygons, text): sharp in print, text extractable.

The geometry is reports.geometry's, the same the Altair chart on screen uses; only the drawing differs.
An edge module like reports.pdf: it draws on an FPDF document it is given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from fpdf import FPDF

from reports.formatting import shortened, whole
from reports.geometry import (
    GRID_COLOUR,
    GRID_LEVELS,
    MUTED_COLOUR,
    TEXT_COLOUR,
    label_places,
    point,
    radius_of,
    rgb,
    ring,
    ring_value_places,
    series_style,
    spoke_ends,
    value_place,
)
from reports.glyphs import printable

LABEL_SIZE = 8.5       # pt: principle labels
VALUE_SIZE = 7.5       # pt: the first series' numbers beside its points
RING_SIZE = 6.5        # pt: 25/50/75/100 on the rings
LEGEND_SIZE = 8.5      # pt
LINE = 1.2             # line height as a share of the font size
PT = 25.4 / 72         # mm per point
DASH_UNIT = 0.45       # mm per unit of the screen chart's dash pattern (pixels there)
GAP = 1.5              # mm between a label and the outer ring's label radius
LEGEND_SAMPLE = 8.0    # mm of line drawn before each legend label
LEGEND_LABEL = 110     # characters at most of a legend label (a baseline's title can be long)


@dataclass(frozen=True)
class Label:
    """A principle label's lines and size in mm, anchored at a unit position."""

    lines: tuple[str, ...]
    width: float
    height: float
    x: float
    y: float
    align: str
    baseline: str


def _labels(doc: FPDF, font: str, names: Sequence[str]) -> list[Label]:
    """Each principle label wrapped as on screen and measured in the label font."""
    doc.set_font(font, "", LABEL_SIZE)
    labels = []
    for place in label_places([printable(name) for name in names]):
        lines = tuple(place.text.split("\n"))
        width = max(doc.get_string_width(line) for line in lines)
        labels.append(Label(lines, width, len(lines) * LABEL_SIZE * PT * LINE, place.x, place.y, place.align,
                            place.baseline))
    return labels


def _radius(labels: Sequence[Label], width: float, most: float) -> float:
    """The largest radius (mm) at which every label fits within `width` and the chart within `most`."""
    radius = most
    for label in labels:
        reach = label.width + GAP if label.align != "center" else label.width / 2
        if abs(label.x) > 1e-9:
            radius = min(radius, (width / 2 - reach) / abs(label.x))
    return max(radius, most / 3)


def _extent(labels: Sequence[Label], radius: float, upward: bool) -> float:
    """How far above (or below) the centre the chart and its labels reach, in mm."""
    sign, away = (1, "bottom") if upward else (-1, "top")
    reach = radius
    for label in labels:
        size = label.height if label.baseline == away else label.height / 2 if label.baseline == "middle" else 0
        reach = max(reach, sign * label.y * radius + size + GAP)
    return reach


def _dash(doc: FPDF, dash: tuple[int, ...]) -> None:
    """The series' dash pattern (solid when it has no gap)."""
    if dash[1]:
        doc.set_dash_pattern(dash[0] * DASH_UNIT, dash[1] * DASH_UNIT)
    else:
        doc.set_dash_pattern()


def _grid(doc: FPDF, font: str, count: int, cx: float, cy: float, radius: float) -> None:
    """Rings, spokes and the ring values."""
    doc.set_draw_color(*rgb(GRID_COLOUR))
    doc.set_line_width(0.25)
    for level in GRID_LEVELS:
        doc.polygon([(cx + x * radius, cy - y * radius) for x, y in ring(level, count)], style="D")
    for x, y in spoke_ends(count):
        doc.line(cx, cy, cx + x * radius, cy - y * radius)
    doc.set_font(font, "", RING_SIZE)
    doc.set_text_color(*rgb(MUTED_COLOUR))
    for level, x, y in ring_value_places(count):
        doc.text(cx + x * radius + 0.8, cy - y * radius - 0.6, str(level))


def _principle_labels(doc: FPDF, font: str, labels: Sequence[Label], cx: float, cy: float, radius: float) -> None:
    """Each label outside the outer ring, on the side of its spoke."""
    doc.set_font(font, "", LABEL_SIZE)
    doc.set_text_color(*rgb(TEXT_COLOUR))
    step = LABEL_SIZE * PT * LINE
    for label in labels:
        ax, ay = cx + label.x * radius, cy - label.y * radius
        ax += GAP if label.align == "left" else -GAP if label.align == "right" else 0
        top = ay - label.height - GAP / 2 if label.baseline == "bottom" else (
            ay + GAP / 2 if label.baseline == "top" else ay - label.height / 2)
        for number, line in enumerate(label.lines):
            width = doc.get_string_width(line)
            left = ax if label.align == "left" else ax - width if label.align == "right" else ax - width / 2
            doc.text(left, top + step * (number + 0.8), line)


def _series(doc: FPDF, font: str, frame: pd.DataFrame, names: Sequence[str], order: dict[str, int],
            cx: float, cy: float, radius: float) -> None:
    """One closed polygon per series with a dot at each point; the first series' values beside its points."""
    count = len(order)
    # Drawn last to first, so the current scores lie on top; their values go over every line.
    for index, name in reversed(list(enumerate(names))):
        colour, dash = series_style(index)
        rows = frame[frame["series"] == name]
        points = sorted((order[str(p)], radius_of(float(s))) for p, s in zip(rows["principle"], rows["score"])
                        if str(p) in order and pd.notna(s))
        places = [(cx + x * radius, cy - y * radius) for x, y in (point(i, count, r) for i, r in points)]
        doc.set_draw_color(*rgb(colour))
        doc.set_fill_color(*rgb(colour))
        doc.set_line_width(0.6)
        _dash(doc, dash)
        if len(places) > 1:
            doc.polygon(places, style="D")
        doc.set_dash_pattern()
        for x, y in places:
            doc.circle(x, y, 0.75, style="F")
    if names:
        _values(doc, font, frame[frame["series"] == names[0]], order, cx, cy, radius)


def _values(doc: FPDF, font: str, rows: pd.DataFrame, order: dict[str, int], cx: float, cy: float,
            radius: float) -> None:
    """Each point's score as a number beside it, on a white patch so crossing lines do not hide it."""
    doc.set_font(font, "B", VALUE_SIZE)
    doc.set_text_color(*rgb(TEXT_COLOUR))
    doc.set_fill_color(255, 255, 255)
    height = VALUE_SIZE * PT
    for principle, score in zip(rows["principle"], rows["score"]):
        if str(principle) not in order or pd.isna(score):
            continue
        r = radius_of(float(score))
        x, y = value_place(*point(order[str(principle)], len(order), r), r)
        text = whole(float(score))
        width = doc.get_string_width(text)
        left, base = cx + x * radius - width / 2, cy - y * radius + height / 2 - 0.3
        doc.rect(left - 0.5, base - height + 0.1, width + 1, height + 0.4, style="F")
        doc.text(left, base, text)


def _legend(doc: FPDF, font: str, names: Sequence[str], left: float, top: float, width: float) -> float:
    """Legend rows below the chart, centred, wrapping to a new row rather than cutting a label; its height."""
    doc.set_font(font, "", LEGEND_SIZE)
    step = LEGEND_SIZE * PT * LINE + 1.5
    entries = [(index, printable(shortened(name, LEGEND_LABEL))) for index, name in enumerate(names)]
    rows: list[list[tuple[int, str, float]]] = [[]]
    used = 0.0
    for index, text in entries:
        size = LEGEND_SAMPLE + 1.5 + doc.get_string_width(text) + 5
        if rows[-1] and used + size > width:
            rows.append([])
            used = 0.0
        rows[-1].append((index, text, size))
        used += size
    for number, row in enumerate(rows):
        x = left + (width - sum(size for _, _, size in row)) / 2
        y = top + step * number + step / 2
        for index, text, size in row:
            colour, dash = series_style(index)
            doc.set_draw_color(*rgb(colour))
            doc.set_line_width(0.8)
            _dash(doc, dash)
            doc.line(x, y, x + LEGEND_SAMPLE, y)
            doc.set_dash_pattern()
            doc.set_text_color(*rgb(TEXT_COLOUR))
            doc.text(x + LEGEND_SAMPLE + 1.5, y + LEGEND_SIZE * PT * 0.35, text)
            x += size
    return step * len(rows)


def radar_height(doc: FPDF, font: str, principles: Sequence[tuple[str, str]], names: Sequence[str],
                 width: float, most: float) -> float:
    """The height in mm draw_radar will use, to keep the chart on one page with its heading."""
    labels = _labels(doc, font, [name for _, name in principles])
    radius = _radius(labels, width, most)
    legend = (LEGEND_SIZE * PT * LINE + 1.5) * max(1, len(names))  # at most one row per series
    return _extent(labels, radius, True) + _extent(labels, radius, False) + 3 + legend


def draw_radar(doc: FPDF, font: str, series: pd.DataFrame, principles: Sequence[tuple[str, str]], *,
               left: float, top: float, width: float, most: float) -> float:
    """Draw the radar (series, principle, score 0-100) at `top`, centred in `width` mm; the height used.

    `most` is the largest radius in mm; it shrinks until the side labels fit the width.
    """
    names = list(dict.fromkeys(str(name) for name in series["series"]))
    order = {pid: i for i, (pid, _) in enumerate(principles)}
    labels = _labels(doc, font, [name for _, name in principles])
    radius = _radius(labels, width, most)
    cx, cy = left + width / 2, top + _extent(labels, radius, True)
    bottom = cy + _extent(labels, radius, False) + 3
    # Colours, line widths and dashes set here end with the chart (a PDF graphics state saved and restored).
    with doc.local_context():
        _grid(doc, font, len(principles), cx, cy, radius)
        _principle_labels(doc, font, labels, cx, cy, radius)
        _series(doc, font, series, names, order, cx, cy, radius)
        legend = _legend(doc, font, names, left, bottom, width) if names else 0
    return bottom - top + legend
