"""How numbers and dates are written on every screen and page: one place, so they never disagree."""

from __future__ import annotations

from datetime import date, datetime

DASH = "\u2013"
ELLIPSIS = "\u2026"


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
