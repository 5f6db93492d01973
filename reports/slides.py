"""The slides writer: turns the results model into PowerPoint bytes with python-pptx (the only module importing pptx).

Slides a facilitator pastes into their own deck: title, radar, principle table, top disagreements, agreed
ratings, actions. Every text is the model's, written literally (python-pptx escapes XML; we drop only the
control characters XML cannot hold); long tables continue on further slides.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.presentation import Presentation as Deck
from pptx.slide import Slide
from pptx.util import Emu, Inches, Length, Pt

from i18n import _, ngettext
from reports.formatting import format_date, percent, status_label, whole
from reports.parts import Results

APP_NAME = "Co-production: how are you doing?"
TITLE_LAYOUT, TITLE_ONLY_LAYOUT = 0, 5
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)  # 16:9, as projectors and most decks are
MARGIN = Inches(0.6)
TOP = Inches(1.5)
ACCENT = RGBColor.from_string("0B3A5D")  # type: ignore[no-untyped-call]  # python-pptx leaves it unannotated
ROWS_PER_SLIDE = 7
# XML 1.0 cannot hold these; a pasted control character must not make the whole file fail.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_CUT = 400  # characters of one table cell: a table row must stay on its slide


def _emu(value: float) -> Length:
    """A length from arithmetic on lengths (python-pptx lengths are ints in EMU)."""
    return Emu(int(value))


def _text(value: str, limit: int | None = None) -> str:
    """Text as written, minus what XML cannot hold; cut (with an ellipsis) past `limit` characters."""
    cleaned = _NOT_XML.sub("", value)
    return cleaned if limit is None or len(cleaned) <= limit else cleaned[: limit - 1].rstrip() + "\u2026"


def _slide(deck: Deck, title: str) -> Slide:
    """A slide with its title as a real title placeholder (so it shows in outlines and when pasted)."""
    slide: Slide = deck.slides.add_slide(deck.slide_layouts[TITLE_ONLY_LAYOUT])
    heading = slide.shapes.title
    assert heading is not None
    # The default template is 4:3: stretch its title across the 16:9 slide.
    heading.left, heading.top, heading.width, heading.height = MARGIN, Inches(0.35), _emu(WIDTH - 2 * MARGIN), Inches(1)
    heading.text = _text(title)
    for paragraph in heading.text_frame.paragraphs:
        paragraph.font.size = Pt(34)
        paragraph.font.color.rgb = ACCENT
    return slide


def _paragraphs(slide: Slide, lines: Sequence[str], size: int = 20) -> None:
    """A text box of plain paragraphs under the title."""
    box = slide.shapes.add_textbox(MARGIN, TOP, _emu(WIDTH - 2 * MARGIN), _emu(HEIGHT - TOP - MARGIN))
    frame = box.text_frame
    frame.word_wrap = True
    for index, line in enumerate(lines):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.text = _text(line)
        paragraph.font.size = Pt(size)
        paragraph.space_after = Pt(8)


def _table(deck: Deck, title: str, header: Sequence[str], rows: Sequence[Sequence[str]],
           widths: Sequence[float], size: int = 14) -> None:
    """A table under a title, continued on further slides when it has more rows than fit."""
    chunks = [rows[start:start + ROWS_PER_SLIDE] for start in range(0, len(rows), ROWS_PER_SLIDE)] or [[]]
    for number, chunk in enumerate(chunks, start=1):
        slide = _slide(deck, title if len(chunks) == 1 else _("{title} ({number} of {total})").format(
            title=title, number=number, total=len(chunks)))
        shape = slide.shapes.add_table(len(chunk) + 1, len(header), MARGIN, TOP, _emu(WIDTH - 2 * MARGIN),
                                       _emu(Inches(0.5) * (len(chunk) + 1)))
        table = shape.table
        total = sum(widths)
        for column, share in enumerate(widths):
            table.columns[column].width = _emu((WIDTH - 2 * MARGIN) * share / total)
        for row_index, values in enumerate([header, *chunk]):
            for column, value in enumerate(values):
                cell = table.cell(row_index, column)
                cell.text = _text(value, _CUT)
                for paragraph in cell.text_frame.paragraphs:
                    paragraph.font.size = Pt(size)
                    paragraph.font.bold = row_index == 0


def _title(deck: Deck, results: Results) -> None:
    """The first slide: the session, who, when, how many."""
    slide = deck.slides.add_slide(deck.slide_layouts[TITLE_LAYOUT])
    heading, subtitle = slide.shapes.title, slide.placeholders[1]
    assert heading is not None
    across = _emu(WIDTH - 2 * MARGIN)
    heading.left, heading.top, heading.width, heading.height = MARGIN, Inches(1.8), across, Inches(1.6)
    subtitle.left, subtitle.top, subtitle.width, subtitle.height = MARGIN, Inches(3.6), across, Inches(2.4)
    heading.text = _text(results.title)
    heading.text_frame.paragraphs[0].font.color.rgb = ACCENT
    who = " · ".join(part for part in (results.team, results.organisation) if part.strip())
    people = (_("fewer than {n} respondents").format(n=results.threshold) if results.withheld else
              ngettext("{n} respondent", "{n} respondents", results.n_respondents).format(n=results.n_respondents))
    subtitle.text = _text(f"{who}\n{format_date(results.taken_on)} · {people}\n{_(APP_NAME)}".lstrip("\n"))
    for paragraph in subtitle.text_frame.paragraphs:
        paragraph.font.size = Pt(22)


def _radar(deck: Deck, results: Results, radar_png: bytes) -> None:
    """The group radar (the image of the same chart the app shows) beside the overall score."""
    slide = _slide(deck, _("Where we are, by principle"))
    picture = slide.shapes.add_picture(io.BytesIO(radar_png), MARGIN, TOP, height=_emu(HEIGHT - TOP - MARGIN))
    left = _emu(picture.left + picture.width + Inches(0.4))
    box = slide.shapes.add_textbox(left, _emu(TOP + Inches(0.6)), _emu(WIDTH - left - MARGIN), Inches(3))
    frame = box.text_frame
    frame.word_wrap = True
    frame.paragraphs[0].text = _("Overall score (0-100)")
    frame.paragraphs[0].font.size = Pt(20)
    score = frame.add_paragraph()
    score.text = whole(results.overall_score)
    score.font.size = Pt(66)
    score.font.bold = True
    score.font.color.rgb = ACCENT
    if results.overall_band:
        band = frame.add_paragraph()
        band.text = _text(results.overall_band)
        band.font.size = Pt(24)


def build_slides(results: Results, radar_png: bytes | None) -> bytes:
    """PowerPoint bytes of the results; nothing below the anonymity threshold is in them (the model holds none)."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = WIDTH, HEIGHT
    deck.core_properties.title = _text(results.title)
    _title(deck, results)
    if results.withheld:
        _paragraphs(_slide(deck, _("Results")), [results.withheld])
    else:
        if radar_png is not None:
            _radar(deck, results, radar_png)
        _table(deck, _("Scores by principle"),
               [_("Principle"), _("Score"), _("Level"), _("Target"), _("Spread"), _("Respondents")],
               [[row.name, whole(row.score), row.band or _("not shown (too few answers)"), whole(row.target),
                 whole(row.spread), str(row.n)] for row in results.principle_rows], [4, 1, 2.2, 1, 1, 1.6])
        _table(deck, _("Where we disagree most"), [_("No."), _("Statement (To)"), _("Principle"), _("Agreement")],
               [[str(spot.number), spot.to_text, spot.principle_name, percent(spot.agreement)]
                for spot in results.hot_spots], [0.7, 6, 2.4, 1.6], size=16)
    _table(deck, _("Agreed ratings"), [_("No."), _("Statement (To)"), _("Agreed rating"), _("Notes")],
           [[str(row.number), row.to_text, row.rating_label, row.notes] for row in results.agreed],
           [0.7, 5, 2, 4])
    _table(deck, _("Actions"), [_("Principle"), _("Action"), _("Owner"), _("Due"), _("Status")],
           [[row.principle_name, row.description, row.owner, format_date(row.due_date, short=True)
             if row.due_date else "", status_label(row.status)] for row in results.actions], [2.2, 6, 1.8, 1.5, 1.3])
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def slides_for(results: Results) -> bytes:
    """The slides with the radar drawn from the same Vega-Lite spec the app shows."""
    from reports.charts import radar_spec  # imported here: only a download needs the chart stack
    from reports.images import chart_png

    radar_png = None
    if not results.withheld and not results.radar.empty:
        radar_png = chart_png(radar_spec(results.radar, results.principles))
    return build_slides(results, radar_png)


__all__ = ["build_slides", "slides_for"]
