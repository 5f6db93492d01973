"""The PDF writer: turns the results model into A4 PDF bytes with fpdf2 (the only module importing fpdf)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import cast

from fpdf import FPDF, FontFace
from fpdf.enums import Align, MethodReturnValue, TableBordersLayout, TableCellFillMode, XPos, YPos
from fpdf.errors import FPDFException
from fpdf.util import Padding

from i18n import _, current_language
from reports.errors import ReportError, report_error
from reports.glyphs import BOLD_FONT, REGULAR_FONT, has_arabic, printable, use_script_fonts
from reports.formatting import format_date, percent, signed, status_label, whole
from reports.rules import shown_change
from reports.parts import ActionRow, Highlight, Results

APP_NAME = "Co-production: how are you doing?"
FONT = "DejaVu"
ACCENT = (31, 78, 121)
TEXT = (33, 33, 33)
MUTED = (105, 105, 105)
RULE = (200, 205, 212)
HEADER_FILL = (226, 234, 242)
ZEBRA = (246, 247, 249)
PANEL = (240, 244, 248)
MARGIN = 18.0
CELL_SIZE = 9
CELL_LINE = 4.4
CELL_PADDING = Padding(top=1.4, right=1.6, bottom=1.4, left=1.6)
# A table row must fit on one page (fpdf2 cannot split a row), so long cells are cut to a number
# of lines: a heading row and one body row then stay well under a page, however narrow the column.
# Only bank texts and short labels go into tables; user-written text is printed in full elsewhere.
CELL_LINES = 12
HEADING_LINES = 4
# More perspective columns than this get too narrow for their labels: the table is split instead.
PERSPECTIVE_COLUMNS = 4  # five would be 24 mm wide, too narrow for "Commissioners" in the heading
DASH = "\u2013"
ELLIPSIS = "\u2026"




def _shown(text: str, empty: str = DASH) -> str:
    """Drawable text, or `empty` where nothing visible is left (zero-width characters only, say)."""
    text = printable(text)
    return text if text.strip() else empty


def _joined(*parts: str) -> str:
    """Visible parts joined with a middle dot (a CSV report may have no team or organisation)."""
    return " \u00b7 ".join(part for part in parts if printable(part).strip())


def _column_groups(labels: Sequence[str], most: int) -> list[list[str]]:
    """Labels in as few groups of at most `most` as possible, evenly sized (8 -> 4 + 4, not 6 + 2)."""
    size = math.ceil(len(labels) / math.ceil(len(labels) / most))
    return [list(labels[start:start + size]) for start in range(0, len(labels), size)]


def _image_size(png: bytes, max_width: float, max_height: float) -> tuple[float, float]:
    """Width and height in mm that fit the box and keep the PNG's aspect ratio."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or len(png) < 24:
        raise report_error("chart image", "PNG image data", "something else", hint="This is a fault in the report.")
    pixels_w, pixels_h = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    scale = min(max_width / max(pixels_w, 1), max_height / max(pixels_h, 1))
    return pixels_w * scale, pixels_h * scale


class ReportDocument(FPDF):
    """An A4 report page layout with a running header and a numbered footer."""

    def __init__(self, report: Results) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.report = report
        self.add_font(FONT, "", str(REGULAR_FONT))
        self.add_font(FONT, "B", str(BOLD_FONT))
        # Arabic script (a team name, a translated bank) shaped, joined and ordered right to left.
        use_script_fonts(self, FONT, shape=has_arabic(repr(report)))
        self.set_margins(MARGIN, 20, MARGIN)
        self.set_auto_page_break(True, margin=20)
        self.set_title(printable(report.title))
        self.set_author(printable(report.organisation))
        self.set_creator(APP_NAME)
        self.set_lang("en-GB" if current_language() == "en" else current_language())
        self.set_text_color(*TEXT)

    def _fitted(self, text: str, width: float) -> str:
        """One line of text, shortened with an ellipsis to fit `width` mm."""
        text = " ".join(printable(text).split())
        return text if self.get_string_width(text) <= width else self._cut(text, width)

    def _cut(self, text: str, width: float) -> str:
        """Text shortened so that it and a closing ellipsis fit on one line of `width` mm."""
        while text and self.get_string_width(text + ELLIPSIS) > width:
            text = text[: max(len(text) * 9 // 10, len(text) - 50) if len(text) > 60 else len(text) - 1]
        return text.rstrip() + ELLIPSIS

    def _lines(self, text: str, width: float) -> list[str]:
        """The lines a table cell `width` mm wide breaks `text` into, in the current font."""
        lines = self.multi_cell(width, CELL_LINE, text, dry_run=True, output=MethodReturnValue.LINES,
                                padding=CELL_PADDING)
        return cast(list[str], lines)  # the return type covers every output mode; LINES gives these

    def _clipped(self, text: str, width: float, most: int) -> tuple[str, int]:
        """Cell text cut with an ellipsis after `most` lines of a `width` mm column, and its line count."""
        lines = self._lines(text, width)
        if len(lines) <= most:
            return text, len(lines)
        # Keep the lines as fpdf2 broke them, so the cut text wraps the same way when drawn.
        last = self._cut(" ".join(lines[most - 1:most + 1]), width - CELL_PADDING.left - CELL_PADDING.right)
        return "\n".join([*lines[:most - 1], last]), most

    def _row(self, values: Sequence[str], columns: Sequence[float], style: str,
             most: int) -> tuple[list[str], float]:
        """A table row's cell texts, each cut to `most` lines, and the row's height in mm."""
        self.set_font(FONT, style, CELL_SIZE)
        cells = [self._clipped(_shown(value), width, most) for value, width in zip(values, columns)]
        lines = max((count for _, count in cells), default=1)
        return [text for text, _ in cells], lines * CELL_LINE + CELL_PADDING.top + CELL_PADDING.bottom

    def header(self) -> None:
        """Running header from page 2: title and team, shortened to one line."""
        if self.page_no() == 1:
            return
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.set_xy(MARGIN, 10)
        self.cell(self.epw, 4, self._fitted(_joined(self.report.title, self.report.team), self.epw))
        self.set_draw_color(*RULE)
        self.line(MARGIN, 15, self.w - MARGIN, 15)
        self.set_y(20)
        self.set_text_color(*TEXT)

    def footer(self) -> None:
        """Generated-by line on the left, 'Page N of M' on the right."""
        self.set_y(-13)
        self.set_font(FONT, "", 8)
        self.set_text_color(*MUTED)
        self.cell(self.epw * 0.75, 4, _("Generated {date} by {app}").format(
            date=format_date(self.report.generated_at), app=_(APP_NAME)))
        self.cell(self.epw * 0.25, 4, _("Page {page} of {pages}").format(page=self.page_no(), pages="{nb}"),
                  align=Align.R)
        self.set_text_color(*TEXT)

    def ensure_space(self, height: float) -> None:
        """Start a new page unless `height` mm still fit on this one."""
        if self.get_y() + height > self.page_break_trigger:
            self.add_page()

    def heading(self, text: str, space: float = 40) -> None:
        """A section heading, kept with at least `space` mm of what follows."""
        self.ensure_space(space)
        self.ln(4)
        self.set_font(FONT, "B", 13)
        self.set_text_color(*ACCENT)
        self.multi_cell(0, 6.5, printable(text), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_draw_color(*ACCENT)
        self.set_line_width(0.4)
        # Start the rule where the text starts (cells indent by c_margin).
        self.line(MARGIN + self.c_margin, self.get_y() + 0.5, MARGIN + self.c_margin + 24, self.get_y() + 0.5)
        self.set_line_width(0.2)
        self.ln(3)
        self.set_text_color(*TEXT)

    def paragraph(self, text: str, size: float = 10, bold: bool = False,
                  colour: tuple[int, int, int] = TEXT, after: float = 2) -> None:
        """Literal text (no markup), wrapped at words and inside over-long words."""
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*colour)
        self.multi_cell(0, size * 0.48, printable(text), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*TEXT)
        self.ln(after)

    def grid(self, headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
             aligns: Sequence[str] | None = None, headed: bool = True, keep: bool = False) -> None:
        """A table with a shaded heading row, light zebra rows and horizontal rules; `keep` avoids a split."""
        self.set_draw_color(*RULE)
        # fpdf2 scales the columns down to the page width: cut the cells to the widths drawn.
        columns = [width * min(1.0, self.epw / sum(widths)) for width in widths]
        top = [self._row(headings, columns, "B", HEADING_LINES)] if headed else []
        body = [self._row(values, columns, "", CELL_LINES) for values in rows]
        self.set_font(FONT, "", CELL_SIZE)
        height = sum(row_height for _, row_height in top + body)
        if keep and height < self.page_break_trigger - self.t_margin:
            self.ensure_space(height)
        style = FontFace(emphasis="BOLD", color=ACCENT, fill_color=HEADER_FILL)
        with self.table(col_widths=tuple(widths), width=min(sum(widths), self.epw),
                        text_align=tuple(aligns or ["LEFT"] * len(widths)), headings_style=style,
                        first_row_as_headings=headed, line_height=CELL_LINE,
                        borders_layout=TableBordersLayout.HORIZONTAL_LINES, cell_fill_color=ZEBRA,
                        cell_fill_mode=TableCellFillMode.ROWS, padding=CELL_PADDING, align=Align.L,
                        markdown=False) as table:
            for values, _height in top + body:
                row = table.row()
                for value in values:
                    row.cell(value)
        self.ln(3)


def _title_block(doc: ReportDocument, report: Results) -> None:
    """Kicker, title, team and the facts table."""
    doc.set_font(FONT, "B", 8.5)
    doc.set_text_color(*ACCENT)
    doc.cell(0, 5, _("CO-PRODUCTION SELF-ASSESSMENT"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.paragraph(_shown(report.title), size=19, bold=True, after=1)
    subtitle = _joined(report.team, report.organisation)
    if subtitle:
        doc.paragraph(subtitle, size=11.5, colour=MUTED, after=4)
    doc.grid(("", ""), [(f.label, f.value) for f in report.facts], (48, doc.epw - 48), headed=False)


def _panel(doc: ReportDocument, text: str, size: float = 11) -> None:
    """A shaded call-out box with literal text."""
    doc.set_font(FONT, "B", size)
    doc.set_fill_color(*PANEL)
    doc.set_draw_color(*ACCENT)
    doc.multi_cell(0, size * 0.5, printable(text), align=Align.L, fill=True, border="L", padding=(4, 4),
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.ln(3)


def _results(doc: ReportDocument, report: Results, radar_png: bytes | None) -> None:
    """Overall score, radar and the principle table."""
    if report.overall_score is not None:
        band = f" \u00b7 {report.overall_band}" if report.overall_band else ""
        _panel(doc, _("Overall score: {score} out of 100").format(score=whole(report.overall_score)) + band, size=12)
    if radar_png is not None:
        width, height = _image_size(radar_png, doc.epw * 0.9, 112)
        doc.heading(_("Current and target by principle"), space=height + 18)
        doc.image(radar_png, x=MARGIN + (doc.epw - width) / 2, w=width, h=height)
        doc.ln(2)
    doc.heading(_("Scores by principle"))
    rows = [(r.name, whole(r.score), r.band or DASH, whole(r.target), signed(shown_change(r.score, r.target)),
             whole(r.spread), str(r.n))
            for r in report.principle_rows]
    doc.grid((_("Principle"), _("Score"), _("Band"), _("Target"), _("Gap"), _("Spread"), _("People")), rows,
             (60, 17, 27, 18, 16, 18, 18), ("LEFT", "RIGHT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"))
    doc.paragraph(_("Scores run from 0 to 100. Gap = target minus score. Spread: how far apart people's scores "
                    "were."), size=8, colour=MUTED)


def _highlights(doc: ReportDocument, title: str, intro: str, items: Sequence[Highlight], agreement: bool) -> None:
    """A table of statements with their From/To texts."""
    if not items:
        return
    doc.heading(title)
    doc.paragraph(intro, size=9, colour=MUTED)
    last = _("Agreement") if agreement else _("Score")
    rows = [(_("From: {text}").format(text=_shown(h.from_text)) + "\n" + _("To: {text}").format(text=_shown(h.to_text)),
             h.principle_name,
             percent(h.agreement) if agreement else whole(h.score))
            for h in items]
    doc.grid((_("Statement"), _("Principle"), last), rows, (106, 44, 24), ("LEFT", "LEFT", "RIGHT"))


def _perspectives(doc: ReportDocument, report: Results) -> None:
    """Principle scores per perspective and the largest differences between them."""
    if not report.perspective_scores:
        return
    doc.heading(_("Scores by perspective"))
    labels = list(dict.fromkeys(s.label for s in report.perspective_scores))
    by_key = {(s.label, s.principle): s.score for s in report.perspective_scores}
    groups = _column_groups(labels, PERSPECTIVE_COLUMNS)
    # Narrow score columns: a lone perspective should not stretch across the page. Every table
    # gets the widths of the first (widest) one, so split tables line up.
    columns = len(groups[0])
    each = min((doc.epw - 60) / columns, 32.0)
    first = doc.epw - each * columns if columns > 3 else 60.0
    for number, group in enumerate(groups):
        rows = [[name] + [whole(by_key.get((label, pid))) for label in group] for pid, name in report.principles]
        # A later table is short and only makes sense whole: keep it on one page.
        doc.grid([_("Principle"), *group], rows, [first] + [each] * len(group), ["LEFT"] + ["RIGHT"] * len(group),
                 keep=number > 0)
    doc.paragraph(_("Perspectives with fewer than {n} people are merged into other "
                    "perspectives or left out.").format(n=report.threshold), size=8, colour=MUTED)
    if report.perspective_gaps:
        gaps = [(g.name, whole(g.max_gap), g.highest, g.lowest) for g in report.perspective_gaps]
        doc.heading(_("Where perspectives differ most"), space=45)
        doc.paragraph(_("The largest difference between the highest and lowest perspective score on each "
                        "principle."), size=9, colour=MUTED)
        doc.grid((_("Principle"), _("Largest difference"), _("Highest"), _("Lowest")), gaps, (56, 30, 44, 44),
                 ("LEFT", "RIGHT", "LEFT", "LEFT"))


def _changes(doc: ReportDocument, report: Results) -> None:
    """Change of each principle score since the baseline."""
    if not report.changes:
        return
    doc.heading(_("Change since {baseline}").format(
        baseline=_shown(report.baseline.label if report.baseline else '', _('the baseline'))))
    rows = [(c.name, whole(c.baseline), whole(c.latest), signed(c.change)) for c in report.changes]
    doc.grid((_("Principle"), _("Baseline"), _("Now"), _("Change")), rows, (92, 27, 27, 28), ("LEFT", "RIGHT", "RIGHT", "RIGHT"))


def _agreed(doc: ReportDocument, report: Results) -> None:
    """Ratings the team agreed on in discussion, with their notes in full."""
    if not report.agreed:
        return
    doc.heading(_("Agreed ratings"))
    for row in report.agreed:
        doc.ensure_space(22)
        doc.paragraph(f"{_shown(row.principle_name)}: {_shown(row.rating_label)}", size=10, bold=True, after=0.5)
        doc.paragraph(_("From: {text}").format(text=_shown(row.from_text)) + "\n"
                      + _("To: {text}").format(text=_shown(row.to_text)), size=8.5, colour=MUTED, after=1)
        if printable(row.notes).strip():
            doc.paragraph(row.notes, size=9.5, after=1)
        _rule(doc)


def _rule(doc: ReportDocument) -> None:
    """A thin separator line."""
    doc.set_draw_color(*RULE)
    doc.line(MARGIN, doc.get_y() + 1, doc.w - MARGIN, doc.get_y() + 1)
    doc.ln(3)


def _actions(doc: ReportDocument, report: Results) -> None:
    """The action plan, then what is still open from the baseline; every text printed in full."""
    doc.heading(_("Action plan"), space=30)
    if not report.actions:
        doc.paragraph(_("No actions have been recorded yet."), size=10, colour=MUTED)
    _action_list(doc, report.actions)
    _own_link_note(doc)
    if report.carried_actions:
        doc.heading(_("Still open from {baseline}").format(
            baseline=_shown(report.baseline.label if report.baseline else '', _('last time'))), space=30)
        doc.paragraph(_("Actions agreed last time that are not yet done or dropped."), size=9, colour=MUTED)
        _action_list(doc, report.carried_actions)


def _own_link_note(doc: ReportDocument) -> None:
    """One line saying participants can follow the results and actions with their own code (issue 12 point 9)."""
    from reports.method import OWN_LINK_NOTE

    doc.paragraph(_(OWN_LINK_NOTE), size=9, colour=MUTED)


def _action_list(doc: ReportDocument, actions: Sequence[ActionRow]) -> None:
    """Numbered actions with owner, due date and status."""
    for number, action in enumerate(actions, start=1):
        doc.ensure_space(22)
        doc.paragraph(f"{number}. {_shown(action.principle_name, _('General'))}", size=10, bold=True, after=0.5)
        doc.paragraph(_shown(action.description), size=10, after=0.8)
        details = [_("Owner: {owner}").format(owner=_shown(action.owner)),
                   _("Due: {date}").format(date=format_date(action.due_date) if action.due_date else DASH),
                   _("Status: {status}").format(status=_shown(status_label(action.status)))]
        doc.paragraph("    ".join(details), size=8.5, colour=MUTED, after=0.5)
        _rule(doc)


def _write(doc: ReportDocument, report: Results, radar_png: bytes | None) -> None:
    """Every section in reading order."""
    doc.add_page()
    _title_block(doc, report)
    if report.withheld:
        _panel(doc, report.withheld)
    else:
        _results(doc, report, radar_png)
        _highlights(doc, _("Strengths"), _("Statements with the highest current answers."), report.strengths, False)
        _highlights(doc, _("Areas to develop"), _("Statements with the lowest current answers."),
                    report.development_areas, False)
        _highlights(doc, _("Where people disagree most"), _("Statements with the widest range of answers: worth "
                    "talking through together."), report.hot_spots, True)
        _perspectives(doc, report)
        _changes(doc, report)
        _agreed(doc, report)
    _actions(doc, report)
    if report.notes:
        doc.heading(_("Notes"), space=25)
        for note in report.notes:
            doc.paragraph(f"\u2022 {note}", size=9.5, after=1)
    doc.heading(_("How the scores are worked out"), space=30)
    for text in report.method:
        doc.paragraph(text, size=9.5)


def render_pdf(report: Results, *, radar_png: bytes | None = None) -> bytes:
    """PDF bytes of the report; the radar image is included when given."""
    doc = ReportDocument(report)
    try:
        _write(doc, report, radar_png)
        return bytes(doc.output())
    except (FPDFException, ValueError, RuntimeError) as exc:
        raise report_error("PDF", "a report that can be laid out", f"{type(exc).__name__}: {exc}",
                           hint="Shorten very long texts and try again.") from exc


def build_pdf(report: Results) -> bytes:
    """PDF bytes of the report with its radar chart drawn in."""
    # Imported here so that importing the writer stays cheap and chart errors stay ReportErrors.
    from reports.charts import radar_spec
    from reports.images import chart_png

    radar_png = None
    if not report.withheld and not report.radar.empty:
        # The same spec the app shows on screen.
        radar_png = chart_png(radar_spec(report.radar, report.principles))
    return render_pdf(report, radar_png=radar_png)


__all__ = ["ReportError", "build_pdf", "render_pdf"]
