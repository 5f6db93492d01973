"""The organisation summary PDF (issue 11 point 4): the manager's view on A4, in the team report's look."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from fpdf.enums import Align, XPos, YPos
from fpdf.errors import FPDFException

from i18n import N_, _, ngettext
from reports.errors import report_error
from reports.formatting import DASH, whole
from reports.glyphs import printable
from reports.organisation import OrganisationSummary, radar_series, short_principles
from reports.parts import Results
# Only the public layout is shared (reports/pdf.py is the team report's writer and may change inside).
from reports.pdf import ACCENT, FONT, MARGIN, MUTED, PANEL, TEXT, ReportDocument

TITLE = N_("Organisation summary")
RADAR_SIZE = 200
RADAR_COLUMNS = 2
PRINCIPLE_COLUMN = 58.0
TEAMS_ACROSS = 4


@dataclass(frozen=True)
class _Cover:
    """What the team report's page layout reads of its report (running header, footer, document info)."""

    title: str
    team: str
    organisation: str
    generated_at: datetime


def _shown(text: str) -> str:
    """Drawable text, or a dash where nothing visible is left."""
    text = printable(text)
    return text if text.strip() else DASH


def _fit(doc: ReportDocument, text: str, width: float) -> str:
    """One line of text in the current font, shortened with an ellipsis to fit `width` mm."""
    return doc._fitted(_shown(text), width)  # cuts in linear time, however long the text


def _image_size(png: bytes, max_width: float, max_height: float) -> tuple[float, float]:
    """Width and height in mm that fit the box and keep the PNG's aspect ratio."""
    pixels_w, pixels_h = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    scale = min(max_width / max(pixels_w, 1), max_height / max(pixels_h, 1))
    return pixels_w * scale, pixels_h * scale


def _panel(doc: ReportDocument, text: str, size: float = 9.5) -> None:
    """A shaded call-out with literal text."""
    doc.set_font(FONT, "", size)
    doc.set_fill_color(*PANEL)
    doc.set_draw_color(*ACCENT)
    doc.multi_cell(0, size * 0.5, printable(text), align=Align.L, fill=True, border="L", padding=(3, 4),
                   new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.ln(2)


def _document(summary: OrganisationSummary) -> ReportDocument:
    """The team report's A4 layout, its running header naming the organisation."""
    cover = _Cover(_(TITLE), summary.organisation, summary.organisation, summary.generated_at)
    # The layout reads only these four fields; sharing it keeps both PDFs looking the same.
    return ReportDocument(cast(Results, cover))


def _title_block(doc: ReportDocument, summary: OrganisationSummary) -> None:
    """Kicker, title, organisation, facts and notes."""
    doc.set_font(FONT, "B", 8.5)
    doc.set_text_color(*ACCENT)
    doc.cell(0, 5, _("CO-PRODUCTION ACROSS TEAMS"), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    doc.paragraph(_(TITLE), size=19, bold=True, after=1)
    doc.paragraph(_shown(summary.organisation), size=11.5, colour=MUTED, after=4)
    doc.grid(("", ""), [(f.label, f.value) for f in summary.facts], (60, doc.epw - 60), headed=False)
    for note in summary.notes:
        _panel(doc, note)


def _team_table(doc: ReportDocument, summary: OrganisationSummary) -> None:
    """Each team's latest shown assessment and overall score; teams with too few answers say so."""
    doc.heading(_("Latest assessment by team"))
    rows = [(team.team, team.status, str(team.respondents) if team.shown else DASH, whole(team.overall))
            for team in summary.teams]
    doc.grid((_("Team"), _("Latest assessment with enough answers"), _("People"), _("Overall")), rows, (62, 72, 18, 22),
             ("LEFT", "LEFT", "RIGHT", "RIGHT"))


def _principle_table(doc: ReportDocument, summary: OrganisationSummary) -> None:
    """Principle scores of the teams shown: principles down, teams across (split when there are many)."""
    teams = list(summary.shown_teams)
    doc.heading(_("Scores by principle"))
    labels = [team.team for team in teams]
    size = math.ceil(len(labels) / math.ceil(len(labels) / TEAMS_ACROSS))
    for number, start in enumerate(range(0, len(teams), size)):
        group = teams[start:start + size]
        each = min((doc.epw - PRINCIPLE_COLUMN) / len(group), 34.0)
        rows = [[name, *[whole(team.scores[index]) for team in group]]
                for index, (_, name) in enumerate(summary.principles)]
        # A later table is short and only makes sense whole: keep it on one page.
        doc.grid([_("Principle"), *[team.team for team in group]], rows, [PRINCIPLE_COLUMN, *[each] * len(group)],
                 ["LEFT", *["RIGHT"] * len(group)], keep=number > 0)
    doc.paragraph(_("Scores run from 0 to 100. A dash: too few people answered for a score to be shown."), size=8,
                  colour=MUTED)


def _image(doc: ReportDocument, title: str, png: bytes, max_height: float) -> None:
    """A centred chart under its heading, kept on one page."""
    width, height = _image_size(png, doc.epw, max_height)
    doc.heading(title, space=height + 18)
    doc.image(png, x=MARGIN + (doc.epw - width) / 2, w=width, h=height)
    doc.ln(2)


def _averages(doc: ReportDocument, summary: OrganisationSummary) -> None:
    """The average of the shown team scores."""
    doc.heading(_("Average of the teams shown"))
    rows = [(_("Overall"), whole(summary.overall_mean), str(len(summary.shown_teams)))]
    rows += [(m.name, whole(m.mean), str(m.teams)) for m in summary.means]
    doc.grid((_("Principle"), _("Average"), _("Teams")), rows, (110, 32, 32), ("LEFT", "RIGHT", "RIGHT"))


def _radars(doc: ReportDocument, summary: OrganisationSummary, pngs: Sequence[bytes | None]) -> None:
    """Small radars, two to a row, each under its team's name."""
    doc.heading(_("Each team's radar"), space=90)
    column = doc.epw / RADAR_COLUMNS
    drawn = [(team, png) for team, png in zip(summary.teams, pngs) if png is not None]
    for start in range(0, len(drawn), RADAR_COLUMNS):
        row = drawn[start:start + RADAR_COLUMNS]
        sizes = [_image_size(png, column - 6, 66) if png else (0.0, 12.0) for _, png in row]
        doc.ensure_space(max(h for _, h in sizes) + 14)
        top = doc.get_y()
        for index, ((team, png), (width, height)) in enumerate(zip(row, sizes)):
            left = MARGIN + index * column
            doc.set_xy(left, top)
            doc.set_font(FONT, "B", 10)
            doc.cell(column - 4, 5, _fit(doc, team.team, column - 6))
            doc.set_xy(left, top + 5)
            doc.set_font(FONT, "", 8)
            doc.set_text_color(*MUTED)
            doc.cell(column - 4, 4, _fit(doc, f"{team.status} · " + ngettext(
                "{n} respondent", "{n} respondents", team.respondents or 0).format(n=team.respondents), column - 6))
            doc.set_text_color(*TEXT)
            if png:
                doc.image(png, x=left + (column - width) / 2, y=top + 10, w=width, h=height)
        doc.set_xy(MARGIN, top + 10 + max(h for _, h in sizes) + 3)
    hidden = [f"{team.team} ({team.status})" for team in summary.teams if not team.shown]
    if hidden:
        doc.paragraph(_("No radar: {teams}.").format(teams="; ".join(hidden)), size=9, colour=MUTED)


def _trend(doc: ReportDocument, summary: OrganisationSummary, png: bytes | None) -> None:
    """The organisation's average per quarter, as a chart and a table."""
    if png is None:
        return
    _image(doc, _("The organisation over time"), png, 95)
    periods = list(dict.fromkeys(p.period for p in summary.trend))
    overall = {p.period: p for p in summary.trend if p.series == "Overall"}
    rows = [(period, whole(overall[period].score) if period in overall else DASH,
             str(overall[period].teams) if period in overall else DASH) for period in periods]
    doc.grid((_("Quarter"), _("Average overall score"), _("Teams")), rows, (70, 60, 44), ("LEFT", "RIGHT", "RIGHT"), keep=True)


def _differences(doc: ReportDocument, summary: OrganisationSummary) -> None:
    """Where perspectives differ most across the teams shown."""
    if not summary.differences:
        return
    doc.heading(_("Where perspectives differ most"), space=45)
    doc.paragraph(_("Within each team, the largest difference between the highest and lowest perspective score on "
                    "a principle."), size=9, colour=MUTED)
    rows = [(d.team, d.name, whole(d.gap), d.highest, d.lowest) for d in summary.differences]
    doc.grid((_("Team"), _("Principle"), _("Difference"), _("Highest"), _("Lowest")), rows, (36, 40, 22, 38, 38),
             ("LEFT", "LEFT", "RIGHT", "LEFT", "LEFT"))


def render_organisation_pdf(summary: OrganisationSummary, *, heatmap_png: bytes | None = None,
                            radar_pngs: Sequence[bytes | None] = (), trend_png: bytes | None = None) -> bytes:
    """PDF bytes of the organisation summary, with whichever chart images are given."""
    doc = _document(summary)
    try:
        doc.add_page()
        _title_block(doc, summary)
        _team_table(doc, summary)
        if summary.shown_teams:
            if heatmap_png is not None:
                _image(doc, _("Teams and principles"), heatmap_png, 120)
            _principle_table(doc, summary)
            _averages(doc, summary)
            if radar_pngs:
                _radars(doc, summary, radar_pngs)
            _trend(doc, summary, trend_png)
            _differences(doc, summary)
        doc.heading(_("How the figures are worked out"), space=30)
        for text in summary.method:
            doc.paragraph(printable(text), size=9.5)
        return bytes(doc.output())
    except (FPDFException, ValueError, RuntimeError) as exc:
        raise report_error("PDF", "a report that can be laid out", f"{type(exc).__name__}: {exc}",
                           hint="Shorten very long team names and try again.") from exc


def build_organisation_pdf(summary: OrganisationSummary) -> bytes:
    """PDF bytes of the organisation summary with its charts drawn in (the same specs as on screen)."""
    from reports import charts, org_charts
    from reports.images import chart_png

    if not summary.shown_teams:
        return render_organisation_pdf(summary)
    short = short_principles(summary.principles)
    radars = [chart_png(charts.radar_spec(radar_series(team, summary.principles), short, size=RADAR_SIZE))
              if team.shown else None for team in summary.teams]
    trend = chart_png(org_charts.trend_chart(summary, width=480)) if summary.trend else None
    return render_organisation_pdf(summary, heatmap_png=chart_png(org_charts.heatmap_chart(summary, width=520)),
                                   radar_pngs=radars, trend_png=trend)
