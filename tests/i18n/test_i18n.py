"""The translation function: chosen language, resolver, fallbacks, plurals, numbers and dates."""

from __future__ import annotations

from datetime import date

import pytest

import i18n
from i18n import _, format_day, ngettext, use_language


@pytest.fixture(autouse=True)
def _no_resolver() -> object:
    i18n.set_resolver(None)
    yield None
    i18n.set_resolver(None)


def test_i18n_english_by_default() -> None:
    assert i18n.current_language() == "en"
    assert _("Send my answers") == "Send my answers"


def test_i18n_use_language_wins_over_resolver() -> None:
    i18n.set_resolver(lambda: "ar")
    assert i18n.current_language() == "ar"
    with use_language("cy"):
        assert i18n.current_language() == "cy"
    assert i18n.current_language() == "ar"


@pytest.mark.parametrize(("given", "expected"), [("CY", "cy"), ("cy-GB", "cy"), ("ar_EG", "ar"), ("xx", "en"),
                                                 (None, "en"), ("", "en")])
def test_i18n_normalise(given: str | None, expected: str) -> None:
    assert i18n.normalise(given) == expected


def test_i18n_failing_resolver_means_english() -> None:
    def broken() -> str:
        raise RuntimeError("no session")

    i18n.set_resolver(broken)
    assert i18n.current_language() == "en"


def test_i18n_untranslated_text_falls_back_to_english() -> None:
    with use_language("cy"):
        assert _("A sentence that is in no catalogue") == "A sentence that is in no catalogue"
        assert ngettext("one thing", "{n} things", 3) == "{n} things"


def test_i18n_direction() -> None:
    assert i18n.text_direction("ar") == "rtl"
    assert i18n.text_direction("cy") == "ltr"


def test_i18n_dates_in_the_language() -> None:
    assert format_day(date(2026, 12, 2), "cy") == "2 Rhagfyr 2026"
    assert format_day(date(2026, 12, 2), "en") == "2 December 2026"


def test_i18n_welsh_plural_rule_has_six_forms() -> None:
    rule = i18n._plural_rule("cy")
    assert sorted({rule(n) for n in range(0, 12)}) == [0, 1, 2, 3, 4]
