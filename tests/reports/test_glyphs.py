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
])
def test_printable_keeps_literal_text_and_replaces_missing_glyphs(text: str, expected: str) -> None:
    assert printable(text) == expected
