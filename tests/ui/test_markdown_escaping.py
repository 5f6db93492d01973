"""ui.context.md: user and bank text reads literally in Streamlit's Markdown (issue 10 point 15)."""

from __future__ import annotations

import pytest

from ui.context import md

JOINER = "\u2060"


@pytest.mark.parametrize(("text", "expected"), [
    ("![t](http://x.org/p.png)", "\\!\\[t\\]\\(http\\:" + JOINER + "//x\\.org/p\\.png\\)"),
    ("see www.evil.example", "see www" + JOINER + "\\.evil\\.example"),
    ("mail me@evil.example", "mail me" + JOINER + "@evil\\.example"),
    ("<img src=x>", "\\<img src=x\\>"),
    (":red[x] **b** $x$", "\\:red\\[x\\] \\*\\*b\\*\\* \\$x\\$"),
    ("Tîm Gofal Dydd", "Tîm Gofal Dydd"),
])
def test_md_escapes_markup_and_breaks_autolinks(text: str, expected: str) -> None:
    assert md(text) == expected


def test_md_reads_the_same_once_drawn() -> None:
    # What a reader sees: backslash escapes resolved, the zero-width word joiner invisible.
    text = "Visit https://phish.example/login or www.phish.example"
    drawn = md(text).replace("\\", "").replace(JOINER, "")
    assert drawn == text
