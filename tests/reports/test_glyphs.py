"""Text made drawable by the bundled fonts."""

from __future__ import annotations

import pytest

from reports.glyphs import printable


@pytest.mark.parametrize(("text", "expected"), [
    ("<b>&amp; **bold**", "<b>&amp; **bold**"),
    ("Gwŷr ŵyn café", "Gwŷr ŵyn café"),
    ("a\r\nb\tc\x00d", "a\nb cd"),
    ("中", "?"),
    ("👍🏽\ufe0f", "?"),
    ("w\u0302", "ŵ"),
    ("צוות שָׁלוֹם", "צוות שָׁלוֹם"),
    ("فريق الخدمات", "فريق الخدمات"),
    ("Ελληνικά Кирилица", "Ελληνικά Кирилица"),
    ("😀👍🏽", "😀?"),
])
def test_printable_keeps_literal_text_and_replaces_missing_glyphs(text: str, expected: str) -> None:
    assert printable(text) == expected


@pytest.mark.parametrize("text", ["\u200b\u200b", "\u200d\ufe0f\u2060", "\u00ad"])
def test_printable_drops_zero_width_characters(text: str) -> None:
    assert printable(text) == ""
