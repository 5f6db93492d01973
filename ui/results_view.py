"""Drawing the results model: the sections the results page and the facilitator view share."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from i18n import _, ngettext
from questions.schema import Bank
from reports import charts
from reports.formatting import DASH, one_decimal, percent, signed, whole
from reports.rules import shown_change
from reports.parts import Highlight, Results
from services.facilitation import perspective_series, spread
from ui.context import md


def show_chart(chart: alt.Chart | alt.LayerChart | dict[str, Any], description: str, key: str) -> None:
    """A chart at its own size (never stretched) with its text alternative for screen readers."""
    if isinstance(chart, dict):
        st.vega_lite_chart(spec=chart, width="content", theme=None, key=key, alt=description)
    else:
        st.altair_chart(chart, width="content", theme=None, key=key, alt=description)
    with st.expander(_("Chart as text")):
        st.text(description)


def show_radar(series: pd.DataFrame, principles: tuple[tuple[str, str], ...], key: str) -> None:
    """The radar by principle with its text alternative."""
    # The dict spec reuses the radar's geometry between refreshes.
    show_chart(charts.radar_spec(series, principles), charts.text_alternative_radar(series, principles), key)


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


def _principle_table(results: Results) -> None:
    """Scores by principle; a dash where too few people answered."""
    st.dataframe(pd.DataFrame({
        _("Principle"): [r.name for r in results.principle_rows],
        _("Score"): [whole(r.score) for r in results.principle_rows],
        _("Level"): [r.band or _("not shown (too few answers)") for r in results.principle_rows],
        _("Target"): [whole(r.target) for r in results.principle_rows],
        _("Gap"): [signed(shown_change(r.score, r.target)) for r in results.principle_rows],
        _("Spread"): [whole(r.spread) for r in results.principle_rows],
        _("Respondents"): [r.n for r in results.principle_rows],
        _("Don't know"): [r.dont_know for r in results.principle_rows],
    }), hide_index=True)


def _radar_tab(results: Results) -> None:
    """The radar, the principle table and the three short lists."""
    show_radar(results.radar, results.principles, key="radar_main")
    _principle_table(results)
    left, middle, right = st.columns(3)
    with left:
        st.markdown("**" + _("Strongest practice") + "**")
        _highlight_list(results.strengths, agreement=False)
    with middle:
        st.markdown("**" + _("Where to develop") + "**")
        _highlight_list(results.development_areas, agreement=False)
    with right:
        st.markdown("**" + _("Where people disagree") + "**")
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
        st.markdown("**" + _("Where perspectives differ most") + "**")
        gaps = sorted(results.perspective_gaps, key=lambda g: -(g.max_gap or 0))
        st.dataframe(pd.DataFrame({
            _("Principle"): [g.name for g in gaps], _("Gap (points)"): [whole(g.max_gap) for g in gaps],
            _("Highest"): [g.highest for g in gaps], _("Lowest"): [g.lowest for g in gaps],
        }), hide_index=True)


def _statements_tab(results: Results) -> None:
    """Every statement with its mean, agreement and counts."""
    rows = results.statement_rows
    agreement, from_, to = _("Agreement"), _("From"), _("To")
    st.dataframe(pd.DataFrame({
        _("No."): [r.number for r in rows],
        _("Principle"): [r.principle_name for r in rows],
        _("Score"): [whole(r.score) for r in rows],
        _("Mean (0-4)"): [one_decimal(r.mean) for r in rows],
        agreement: [None if r.agreement is None else r.agreement * 100 for r in rows],
        _("Answers"): [r.n for r in rows],
        _("Don't know"): [r.dont_know for r in rows],
        from_: [r.from_text for r in rows],
        to: [r.to_text for r in rows],
    }), hide_index=True, column_config={
        # Whole percents: "29%", not "29.29%".
        agreement: st.column_config.ProgressColumn(min_value=0.0, max_value=100.0, format="%.0f%%"),
        from_: st.column_config.TextColumn(width="large"),
        to: st.column_config.TextColumn(width="large"),
    })


def _trend_tab(results: Results) -> None:
    """Scores over time and the change since the baseline."""
    if not results.trend and not results.earlier_too_few:
        st.write(_("The trend appears once the team has an earlier assessment with the same bank."))
        return
    if results.trend:
        trend = pd.DataFrame({"assessment": [p.session for p in results.trend],
                              "date": [p.taken_on for p in results.trend],
                              "name": [p.name for p in results.trend], "score": [p.score for p in results.trend]})
        show_chart(charts.trend_chart(trend), charts.text_alternative_trend(trend), "trend")
    hidden = results.earlier_too_few
    if hidden:
        st.caption(ngettext("{n} earlier assessment had too few respondents to show, so they are not in the trend.",
                            "{n} earlier assessments had too few respondents to show, so they are not in the trend.",
                            hidden).format(n=hidden))
    if results.baseline is None:
        return
    st.markdown("**" + _("Change since {baseline}").format(baseline=md(results.baseline.label)) + "**")
    st.dataframe(pd.DataFrame({
        _("Principle"): [c.name for c in results.changes],
        _("Then"): [whole(c.baseline) for c in results.changes],
        _("Now"): [whole(c.latest) for c in results.changes],
        _("Change"): [signed(c.change) for c in results.changes],
    }), hide_index=True)


def render_results(results: Results) -> None:
    """Every results section for one session; nothing individual below the threshold."""
    for note in results.notes:
        st.info(md(note))
    if results.withheld:
        st.warning(md(results.withheld))
        return
    band = f" · {md(results.overall_band)}" if results.overall_band else ""
    st.metric(_("Overall score (0-100)"), whole(results.overall_score) if results.overall_score is not None else DASH)
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
