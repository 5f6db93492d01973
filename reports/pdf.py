"""The PDF writer: turns the results model into A4 PDF bytes with fpdf2 (the only module importing fpdf)."""

from __future__ import annotations

import math
from collections.abc import Sequence

from fpdf import FPDF
from fpdf.enums import Align, XPos, YPos
from fpdf.errors import FPDFException
from fpdf.util import Padding

from i18n import _, current_language
from reports.errors import ReportError, report_error
from reports.glyphs import BOLD_FONT, REGULAR_FONT, has_arabic, printable, use_script_fonts
from reports.formatting import (
    BY_PERSPECTIVE,
    DISAGREE,
    PERSPECTIVES_DIFFER,
    SCALE_NOTE,
    SCORES_BY_PRINCIPLE,
    STRONGEST,
    TO_DEVELOP,
    assessment_kind,
    format_date,
    percent,
    radar_heading,
    shortened,
    signed,
    status_label,
    whole,
)
from reports.method import COMMENTS_INCLUDED, COMMENTS_LEFT_OUT
from reports.model import RADAR_TARGET, baseline_series
from reports.rules import shown_change
from reports.parts import ActionRow, Highlight, Results
from reports.vector import draw_radar, radar_height

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
# Titles, team and organisation names are cut to this many characters (three lines of the title) in the title block and metadata
# (the running header cuts them to one line): a 64,000-character title would fill twenty pages.
NAME_CHARACTERS = 160
# A paragraph up to this long and high is moved to the next page whole rather than split.
KEEP_CHARACTERS = 2_000
KEEP_HEIGHT = 60.0
# The radar's largest radius in mm (its labels may make it smaller, never larger).
RADAR_RADIUS = 42.0
# The narrowest glyph of the bundled fonts with any width, in em (DejaVu Sans: 0.166; combining marks have none).
NARROWEST_GLYPH = 0.16




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
        self.set_title(printable(shortened(report.title, NAME_CHARACTERS)))
        self.set_author(printable(shortened(report.organisation, NAME_CHARACTERS)))
        self.set_creator(APP_NAME)
        self.set_lang("en-GB" if current_language() == "en" else current_language())
        self.set_text_color(*TEXT)

    def _fitted(self, text: str, width: float) -> str:
        """One line of text, shortened with an ellipsis to fit `width` mm."""
        text = " ".join(printable(text).split())
        return text if self.get_string_width(text) <= width else self._cut(text, width)

    def _cut(self, text: str, width: float) -> str:
        """Text shortened so that it and a closing ellipsis fit on one line of `width` mm.

        Only prefixes up to twice the kept length are measured (doubling, then halving the step), so
        a 64,000-character title costs no more than a short one: measuring the whole text each time
        made the running header on every page quadratic.
        """
        def fits(count: int) -> bool:
            return self.get_string_width(text[:count] + ELLIPSIS) <= width

        low, high = 0, 64  # fits(low) holds (or low is 0); the answer is below high
        while high <= len(text) and fits(high):
            low, high = high, high * 2
        high = min(high, len(text) + 1)
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if fits(middle) else (low, middle)
        return text[:low].rstrip() + ELLIPSIS

    def _lines(self, text: str, width: float) -> list[str]:
        """The lines a table cell `width` mm wide breaks `text` into, in the current font."""
        return self._wrap(text, width - CELL_PADDING.left - CELL_PADDING.right)

    def _wrap(self, text: str, width: float) -> list[str]:
        """Lines of `text` at most `width` mm wide: broken at spaces, and inside a word longer than a line.

        Each word is measured once, so time grows with the text's length (fpdf2's own line breaking
        re-measures the line at every character, which made tables the slowest part of the report).
        """
        space = self.get_string_width(" ")
        lines: list[str] = []
        for paragraph in text.split("\n"):
            line, used = "", 0.0
            for word in paragraph.split(" "):
                size = self.get_string_width(word)
                if line and used + space + size <= width:
                    line, used = f"{line} {word}", used + space + size
                    continue
                if line:
                    lines.append(line)
                while size > width and len(word) > 1:
                    piece = self._prefix(word, width)
                    lines.append(word[:piece])
                    word = word[piece:]
                    size = self._width_over(word, width)
                line, used = word, size
            lines.append(line)
        return lines

    def _prefix(self, text: str, width: float) -> int:
        """How many leading characters of `text` fit in `width` mm (at least one); measures short prefixes only."""
        low, high = 1, 64
        while high <= len(text) and self.get_string_width(text[:high]) <= width:
            low, high = high, high * 2
        high = min(high, len(text) + 1)
        while high - low > 1:
            middle = (low + high) // 2
            low, high = (middle, high) if self.get_string_width(text[:middle]) <= width else (low, middle)
        return low

    def _width_over(self, text: str, width: float) -> float:
        """The width of `text`, or of a prefix already wider than `width` (so a long word is not re-measured whole)."""
        cap = 2 * math.ceil(width / (NARROWEST_GLYPH * self.font_size)) + 2
        size = self.get_string_width(text[:cap])
        return size if size > width or len(text) <= cap else self.get_string_width(text)

    def _cell_lines(self, text: str, width: float, most: int) -> tuple[list[str], bool]:
        """The lines of a `width` mm cell, cut with an ellipsis after `most` lines, and whether it was cut."""
        inner = width - CELL_PADDING.left - CELL_PADDING.right  # table cells have padding, no cell margin
        if "\n" not in text and self.get_string_width(text) <= inner:
            return [text], False  # one line for sure (most cells are numbers and names)
        # Only what could show is broken into lines: one line more than `most`, each of the narrowest glyphs.
        most_characters = (most + 1) * math.ceil(width / (NARROWEST_GLYPH * self.font_size))
        lines = self._wrap(text[:most_characters], inner)
        if len(lines) <= most and len(text) <= most_characters:
            return lines, False
        count = min(len(lines), most)
        return [*lines[:count - 1], self._cut(" ".join(lines[count - 1:count + 1]), inner)], True

    def _clipped(self, text: str, width: float, most: int) -> tuple[str, int]:
        """Cell text cut with an ellipsis after `most` lines of a `width` mm column, and its line count."""
        lines, cut = self._cell_lines(text, width, most)
        return ("\n".join(lines) if cut else text), len(lines)

    def _row(self, values: Sequence[str], columns: Sequence[float], style: str,
             most: int) -> tuple[list[list[str]], float]:
        """A table row's cell lines, each cell cut to `most` lines, and the row's height in mm."""
        self.set_font(FONT, style, CELL_SIZE)
        cells = [self._cell_lines(_shown(value), width, most)[0] for value, width in zip(values, columns)]
        lines = max((len(cell) for cell in cells), default=1)
        return cells, lines * CELL_LINE + CELL_PADDING.top + CELL_PADDING.bottom

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
        """Literal text (no markup), wrapped at words and inside over-long words; a short one kept on one page."""
        self.set_font(FONT, "B" if bold else "", size)
        self.set_text_color(*colour)
        self._keep_together(printable(text), size * 0.48)
        self.multi_cell(0, size * 0.48, printable(text), align=Align.L, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*TEXT)
        self.ln(after)

    def _keep_together(self, text: str, line: float) -> None:
        """Start a new page unless the whole paragraph fits, when it is short enough to move whole.

        Otherwise its last line can land alone on the last page ("100: Co-producing.").
        """
        if len(text) > KEEP_CHARACTERS or self.get_y() + KEEP_HEIGHT <= self.page_break_trigger:
            return  # too long to move whole, or any paragraph short enough to move fits here anyway
        height = len(self._wrap(text, self.epw - 2 * self.c_margin)) * line
        if height <= KEEP_HEIGHT:
            self.ensure_space(height)

    def grid(self, headings: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
             aligns: Sequence[str] | None = None, headed: bool = True, keep: bool = False) -> None:
        """A table with a shaded heading row (repeated after a page break), light zebra rows and rules.

        `keep` moves a table that fits on a page to the next page rather than split it. Drawn here with
        lines of text, not fpdf2's table, whose line breaking made tables the slowest part of the report.
        """
        # Columns are scaled down to the page width when they add up to more.
        columns = [width * min(1.0, self.epw / sum(widths)) for width in widths]
        aligned = list(aligns or ["LEFT"] * len(widths))
        top = self._row(headings, columns, "B", HEADING_LINES) if headed else None
        body = [self._row(values, columns, "", CELL_LINES) for values in rows]
        height = sum(row_height for _, row_height in ([top] if top else []) + body)
        if keep and height < self.page_break_trigger - self.t_margin:
            self.ensure_space(height)
        first = (top[1] if top else 0) + (body[0][1] if body else 0)
        self.ensure_space(first)  # never a heading row alone at the foot of a page
        if top:
            self._draw_row(top[0], columns, aligned, top[1], heading=True)
        for number, (cells, row_height) in enumerate(body):
            if self.get_y() + row_height > self.page_break_trigger:
                self.add_page()
                if top:
                    self._draw_row(top[0], columns, aligned, top[1], heading=True)
            self._draw_row(cells, columns, aligned, row_height, shaded=number % 2 == 1)
        self.set_font(FONT, "", CELL_SIZE)
        self.set_text_color(*TEXT)
        self.ln(3)

    def _draw_row(self, cells: Sequence[Sequence[str]], columns: Sequence[float], aligns: Sequence[str],
                  height: float, heading: bool = False, shaded: bool = False) -> None:
        """One table row at the current position: fill, each cell's lines, and a rule below."""
        left, top = self.l_margin, self.get_y()
        width = sum(columns)
        if heading or shaded:
            self.set_fill_color(*(HEADER_FILL if heading else ZEBRA))
            self.rect(left, top, width, height, style="F")
        self.set_font(FONT, "B" if heading else "", CELL_SIZE)
        self.set_text_color(*(ACCENT if heading else TEXT))
        x = left
        for lines, column, align in zip(cells, columns, aligns):
            for number, line in enumerate(lines):
                baseline = top + CELL_PADDING.top + CELL_LINE * number + CELL_LINE / 2 + 0.3 * self.font_size
                start = x + CELL_PADDING.left
                if align == "RIGHT":
                    start = x + column - CELL_PADDING.right - self.get_string_width(line)
                self.text(start, baseline, line)
            x += column
        self.set_draw_color(*RULE)
        self.line(left, top + height, left + width, top + height)
        self.set_y(top + height)


def _title_block(doc: ReportDocument, report: Results) -> None:
    """Kicker, title, team and the facts table."""
    doc.set_font(FONT, "B", 8.5)
    doc.set_text_color(*ACCENT)
    doc.cell(0, 5, _("CO-PRODUCTION {kind}").format(kind=assessment_kind(report.mode).upper()), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.paragraph(_shown(shortened(report.title, NAME_CHARACTERS)), size=19, bold=True, after=1)
    subtitle = _joined(shortened(report.team, NAME_CHARACTERS), shortened(report.organisation, NAME_CHARACTERS))
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


def _results(doc: ReportDocument, report: Results) -> None:
    """Overall score, radar and the principle table."""
    if report.overall_score is not None:
        band = f" \u00b7 {report.overall_band}" if report.overall_band else ""
        _panel(doc, _("Overall score: {score} out of 100").format(score=whole(report.overall_score)) + band, size=12)
    _radar(doc, report)
    doc.heading(_(SCORES_BY_PRINCIPLE))
    targets = any(r.target is not None for r in report.principle_rows)
    rows = [(r.name, whole(r.score), r.band or DASH, *((whole(r.target), signed(shown_change(r.score, r.target)))
                                                     if targets else ()), whole(r.spread), str(r.n))
            for r in report.principle_rows]
    if targets:
        doc.grid((_("Principle"), _("Score"), _("Band"), _("Target"), _("Gap"), _("Spread"), _("People")), rows,
                 (60, 17, 27, 18, 16, 18, 18), ("LEFT", "RIGHT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"))
    else:
        doc.grid((_("Principle"), _("Score"), _("Band"), _("Spread"), _("People")), rows, (78, 20, 40, 18, 18),
                 ("LEFT", "RIGHT", "LEFT", "RIGHT", "RIGHT"))
    gap = " " + _("Gap = target minus score.") if targets else ""
    doc.paragraph(_(SCALE_NOTE) + gap + " " + _("Spread: how far apart people's scores were."), size=8, colour=MUTED)


def _radar(doc: ReportDocument, report: Results) -> None:
    """The radar drawn as vector lines and text, under a heading naming only the series it shows."""
    if report.radar.empty:
        return
    names = list(dict.fromkeys(str(name) for name in report.radar["series"]))
    height = radar_height(doc, FONT, report.principles, names, doc.epw, RADAR_RADIUS)
    doc.heading(radar_heading(names, RADAR_TARGET, baseline_series(report.baseline) in names), space=height + 18)
    used = draw_radar(doc, FONT, report.radar, report.principles, left=MARGIN, top=doc.get_y(), width=doc.epw,
                      most=RADAR_RADIUS)
    doc.set_y(doc.get_y() + used)
    doc.ln(2)


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
    labels = report.compared_perspectives()
    if not labels:
        return  # one group's scores are the overall scores: no table repeating them
    doc.heading(_(BY_PERSPECTIVE))
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
    doc.paragraph(f"Perspectives with fewer than {report.threshold} people are merged into other "
                  "perspectives or left out.", size=8, colour=MUTED)
    if report.perspective_gaps:
        gaps = [(g.name, whole(g.max_gap), g.highest, g.lowest) for g in report.perspective_gaps]
        doc.heading(_(PERSPECTIVES_DIFFER), space=45)
        doc.paragraph("The largest difference between the highest and lowest perspective score on each "
                      "principle.", size=9, colour=MUTED)
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


def _comments(doc: ReportDocument, report: Results) -> None:
    """What people wrote, by shown statement, every comment in full (chosen at download)."""
    if not report.comments:
        return
    doc.heading(_("What people wrote"))
    doc.paragraph(_("Comments on statements whose results are shown, without who wrote them."), size=9, colour=MUTED)
    rows = {row.statement: row for row in report.statement_rows}
    for group in report.comments:
        doc.ensure_space(22)
        statement = rows.get(group.statement)
        doc.paragraph(f"{group.number}. {_shown(statement.to_text if statement else group.statement)}", size=9.5,
                      bold=True, after=1)
        for comment in group.comments:
            doc.paragraph(f"\u2022 {_shown(comment)}", size=9.5, after=1)
        _rule(doc)


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

    doc.paragraph(OWN_LINK_NOTE, size=9, colour=MUTED)


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


def _write(doc: ReportDocument, report: Results, comments: bool = False) -> None:
    """Every section in reading order."""
    doc.add_page()
    _title_block(doc, report)
    if report.withheld:
        _panel(doc, report.withheld)
    else:
        _results(doc, report)
        _highlights(doc, _(STRONGEST), _("Statements with the highest current answers."), report.strengths, False)
        _highlights(doc, _(TO_DEVELOP), _("Statements with the lowest current answers."), report.development_areas,
                    False)
        _highlights(doc, _(DISAGREE), _("Statements with the widest range of answers: worth talking through together."),
                    report.hot_spots, True)
        _perspectives(doc, report)
        _changes(doc, report)
        _agreed(doc, report)
        if comments:
            _comments(doc, report)
    _actions(doc, report)
    if report.notes:
        doc.heading(_("Notes"), space=25)
        for note in report.notes:
            doc.paragraph(f"\u2022 {note}", size=9.5, after=1)
    doc.heading(_("How the scores are worked out"), space=30)
    for text in report.method:
        doc.paragraph(text.replace(_(COMMENTS_LEFT_OUT), _(COMMENTS_INCLUDED)) if comments else text, size=9.5)


def render_pdf(report: Results, *, comments: bool = False) -> bytes:
    """PDF bytes of the report, its radar drawn as vector lines and text; `comments` adds what people wrote."""
    doc = ReportDocument(report)
    try:
        _write(doc, report, comments)
        return bytes(doc.output())
    except (FPDFException, ValueError, RuntimeError) as exc:
        raise report_error("PDF", "a report that can be laid out", f"{type(exc).__name__}: {exc}",
                           hint="Shorten very long texts and try again.") from exc


def build_pdf(report: Results, *, comments: bool = False) -> bytes:
    """PDF bytes of the report (the download and the command line call this)."""
    return render_pdf(report, comments=comments)


__all__ = ["ReportError", "build_pdf", "render_pdf"]
