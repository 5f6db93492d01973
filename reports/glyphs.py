"""The bundled fonts and the characters they can draw."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

# The full DejaVu Sans: Latin, Greek, Cyrillic, Hebrew, Arabic and many symbols, but no Devanagari
# or CJK, which print as '?'. There is no text shaping, so Hebrew and Arabic are drawn in typing
# order, left to right, and Arabic letters are not joined: legible names, not typeset text.
FONT_DIR = Path(__file__).parent / "fonts"
REGULAR_FONT = FONT_DIR / "DejaVuSans.ttf"
BOLD_FONT = FONT_DIR / "DejaVuSans-Bold.ttf"
REPLACEMENT = "?"
# Invisible joiners, variation selectors and skin-tone modifiers are parts of emoji: drop them.
_DROP_CATEGORIES = {"Cf", "Mn", "Me", "Sk", "Cs", "Co", "Cn"}
_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")


@lru_cache(maxsize=1)
def drawable() -> frozenset[int]:
    """Code points that both bundled fonts have glyphs for."""
    sets = []
    for path in (REGULAR_FONT, BOLD_FONT):
        # lazy=True reads only the tables asked for; the cmap is all that is needed here.
        font = TTFont(str(path), lazy=True)
        sets.append(set(font.getBestCmap()))
        font.close()
    return frozenset(set.intersection(*sets))


def printable(text: str) -> str:
    """Text the fonts can draw: newlines kept, control characters dropped, missing glyphs as '?'."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _SPACES.sub(" ", text)
    known = drawable()
    out = []
    for char in text:
        code = ord(char)
        category = unicodedata.category(char)
        if 0xFE00 <= code <= 0xFE0F:
            continue  # variation selectors only pick an emoji style
        if char == "\n" or (code in known and category not in ("Cc", "Cf")):
            out.append(char)
        elif category in _DROP_CATEGORIES or category == "Cc":
            continue
        else:
            out.append(REPLACEMENT)
    return "".join(out)
