"""How numbers and dates are written on every screen and page: one place, so they never disagree."""

from __future__ import annotations

from datetime import date, datetime

from domain.vocabulary import Mode

DASH = "\u2013"
ELLIPSIS = "\u2026"

# Section names and units the results page and the PDF both print: one set, so they never disagree.
OVERALL_SCORE = "Overall score (0-100)"
SCORES_BY_PRINCIPLE = "Scores by principle"
STRONGEST = "Strongest practice"
TO_DEVELOP = "Where to develop"
DISAGREE = "Where people disagree most"
BY_PERSPECTIVE = "Scores by perspective"
PERSPECTIVES_DIFFER = "Where perspectives differ most"
SCALE_NOTE = "Scores run from 0 to 100."


def whole(value: float | None) -> str:
    """A 0-100 score as a whole number, or a dash when there is none."""
    return DASH if value is None else f"{value:.0f}"


def signed(value: int | None) -> str:
    """A change with its sign (+5, -3, 0), or a dash."""
    if value is None:
        return DASH
    return "0" if value == 0 else f"{value:+d}"


def percent(value: float | None) -> str:
    """A 0-1 share as a whole percent, or a dash."""
    return DASH if value is None else f"{value:.0%}"


def one_decimal(value: float | None) -> str:
    """A mean on the answer scale with one decimal, or a dash."""
    return DASH if value is None else f"{value:.1f}"


def format_date(value: date | datetime, short: bool = False) -> str:
    """A date as people write it: 23 November 2026 (short: 23 Nov 2026)."""
    return f"{value.day} {value:%b %Y}" if short else f"{value.day} {value:%B %Y}"


def shortened(text: str, most: int) -> str:
    """Text of at most `most` characters, cut at a word where there is one, with an ellipsis; linear time."""
    if len(text) <= most:
        return text
    kept = text[:most - 1]
    space = kept.rfind(" ", most // 2)
    return (kept[:space] if space > 0 else kept).rstrip() + ELLIPSIS


def assessment_kind(mode: Mode) -> str:
    """What a session is called in headings: a workshop or a self-assessment."""
    return "workshop" if mode is Mode.WORKSHOP else "self-assessment"


def radar_heading(series: list[str], target: str, baseline: bool) -> str:
    """The radar's heading naming only what it shows: 'Current and target by principle', 'Current score ...'."""
    shown = ["Current", *(["target"] if target in series else []), *(["baseline"] if baseline else [])]
    if len(shown) == 1:
        return "Current score by principle"
    return f"{', '.join(shown[:-1])} and {shown[-1]} by principle"
