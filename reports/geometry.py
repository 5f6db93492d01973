"""The radar's geometry and colours, shared by its two renderers: the Altair chart and the PDF's vector drawing.

Unit coordinates: the centre is (0, 0), the 100 ring has radius 1, y points up. Spoke i of n sits at
angle a = 2·pi·i/n clockwise from 12 o'clock, so a point of radius r is at x = r·sin(a), y = r·cos(a)
(the first principle at the top). No pandas, Altair or fpdf here: plain numbers and text.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

# Okabe-Ito colours (colour-blind safe), without yellow which vanishes on white.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000")
# A second, non-colour cue so series stay distinguishable in greyscale print.
DASHES = ((1, 0), (6, 3), (2, 2), (8, 3, 2, 3), (4, 2), (1, 3), (10, 2))
GRID_LEVELS = (25, 50, 75, 100)
GRID_COLOUR = "#d4d4d4"
TEXT_COLOUR = "#333333"
MUTED_COLOUR = "#8a8a8a"
LABEL_RADIUS = 1.1
# Where a point's value is printed: outward along its spoke, inward near the outer ring (where labels sit).
VALUE_OUTWARD, VALUE_INWARD, VALUE_TURN = 0.12, -0.14, 0.8


@dataclass(frozen=True)
class LabelPlace:
    """Where a principle's label goes and how it is anchored there."""

    x: float
    y: float
    align: str      # left, right or center: the side of the anchor the text lies on
    baseline: str   # bottom (text above the anchor), top (below) or middle
    text: str       # wrapped, lines joined by newlines


def angle(index: int, count: int) -> float:
    """Angle in radians of the index-th spoke, clockwise from 12 o'clock."""
    return 2 * math.pi * index / count


def point(index: int, count: int, radius: float) -> tuple[float, float]:
    """Unit coordinates of a point at `radius` on the index-th of `count` spokes."""
    a = angle(index, count)
    return radius * math.sin(a), radius * math.cos(a)


def radius_of(score: float) -> float:
    """A 0-100 score as a radius, clipped so a stray value never leaves the drawing."""
    return min(max(score, 0.0), 100.0) / 100


def ring(level: int, count: int) -> list[tuple[float, float]]:
    """The corners of a grid ring (25, 50, 75 or 100) in spoke order."""
    return [point(i, count, level / 100) for i in range(count)]


def spoke_ends(count: int) -> list[tuple[float, float]]:
    """The outer end of every spoke (each spoke runs from the centre)."""
    return ring(100, count)


def ring_value_places(count: int) -> list[tuple[int, float, float]]:
    """(level, x, y) of each ring's number: on its first edge, midway between two spokes, away from the data."""
    half_step = angle(1, 2 * max(count, 1))
    edge = math.cos(half_step)  # distance of an edge's midpoint from the centre, as a share of the radius
    return [(level, level / 100 * edge * math.sin(half_step), level / 100 * edge * math.cos(half_step))
            for level in GRID_LEVELS]


def wrap_label(text: str, width: int = 18, lines: int = 2) -> str:
    """Wrap a label into at most `lines` lines, widening rather than cutting where sensible."""
    text = text[:(width + 12) * lines * 4]  # only what can show is wrapped: a long name costs no more
    for w in range(width, width + 12):
        wrapped = textwrap.wrap(text, w, break_long_words=False) or [""]
        if len(wrapped) <= lines:
            return "\n".join(wrapped)
    widest = width + 11
    wrapped = textwrap.wrap(text, widest)
    rest = textwrap.shorten(" ".join(wrapped[lines - 1:]), widest, placeholder="…")
    return "\n".join(wrapped[: lines - 1] + [rest])


def label_places(names: Sequence[str]) -> list[LabelPlace]:
    """Principle labels just outside the outer ring, anchored away from the chart on each side."""
    places = []
    for i, name in enumerate(names):
        x, y = point(i, len(names), LABEL_RADIUS)
        align = "left" if x > 0.05 else "right" if x < -0.05 else "center"
        baseline = "bottom" if y > 0.05 else "top" if y < -0.05 else "middle"
        places.append(LabelPlace(x, y, align, baseline, wrap_label(name)))
    return places


def value_place(x: float, y: float, radius: float) -> tuple[float, float]:
    """Where a point's value is printed: moved along its own spoke so it never sits on the line it labels."""
    shift = VALUE_INWARD if radius > VALUE_TURN else VALUE_OUTWARD
    if radius <= 0:
        return 0.0, VALUE_OUTWARD
    return x / radius * (radius + shift), y / radius * (radius + shift)


def series_style(index: int) -> tuple[str, tuple[int, ...]]:
    """Colour and dash pattern of the index-th series, the same in every chart."""
    return PALETTE[index % len(PALETTE)], DASHES[index % len(DASHES)]


def rgb(colour: str) -> tuple[int, int, int]:
    """'#0072B2' as (0, 114, 178)."""
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)
