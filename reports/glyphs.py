"""The bundled fonts and the characters they can draw."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any
from pathlib import Path

from fontTools.ttLib import TTFont
from fpdf import FPDF

# The full DejaVu Sans: Latin (Welsh ŵ ŷ), Greek, Cyrillic, Hebrew and many symbols, but no Devanagari
# or CJK, which print as '?'. Arabic script is drawn with Noto Naskh Arabic (OFL) instead, with text shaping
# (HarfBuzz via uharfbuzz): letters joined and each line ordered right to left by the Unicode bidi algorithm.
FONT_DIR = Path(__file__).parent / "fonts"
REGULAR_FONT = FONT_DIR / "DejaVuSans.ttf"
BOLD_FONT = FONT_DIR / "DejaVuSans-Bold.ttf"
ARABIC_FAMILY = "NotoNaskhArabic"
ARABIC_REGULAR_FONT = FONT_DIR / "NotoNaskhArabic-Regular.ttf"
ARABIC_BOLD_FONT = FONT_DIR / "NotoNaskhArabic-Bold.ttf"
# Arabic, Arabic Supplement, Arabic Extended-A and the presentation forms: drawn by the Arabic font.
ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
REPLACEMENT = "?"
# Invisible joiners, variation selectors and skin-tone modifiers are parts of emoji: drop them.
_DROP_CATEGORIES = {"Cf", "Mn", "Me", "Sk", "Cs", "Co", "Cn"}
_SPACES = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def is_arabic(code: int) -> bool:
    """Whether a code point is Arabic script (drawn by the Arabic font)."""
    return any(low <= code <= high for low, high in ARABIC_BLOCKS)


def _cmap(path: Path) -> set[int]:
    """The code points one font file has glyphs for."""
    # lazy=True reads only the tables asked for; the cmap is all that is needed here.
    font = TTFont(str(path), lazy=True)
    codes = set(font.getBestCmap())
    font.close()
    return codes


@lru_cache(maxsize=1)
def drawable() -> frozenset[int]:
    """Code points the bundled fonts draw in both weights: DejaVu's, and the Arabic font's Arabic script."""
    latin = _cmap(REGULAR_FONT) & _cmap(BOLD_FONT)
    arabic = {code for code in _cmap(ARABIC_REGULAR_FONT) & _cmap(ARABIC_BOLD_FONT) if is_arabic(code)}
    return frozenset({code for code in latin if not is_arabic(code)} | arabic)


def has_arabic(text: str) -> bool:
    """Whether any of the text is Arabic script."""
    return any(is_arabic(ord(char)) for char in text)


def use_script_fonts(doc: FPDF, family: str, shape: bool) -> None:
    """Register the Arabic font on an fpdf2 document whose main font is `family` (DejaVu); `shape` turns on shaping.

    DejaVu has unjoined Arabic letters of its own, so its Arabic code points are taken out of its map for this
    document: fpdf2 then switches to the Arabic fallback font for them, and HarfBuzz joins and orders them.
    Shaping is only turned on for a document with Arabic text in it: it makes laying out every line slower, and
    fpdf2's shaped line breaking recursed too deep on a cell of 2,000 dashes.
    """
    doc.add_font(ARABIC_FAMILY, "", str(ARABIC_REGULAR_FONT))
    doc.add_font(ARABIC_FAMILY, "B", str(ARABIC_BOLD_FONT))
    for style in ("", "B"):
        font = doc.fonts[f"{family.lower()}{style}"]
        font.cmap = {code: glyph for code, glyph in font.cmap.items() if not is_arabic(code)}  # type: ignore[union-attr]
    doc.set_fallback_fonts([ARABIC_FAMILY], exact_match=False)
    doc.set_text_shaping(shape)
    # fpdf2 2.8.9 forgets that a line ending in the fallback font left that font selected on the page: the next
    # line in the main font then printed its glyphs through the Arabic font's ids (garbled Latin). Each line
    # therefore selects its own font again.
    render = doc._render_styled_text_line

    def render_then_reselect(*args: Any, **kwargs: Any) -> Any:
        result = render(*args, **kwargs)
        doc.current_font_is_set_on_page = False
        return result

    doc._render_styled_text_line = render_then_reselect  # type: ignore[method-assign]
    # fpdf2's text() (table cells lay out their own lines) neither shapes nor falls back to another font:
    # a line with Arabic script is drawn as a borderless cell instead, its baseline where text() puts it.
    draw_text = doc.text

    def text_or_shaped_cell(x: float, y: float, text: str = "", *args: Any, **kwargs: Any) -> Any:
        if not has_arabic(text):
            return draw_text(x, y, text, *args, **kwargs)
        saved = doc.x, doc.y
        doc.set_xy(x - doc.c_margin, y - 0.3 * doc.font_size)
        doc.cell(w=doc.get_string_width(text) + 2 * doc.c_margin, h=0, text=text)
        doc.set_xy(*saved)
        return None

    doc.text = text_or_shaped_cell  # type: ignore[method-assign]


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
