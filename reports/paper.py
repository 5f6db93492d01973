"""The printable answer pack (PDF, fpdf2): a cover with the join code, then every statement with tick boxes.

Standard or Easy Read. Easy Read uses the bank's Easy Read texts, a picture beside each statement
(questions/pictures) and larger type. Everything from the bank is printed literally (no markup).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import cast

import segno
from fpdf import FPDF
from fpdf.enums import MethodReturnValue

from questions.pictograms import PICTURES, picture_path
from questions.schema import Bank, Statement
from reports.glyphs import BOLD_FONT, REGULAR_FONT, printable

FONT = "DejaVu"
MARGIN = 18.0
BOX = 6.0           # a tick box's side, mm
GAP = 3.0
DONT_KNOW = "?"     # printed inside the last box's label as well as the words


@dataclass(frozen=True)
class Reading:
    """Type sizes and wording for one reading mode."""

    text: float
    heading: float
    line: float
    picture: float   # mm; 0 for no pictures
    comment_lines: int


STANDARD = Reading(text=10.5, heading=14, line=5.2, picture=0, comment_lines=2)
EASY_READ = Reading(text=15, heading=19, line=7.6, picture=22, comment_lines=2)


def _instructions(easy_read: bool) -> list[str]:
    """How to fill in the pack, in the chosen reading mode."""
    if easy_read:
        return [
            "This pack has some sentences about how we work together.",
            "Each page has a From sentence and a To sentence.",
            "Tick one box to say where we are now.",
            "0 means we are like the From sentence. 4 means we are like the To sentence.",
            "Tick ? if you do not know.",
            "You can also tick where you want us to be. This is the Aim.",
            "You can write what you think in the box.",
            "You do not have to write your name.",
            "Give the pack back to the person who gave it to you.",
        ]
    return [
        "Each statement describes a way of working, from a traditional one (From) to a co-produced one (To).",
        "On the 'Now' line, tick the one box that best describes how things are today: 0 is closest to "
        "From and 4 is closest to To. Tick ? if you do not know.",
        "On the 'Aim' line you may tick where you would like things to be. Leave it blank if you prefer.",
        "Comments are optional. Please do not write your name or anyone else's on the pack.",
        "Hand the pack back to the facilitator, who will type the answers in. Answers are anonymous: "
        "results are shown only for groups large enough that nobody can be picked out.",
    ]


class PaperPack(FPDF):
    """An A4 answer pack with a footer naming the session and the page."""

    def __init__(self, title: str, easy_read: bool) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.pack_title = printable(title)
        self.reading = EASY_READ if easy_read else STANDARD
        self.easy_read = easy_read
        self.add_font(FONT, "", str(REGULAR_FONT))
        self.add_font(FONT, "B", str(BOLD_FONT))
        self.set_margins(MARGIN, 16, MARGIN)
        self.set_auto_page_break(True, margin=18)
        self.set_title(self.pack_title)
        self.set_lang("en-GB")

    def footer(self) -> None:
        """The session's title and the page number, small, at the bottom."""
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.cell(0, 5, f"{self.pack_title} · page {self.page_no()}", align="C")

    def text_block(self, text: str, size: float | None = None, bold: bool = False, width: float = 0) -> None:
        """A paragraph in the reading mode's type, wrapped to the page (or `width` mm)."""
        self.set_font(FONT, "B" if bold else "", size or self.reading.text)
        line = self.reading.line * (size or self.reading.text) / self.reading.text
        self.multi_cell(width, line, printable(text), new_x="LMARGIN", new_y="NEXT", align="L")

    def boxes(self, label: str, values: list[str], x: float) -> None:
        """A line of labelled tick boxes starting at `x`, on the current line."""
        y = self.get_y()
        self.set_font(FONT, "B", self.reading.text)
        self.set_xy(MARGIN, y)
        self.cell(x - MARGIN, BOX + 1, printable(label))
        step = BOX + GAP + self.get_string_width("0") + 2
        for number, value in enumerate(values):
            left = x + number * step
            self.rect(left, y + 0.5, BOX, BOX)
            self.set_xy(left + BOX + 0.8, y)
            self.set_font(FONT, "", self.reading.text)
            self.cell(step - BOX - 0.8, BOX + 1, value)
        self.set_xy(MARGIN, y + BOX + 3)


def _cover(pdf: PaperPack, bank: Bank, join_code: str | None, link: str | None) -> None:
    """Title, join code, link with its QR code, instructions and the perspective boxes."""
    pdf.add_page()
    reading = pdf.reading
    pdf.text_block(pdf.pack_title, size=reading.heading + 4, bold=True)
    pdf.text_block(bank.texts(pdf.easy_read)[0])
    pdf.ln(3)
    if join_code:
        pdf.text_block("To answer on a phone or computer instead, use the join code:" if not pdf.easy_read
                       else "You can also answer on a phone. Use this code:")
        pdf.set_font(FONT, "B", 30)
        pdf.cell(0, 14, printable(join_code), new_x="LMARGIN", new_y="NEXT")
    if link:
        top = pdf.get_y()
        pdf.text_block("or open this link:" if join_code else "Open this link:", width=120)
        pdf.text_block(link, width=120)
        qr = io.BytesIO()
        segno.make(link, error="m").save(qr, kind="png", scale=6, border=2)
        pdf.image(qr, x=pdf.w - MARGIN - 32, y=top, w=32, h=32, alt_text=f"QR code for {link}")
        pdf.set_y(max(pdf.get_y(), top + 34))
    pdf.ln(2)
    pdf.text_block("How to fill in this pack" if not pdf.easy_read else "How to fill this in", size=reading.heading,
                   bold=True)
    for line in _instructions(pdf.easy_read):
        pdf.text_block(f"• {line}")
    pdf.ln(2)
    _scale(pdf, bank)
    if bank.perspectives:
        pdf.ln(2)
        pdf.text_block("Which of these describes you? Tick one." if not pdf.easy_read else "Tick one box about you.",
                       bold=True)
        for perspective in bank.perspectives:
            y = pdf.get_y()
            if pdf.will_page_break(BOX + 3):
                pdf.add_page()
                y = pdf.get_y()
            pdf.rect(MARGIN, y + 0.5, BOX, BOX)
            pdf.set_xy(MARGIN + BOX + 3, y)
            pdf.set_font(FONT, "", reading.text)
            pdf.cell(0, BOX + 1, printable(perspective.text(pdf.easy_read)), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)


def _scale(pdf: PaperPack, bank: Bank) -> None:
    """What each number means."""
    pdf.text_block("What the numbers mean" if not pdf.easy_read else "The numbers", size=pdf.reading.heading,
                   bold=True)
    for level in bank.scale.levels:
        pdf.text_block(f"{level.value}: {bank.scale.label(level.value, pdf.easy_read)}")
    pdf.text_block(f"{DONT_KNOW}: {bank.scale.dont_know(pdf.easy_read)}")


def _statement(pdf: PaperPack, bank: Bank, statement: Statement, number: int) -> None:
    """One statement: its number, picture, From and To, the Now and Aim boxes and room for a comment."""
    reading = pdf.reading
    from_text, to_text = statement.texts(pdf.easy_read)
    picture = reading.picture if statement.picture in PICTURES else 0
    text_width = pdf.w - 2 * MARGIN - (picture + 4 if picture else 0)
    pdf.set_font(FONT, "", reading.text)
    lines = sum(len(cast(list[str], pdf.multi_cell(text_width, reading.line, printable(f"{label}: {text}"),
                                                   dry_run=True, output=MethodReturnValue.LINES)))
                for label, text in (("From", from_text), ("To", to_text)))
    needed = reading.line * (lines + 1) + 2 * (BOX + 3) + reading.comment_lines * 8 + 12
    if pdf.will_page_break(max(needed, picture + 4)):
        pdf.add_page()
    top = pdf.get_y()
    if picture and statement.picture:
        pdf.image(str(picture_path(statement.picture)), x=MARGIN, y=top, w=picture, h=picture,
                  alt_text=PICTURES[statement.picture].alt)
    left = MARGIN + (picture + 4 if picture else 0)
    pdf.set_x(left)
    pdf.set_font(FONT, "B", reading.text)
    pdf.cell(0, reading.line, f"Statement {number}", new_x="LMARGIN", new_y="NEXT")
    for label, text in (("From", from_text), ("To", to_text)):
        pdf.set_x(left)
        pdf.set_font(FONT, "B", reading.text)
        width = pdf.get_string_width(f"{label}: ") + 0.5
        pdf.cell(width, reading.line, f"{label}:")
        pdf.set_font(FONT, "", reading.text)
        pdf.multi_cell(text_width - width, reading.line, printable(text), new_x="LMARGIN", new_y="NEXT", align="L")
    pdf.set_y(max(pdf.get_y(), top + picture) + 2)
    levels = [str(level.value) for level in bank.scale.levels]
    boxes_at = MARGIN + pdf.get_string_width("Aim  ") + 14
    pdf.boxes("Now", [*levels, DONT_KNOW], boxes_at)
    pdf.boxes("Aim", levels, boxes_at)
    pdf.set_font(FONT, "", reading.text - 1)
    pdf.cell(0, reading.line, "Comments (optional):" if not pdf.easy_read else "What do you think?",
             new_x="LMARGIN", new_y="NEXT")
    y = pdf.get_y()
    pdf.rect(MARGIN, y, pdf.w - 2 * MARGIN, reading.comment_lines * 8)
    pdf.set_y(y + reading.comment_lines * 8 + 4)
    pdf.set_draw_color(190, 190, 190)
    pdf.line(MARGIN, pdf.get_y(), pdf.w - MARGIN, pdf.get_y())
    pdf.set_draw_color(0, 0, 0)
    pdf.ln(4)


def paper_pack(bank: Bank, title: str, *, join_code: str | None = None, link: str | None = None,
               easy_read: bool = False) -> bytes:
    """The answer pack as PDF bytes: a cover (join code, link, instructions), then every statement by principle."""
    pdf = PaperPack(title, easy_read)
    _cover(pdf, bank, join_code, link)
    number = 0
    for principle in bank.principles:
        pdf.add_page()
        texts = principle.texts(easy_read)
        pdf.text_block(texts.name, size=pdf.reading.heading, bold=True)
        if texts.definition:
            pdf.text_block(texts.definition)
        pdf.ln(3)
        for statement in principle.statements:
            number += 1
            _statement(pdf, bank, statement, number)
    return bytes(pdf.output())
