"""Interface text in the reader's language: one translation function for the app, the PDF, the slides and the paper pack.

Catalogues are Babel `.po` files in `locales/<lang>/LC_MESSAGES/<domain>.po`, read once per process. Two domains:
`participant` (everything a person who joins by code reads: the join page, the answer form, the thank-you page,
their own link, the paper pack) and `staff` (everything else). A language ships the domains it has complete
catalogues for: Welsh ships both, Arabic ships `participant` only, so staff screens are not offered in Arabic.

The language of the text being drawn is, in order: the one set with `use_language` (a PDF or slides built for a
chosen language), else whatever the app's resolver says for this browser session (set by `ui/language.py`),
else English. Scores never depend on it.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from babel.numbers import format_decimal as _babel_decimal

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAINS = ("participant", "staff")
SOURCE_LANGUAGE = "en"


@dataclass(frozen=True)
class Language:
    """A language the interface ships in, with the domains whose catalogues are complete for it."""

    code: str
    name: str  # in the language itself, as a picker shows it
    direction: str  # "ltr" or "rtl"
    domains: tuple[str, ...]


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "English", "ltr", DOMAINS),
    "cy": Language("cy", "Cymraeg", "ltr", DOMAINS),
    "ar": Language("ar", "العربية", "rtl", ("participant",)),
}

_chosen: contextvars.ContextVar[str | None] = contextvars.ContextVar("coproduction_language", default=None)
_resolver: Callable[[], str | None] | None = None


def set_resolver(resolver: Callable[[], str | None] | None) -> None:
    """Tell the translation function how to find the current reader's language (the app registers one per process)."""
    global _resolver
    _resolver = resolver


def languages_for(domain: str) -> list[Language]:
    """The languages whose catalogue for this domain is shipped (English first)."""
    return [language for language in LANGUAGES.values() if domain in language.domains]


def normalise(code: str | None) -> str:
    """A shipped language code for what a person or an address gave ('CY', 'cy-GB' → 'cy'), else English."""
    if not code:
        return SOURCE_LANGUAGE
    short = str(code).strip().lower().replace("_", "-").split("-")[0]
    return short if short in LANGUAGES else SOURCE_LANGUAGE


def current_language() -> str:
    """The language text is being drawn in right now."""
    chosen = _chosen.get()
    if chosen is not None:
        return chosen
    if _resolver is not None:
        try:
            return normalise(_resolver())
        except Exception:  # a resolver outside its app (e.g. no session) means the source language
            return SOURCE_LANGUAGE
    return SOURCE_LANGUAGE


def text_direction(code: str | None = None) -> str:
    """'rtl' or 'ltr' for a language (the current one by default)."""
    return LANGUAGES[normalise(code or current_language())].direction


@contextmanager
def use_language(code: str | None) -> Iterator[str]:
    """Draw everything inside in this language (a PDF, slides or paper pack built for a chosen language)."""
    language = normalise(code)
    token = _chosen.set(language)
    try:
        yield language
    finally:
        _chosen.reset(token)


@lru_cache(maxsize=None)
def catalogue(language: str, domain: str) -> Catalog | None:
    """The catalogue for one language and domain, read once per process (None when it does not exist)."""
    path = LOCALES_DIR / language / "LC_MESSAGES" / f"{domain}.po"
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=domain)


@lru_cache(maxsize=None)
def _translations(language: str) -> dict[str, str | tuple[str, ...]]:
    """Every translated, non-fuzzy message of a language, all domains together."""
    found: dict[str, str | tuple[str, ...]] = {}
    for domain in LANGUAGES[language].domains if language in LANGUAGES else ():
        cat = catalogue(language, domain)
        if cat is None:
            continue
        for message in cat:
            if not message.id or message.fuzzy:
                continue
            key = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
            text = message.string
            if isinstance(text, (list, tuple)):
                if all(text):
                    found[str(key)] = tuple(str(t) for t in text)
            elif text:
                found[str(key)] = str(text)
    return found


def gettext(message: str) -> str:
    """`message` in the current language (the English text where no translation ships)."""
    language = current_language()
    if language == SOURCE_LANGUAGE:
        return message
    found = _translations(language).get(message)
    if isinstance(found, tuple):  # the singular of a plural entry, asked for on its own, means one
        return found[min(_plural_rule(language)(1), len(found) - 1)]
    return found if isinstance(found, str) else message


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, in the current language (Welsh and Arabic have six forms)."""
    language = current_language()
    if language != SOURCE_LANGUAGE:
        found = _translations(language).get(singular)
        if isinstance(found, tuple):
            return found[min(_plural_rule(language)(n), len(found) - 1)]
    return singular if n == 1 else plural


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Mark text for translation where it is defined; translate it with `_` where it is drawn."""
    return message


_ = gettext


@lru_cache(maxsize=None)
def _plural_rule(language: str) -> Callable[[int], int]:
    """CLDR's plural rule for a language (Babel's C expression, read by the standard library's gettext)."""
    import gettext as stdlib_gettext

    from babel.messages.plurals import get_plural

    rule: Callable[[int], int] = stdlib_gettext.c2py(get_plural(language).plural_expr)
    return rule


def _locale(language: str | None) -> Locale:
    """Babel's locale for a language: English as written in the UK, where the tool is used."""
    code = normalise(language or current_language())
    return Locale.parse("en_GB" if code == "en" else code)


def format_number(value: float, decimals: int = 0, language: str | None = None) -> str:
    """A number as the language writes it (decimal separator and digits)."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(_babel_decimal(value, format=pattern, locale=_locale(language)))


def format_day(value: date | datetime, language: str | None = None) -> str:
    """A date as the language writes it in full (e.g. '2 December 2026', '2 Rhagfyr 2026')."""
    day = value.date() if isinstance(value, datetime) else value
    return str(_babel_date(day, format="long", locale=_locale(language)))


def format_moment(value: datetime, language: str | None = None) -> str:
    """A date and time as the language writes it (medium length)."""
    return str(_babel_datetime(value, format="medium", locale=_locale(language)))
