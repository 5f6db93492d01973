"""How numbers and dates are written on every screen and page: one place, so they never disagree."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_date as _babel_date

from domain.vocabulary import Mode
from i18n import N_, _, current_language, format_day

DASH = "\u2013"
ELLIPSIS = "\u2026"

# Section names and units the results page and the PDF both print: one set, so they never disagree.
OVERALL_SCORE = N_("Overall score (0-100)")
SCORES_BY_PRINCIPLE = N_("Scores by principle")
STRONGEST = N_("Strongest practice")
TO_DEVELOP = N_("Where to develop")
DISAGREE = N_("Where people disagree most")
BY_PERSPECTIVE = N_("Scores by perspective")
PERSPECTIVES_DIFFER = N_("Where perspectives differ most")
SCALE_NOTE = N_("Scores run from 0 to 100.")


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


def _babel_locale() -> str:
    """Babel's locale for the language being drawn (English as written in the UK)."""
    language = current_language()
    return "en_GB" if language == "en" else language


def format_date(value: date | datetime, short: bool = False) -> str:
    """A date as people write it in the current language: 23 November 2026 (short: 23 Nov 2026)."""
    day = value.date() if isinstance(value, datetime) else value
    return str(_babel_date(day, format="medium", locale=_babel_locale())) if short else format_day(day)


def month_year(value: date | datetime) -> str:
    """A month and year in the current language: November 2026, Tachwedd 2026."""
    day = value.date() if isinstance(value, datetime) else value
    return str(_babel_date(day, format="LLLL y", locale=_babel_locale()))


# Statuses are stored in English (domain/vocabulary.py); people read them in their language.
STATUS_LABELS = {
    "open": N_("open"),
    "closed": N_("closed"),
    "planned": N_("planned"),
    "in progress": N_("in progress"),
    "done": N_("done"),
    "dropped": N_("dropped"),
}


def status_label(status: str) -> str:
    """A session's or action's status as the reader's language writes it."""
    return _(STATUS_LABELS.get(str(status), str(status)))


def shortened(text: str, most: int) -> str:
    """Text of at most `most` characters, cut at a word where there is one, with an ellipsis; linear time."""
    if len(text) <= most:
        return text
    kept = text[:most - 1]
    space = kept.rfind(" ", most // 2)
    return (kept[:space] if space > 0 else kept).rstrip() + ELLIPSIS


def assessment_kind(mode: Mode) -> str:
    """What a session is called in headings: a workshop or a self-assessment."""
    return _("workshop") if mode is Mode.WORKSHOP else _("self-assessment")


def radar_heading(series: list[str], target: str, baseline: bool) -> str:
    """The radar's heading naming only what it shows: 'Current and target by principle', 'Current score ...'."""
    # Whole headings, not joined fragments: word order differs between languages.
    has_target = target in series
    if has_target and baseline:
        return _("Current, target and baseline by principle")
    if has_target:
        return _("Current and target by principle")
    if baseline:
        return _("Current and baseline by principle")
    return _("Current score by principle")
