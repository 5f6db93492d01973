"""Drawing the results model: the sections the results page and the facilitator view share."""

from __future__ import annotations

import html
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from i18n import _, ngettext
from questions.schema import Bank
from reports import charts
from reports.formatting import (
    DASH,
    DISAGREE,
    OVERALL_SCORE,
    PERSPECTIVES_DIFFER,
    STRONGEST,
    TO_DEVELOP,
    percent,
    signed,
    whole,
)
from reports.rules import shown_change
from reports.parts import Highlight, Results, StatementRow
from services.facilitation import perspective_series, spread
from ui.context import md


# The results page's radar: square, its labels inside, sized so that a phone (390 px, 358 px of content)
# shows it at nearly its own size; the style below scales it to the container when that is narrower.
RADAR_SIZE = 400
RADAR_FONT = 13
# Charts never wider than their container (a phone): Vega's SVG keeps its viewBox, so it scales down whole.
CHART_STYLE = """<style>
[data-testid="stVegaLiteChart"] { max-width: 100%; }
[data-testid="stVegaLiteChart"] svg.marks { max-width: 100%; height: auto; }
/* The radars are drawn for a phone; on a wider screen they grow (SVG stays sharp), text and all. */
[class*="st-key-copro-radar"] svg.marks { width: 540px; }
/* Streamlit indents lists and definition lists: the cards start at the edge like every other element. */
ul.copro-cards { list-style: none; padding: 0 !important; margin: 4px 0 12px 0 !important; display: grid;
  grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 12px; }
.copro-card { margin: 0 !important; border: 1px solid #d4d4d4; border-radius: 8px; padding: 10px 14px;
  line-height: 1.4; }
.copro-table { overflow-x: auto; margin: 4px 0 12px 0; }
.copro-table table { border-collapse: collapse; font-size: 0.95rem; }
.copro-table th, .copro-table td { border-bottom: 1px solid #e0e0e0; padding: 6px 10px; vertical-align: top; }
.copro-table th { text-align: left; font-weight: 600; background: #f6f7f9; }
.copro-table td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.copro-card .head { font-weight: 700; margin: 0 0 4px 0; }
.copro-card .from { color: #4a4a4a; margin: 0 0 6px 0; }
.copro-card .principle { color: #4a4a4a; font-size: 0.9em; margin: 0 0 6px 0; }
.copro-card dl { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0 !important; padding: 0 !important; }
.copro-card dl div { display: flex; gap: 4px; }
.copro-card dt { color: #4a4a4a; font-weight: 400; }
.copro-card dd { margin: 0; font-weight: 700; }
</style>"""


def fit_charts() -> None:
    """Style charts to fit their container and the statement cards (a style element takes no space)."""
    st.html(CHART_STYLE)


def show_chart(chart: alt.Chart | alt.LayerChart | dict[str, Any], description: str, key: str,
               stretch: bool = False) -> None:
    """A chart at its own size, or as wide as its container (`stretch`), with its text alternative."""
    fit_charts()
    if stretch:
        spec = chart if isinstance(chart, dict) else chart.to_dict()
        # Streamlit gives the chart the container's width; fit-x keeps the axes and legend inside it.
        spec = {**spec, "autosize": {"type": "fit-x", "contains": "padding"}}
        st.vega_lite_chart(spec=spec, width="stretch", theme=None, key=key, alt=description)
    elif isinstance(chart, dict):
        st.vega_lite_chart(spec=chart, width="content", theme=None, key=key, alt=description)
    else:
        st.altair_chart(chart, width="content", theme=None, key=key, alt=description)
    with st.expander(_("Chart as text")):
        st.text(description)


def show_radar(series: pd.DataFrame, principles: tuple[tuple[str, str], ...], key: str) -> None:
    """The radar by principle, square with its labels inside, and its text alternative."""
    # The dict spec reuses the radar's geometry between refreshes; the keyed box carries the radar's style.
    with st.container(key=f"copro-radar-{key}"):
        show_chart(charts.radar_spec(series, principles, size=RADAR_SIZE, font=RADAR_FONT, square=True),
                   charts.text_alternative_radar(series, principles), key)


def show_distribution(results: Results, bank: Bank, statement_ids: list[str], key: str) -> None:
    """The spread of answers of some statements, in the order given."""
    chart = spread(results, bank, statement_ids)
    show_chart(chart.spec, chart.text, key)


def _highlight_list(items: tuple[Highlight, ...], agreement: bool) -> None:
    """A short list of statements with their score or agreement."""
    for item in items:
        value = (_("agreement {percent}").format(percent=percent(item.agreement)) if agreement
                 else _("{score} of 100").format(score=whole(item.score)))
        st.markdown(f"- **{item.number}.** {md(item.to_text)} ({value})")


def html_table(columns: dict[str, list[object]], caption: str) -> None:
    """A small table as plain HTML: no data-grid code to load, text wraps, a narrow screen scrolls only the table."""
    names = list(columns)
    head = "".join(f'<th scope="col">{html.escape(name)}</th>' for name in names)
    numeric = {name for name in names
               if all(isinstance(v, int | float) or str(v) in (DASH, "") or str(v).lstrip("+-").isdigit()
                      for v in columns[name])}
    body = "".join(
        "<tr>" + "".join(f'<td class="{"num" if name in numeric else "text"}">{html.escape(str(columns[name][i]))}</td>'
                         for name in names) + "</tr>"
        for i in range(len(columns[names[0]]) if names else 0))
    st.html(f'<div class="copro-table" role="region" aria-label="{html.escape(caption)}" tabindex="0"><table>'
            f'<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>')


def _principle_table(results: Results) -> None:
    """Scores by principle; a dash where too few people answered."""
    html_table({
        _("Principle"): [r.name for r in results.principle_rows],
        _("Score"): [whole(r.score) for r in results.principle_rows],
        _("Level"): [r.band or _("not shown (too few answers)") for r in results.principle_rows],
        _("Target"): [whole(r.target) for r in results.principle_rows],
        _("Gap"): [signed(shown_change(r.score, r.target)) for r in results.principle_rows],
        _("Spread"): [whole(r.spread) for r in results.principle_rows],
        _("Respondents"): [r.n for r in results.principle_rows],
        _("Don't know"): [r.dont_know for r in results.principle_rows],
    }, _("Scores by principle"))


def _radar_tab(results: Results) -> None:
    """The radar, the principle table and the three short lists."""
    show_radar(results.radar, results.principles, key="radar_main")
    _principle_table(results)
    left, middle, right = st.columns(3)
    with left:
        st.markdown(f"**{_(STRONGEST)}**")
        _highlight_list(results.strengths, agreement=False)
    with middle:
        st.markdown(f"**{_(TO_DEVELOP)}**")
        _highlight_list(results.development_areas, agreement=False)
    with right:
        st.markdown(f"**{_(DISAGREE)}**")
        if not results.hot_spots:
            st.caption(_("Disagreements show once more than one person has answered."))
        _highlight_list(results.hot_spots, agreement=True)


def _perspectives_tab(results: Results) -> None:
    """Scores by perspective group and where the groups differ most."""
    for note in results.perspective_notes:
        st.info(md(note))
    series = perspective_series(results)
    if series.empty:
        st.write(_("No perspective has enough respondents to be shown on its own."))
        return
    show_radar(series, results.principles, key="radar_perspectives")
    if results.perspective_gaps:
        st.markdown(f"**{_(PERSPECTIVES_DIFFER)}**")
        gaps = sorted(results.perspective_gaps, key=lambda g: -(g.max_gap or 0))
        html_table({
            _("Principle"): [g.name for g in gaps], _("Gap (points)"): [whole(g.max_gap) for g in gaps],
            _("Highest"): [g.highest for g in gaps], _("Lowest"): [g.lowest for g in gaps],
        }, _("Where perspectives differ most"))


def statement_card(row: StatementRow) -> str:
    """One statement as an HTML card: number and To wording, From wording, principle, then its numbers."""
    # One unit everywhere (0-100), as in the PDF: no 0-4 mean.
    numbers = [(_("Score"), whole(row.score)),
               (_("Agreement"), percent(row.agreement)), (_("Answers"), str(row.n)),
               (_("Don't know"), str(row.dont_know))]
    shown = "".join(f"<div><dt>{html.escape(name)}</dt><dd>{html.escape(value)}</dd></div>" for name, value in numbers)
    # Bank wording can come from an uploaded file: every piece of text is escaped, never read as markup.
    from_text = _("From: {text}").format(text=row.from_text)
    return (f'<li class="copro-card"><p class="head">{row.number}. {html.escape(row.to_text)}</p>'
            f'<p class="from">{html.escape(from_text)}</p>'
            f'<p class="principle">{html.escape(row.principle_name)}</p><dl>{shown}</dl></li>')


def _statements_tab(results: Results) -> None:
    """Every statement as a card (number, wording, score, agreement, counts): readable on a phone."""
    cards = "".join(statement_card(row) for row in results.statement_rows)
    st.html(f'<ul class="copro-cards" aria-label="{html.escape(_("Statements"))}">{cards}</ul>')


def _trend_tab(results: Results) -> None:
    """Scores over time and the change since the baseline."""
    if not results.trend and not results.earlier_too_few:
        st.write(_("The trend appears once the team has an earlier assessment with the same bank."))
        return
    if results.trend:
        trend = pd.DataFrame({"assessment": [p.session for p in results.trend],
                              "date": [p.taken_on for p in results.trend],
                              "name": [p.name for p in results.trend], "score": [p.score for p in results.trend]})
        show_chart(charts.trend_chart(trend, narrow=True), charts.text_alternative_trend(trend), "trend",
                   stretch=True)
    hidden = results.earlier_too_few
    if hidden:
        st.caption(ngettext("{n} earlier assessment had too few respondents to show, so they are not in the trend.",
                            "{n} earlier assessments had too few respondents to show, so they are not in the trend.",
                            hidden).format(n=hidden))
    if results.baseline is None:
        return
    st.markdown("**" + _("Change since {baseline}").format(baseline=md(results.baseline.label)) + "**")
    html_table({
        _("Principle"): [c.name for c in results.changes],
        _("Then"): [whole(c.baseline) for c in results.changes],
        _("Now"): [whole(c.latest) for c in results.changes],
        _("Change"): [signed(c.change) for c in results.changes],
    }, _("Change since {baseline}").format(baseline=results.baseline.label))


def render_results(results: Results) -> None:
    """Every results section for one session; nothing individual below the threshold."""
    fit_charts()
    for note in results.notes:
        st.info(md(note))
    if results.withheld:
        st.warning(md(results.withheld))
        return
    band = f" · {md(results.overall_band)}" if results.overall_band else ""
    st.metric(_(OVERALL_SCORE), whole(results.overall_score) if results.overall_score is not None else DASH)
    st.caption(ngettext("{n} respondent", "{n} respondents", results.n_respondents).format(
        n=results.n_respondents) + band)
    radar, perspectives, statements, trend = st.tabs([_("Radar"), _("Perspectives"), _("Statements"), _("Trend")])
    with radar:
        _radar_tab(results)
    with perspectives:
        _perspectives_tab(results)
    with statements:
        _statements_tab(results)
    with trend:
        _trend_tab(results)


def note_locked_earlier(results: Results) -> None:
    """Say when earlier workshops are left out of the trend because their key was not given here."""
    locked = results.locked_earlier
    if locked:
        st.caption(ngettext("{n} earlier workshop session is not in the trend: open it with its facilitator key "
                            "in this browser to compare with it.",
                            "{n} earlier workshop sessions are not in the trend: open each one with its facilitator "
                            "key in this browser to compare with it.", locked).format(n=locked))
