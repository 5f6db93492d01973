"""Results sections shared by the self-assessment results and the facilitator views."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

import scoring
from questions.schema import Bank
from reports import charts
from ui.context import md


@dataclass(frozen=True)
class Earlier:
    """An earlier assessment's answers, for the trend and the baseline polygon."""

    label: str
    date: dt.date
    responses: pd.DataFrame
    threshold: int  # its own anonymity threshold: it is scored at the stricter of this and the current one


def principle_pairs(bank: Bank) -> list[tuple[str, str]]:
    """(id, name) of every principle, in bank order, for the radar."""
    return [(p.id, p.name) for p in bank.principles]


def _series(result: scoring.GroupResult, label_current: str = "Current") -> pd.DataFrame:
    """Current and target polygons from a group result."""
    frame = result.principles
    current = pd.DataFrame({"series": label_current, "principle": frame["principle"], "score": frame["score"]})
    target = pd.DataFrame({"series": "Target", "principle": frame["principle"], "score": frame["target"]})
    return pd.concat([current, target.dropna(subset=["score"])], ignore_index=True)


def show_chart(chart: alt.Chart | alt.LayerChart | dict[str, Any], description: str, key: str) -> None:
    """A chart at its own size (never stretched) with its text alternative for screen readers."""
    if isinstance(chart, dict):
        st.vega_lite_chart(spec=chart, width="content", theme=None, key=key, alt=description)
    else:
        st.altair_chart(chart, width="content", theme=None, key=key, alt=description)
    with st.expander("Chart as text"):
        st.text(description)


def show_radar(series: pd.DataFrame, bank: Bank, key: str) -> None:
    """The radar by principle with its text alternative."""
    pairs = principle_pairs(bank)
    # The dict spec reuses the radar's geometry between refreshes; radar_chart builds it every time.
    show_chart(charts.radar_spec(series, pairs), charts.text_alternative_radar(series, pairs), key)


def _statement_table(bank: Bank, frame: pd.DataFrame, value_column: str, value_label: str) -> pd.DataFrame:
    """Readable rows for a statement-level list."""
    rows = []
    for record in frame.to_dict("records"):
        statement = bank.statement(str(record["statement"]))
        rows.append({
            "Principle": bank.principle(statement.principle_id).name,
            "From": statement.from_text,
            "To": statement.to_text,
            value_label: record[value_column],
        })
    return pd.DataFrame(rows)


def score_earlier(item: Earlier, bank: Bank, threshold: int) -> scoring.GroupResult:
    """An earlier assessment's scores at the stricter of its own threshold and the current one."""
    return scoring.score_group(item.responses, bank, threshold=max(item.threshold, threshold))


def render_results(
    bank: Bank, responses: pd.DataFrame, threshold: int, earlier: list[Earlier] | None = None,
    taken_on: dt.date | None = None,
) -> scoring.GroupResult:
    """Every results section for one assessment; nothing individual below the threshold."""
    result = scoring.score_group(responses, bank, threshold=threshold)
    for note in result.notes:
        st.info(md(note))
    if result.withheld:
        st.warning(
            f"Results appear once at least {threshold} people have answered "
            f"(so far: {result.n_respondents}). This keeps everyone's answers anonymous."
        )
        return result
    earlier = earlier or []
    band = f" · {md(result.overall_band)}" if result.overall_band else ""
    st.metric("Overall score (0-100)", f"{result.overall_score:.0f}" if result.overall_score is not None else "-")
    st.caption(f"{result.n_respondents} {'respondent' if result.n_respondents == 1 else 'respondents'}{band}")

    series = _series(result)
    # The baseline is the latest earlier assessment with enough answers to show.
    scored_earlier = [(item, score_earlier(item, bank, threshold)) for item in earlier]
    shown_earlier = [(item, scored) for item, scored in scored_earlier if not scored.withheld]
    if shown_earlier:
        base_item, base = shown_earlier[-1]
        series = pd.concat([series, pd.DataFrame({
            "series": f"Baseline: {base_item.label}",
            "principle": base.principles["principle"],
            "score": base.principles["score"],
        })], ignore_index=True)
    tabs = st.tabs(["Radar", "Perspectives", "Statements", "Trend"])
    with tabs[0]:
        show_radar(series, bank, key="radar_main")
        table = result.principles.rename(columns={
            "name": "Principle", "score": "Score", "target": "Target", "gap": "Gap",
            "spread": "Spread", "n": "Respondents", "dont_know": "Don't know", "band": "Level",
        })
        table["Level"] = table["Level"].fillna("not shown (too few answers)")
        for column in ("Score", "Target", "Gap", "Spread"):
            # Text, so a missing number reads as a dash rather than "None".
            table[column] = [("–" if pd.isna(v) else f"{v:+.0f}" if column == "Gap" else f"{v:.0f}") for v in table[column]]
        st.dataframe(
            table[["Principle", "Score", "Level", "Target", "Gap", "Spread", "Respondents", "Don't know"]],
            hide_index=True,
        )
        left, middle, right = st.columns(3)
        with left:
            st.markdown("**Strongest practice**")
            for row in scoring.strengths(result).to_dict("records"):
                st.markdown(f"- {md(bank.statement(row['statement']).to_text)} ({row['mean']:.1f}/4)")
        with middle:
            st.markdown("**Where to develop**")
            for row in scoring.development_areas(result).to_dict("records"):
                st.markdown(f"- {md(bank.statement(row['statement']).to_text)} ({row['mean']:.1f}/4)")
        with right:
            st.markdown("**Where people disagree**")
            if result.n_respondents < 2:
                st.caption("Disagreements show once more than one person has answered.")
            for row in (scoring.hot_spots(result) if result.n_respondents > 1 else result.statements.iloc[0:0]).to_dict("records"):
                st.markdown(f"- {md(bank.statement(row['statement']).to_text)} (agreement {row['agreement']:.0%})")
    with tabs[1]:
        persp = scoring.score_perspectives(responses, bank, threshold=threshold)
        for note in persp.notes:
            st.info(md(note))
        if persp.scores.empty:
            st.write("No perspective has enough respondents to be shown on its own.")
        else:
            pseries = persp.scores.rename(columns={"label": "series"})[["series", "principle", "score"]]
            show_radar(pseries, bank, key="radar_perspectives")
            if not persp.gaps.empty:
                st.markdown("**Where perspectives differ most**")
                gaps = persp.gaps.sort_values("max_gap", ascending=False)
                st.dataframe(pd.DataFrame({
                    "Principle": gaps["name"],
                    "Gap (points)": [f"{v:.0f}" for v in gaps["max_gap"]],
                    "Highest": gaps["highest_label"],
                    "Lowest": gaps["lowest_label"],
                }), hide_index=True)
    with tabs[2]:
        detail = _statement_table(bank, result.statements, "mean", "Mean (0-4)")
        detail["Mean (0-4)"] = ["–" if pd.isna(v) else f"{v:.1f}" for v in detail["Mean (0-4)"]]
        detail["Agreement"] = result.statements["agreement"].to_numpy() * 100
        detail["Answers"] = result.statements["n"].to_numpy()
        detail["Don't know"] = result.statements["dont_know"].to_numpy()
        # Numbers before the long From/To texts, so they are never scrolled off a laptop screen.
        st.dataframe(detail, hide_index=True,
                     column_order=["Principle", "Mean (0-4)", "Agreement", "Answers", "Don't know", "From", "To"],
                     column_config={
                         # Whole percents: "29%", not "29.29%".
                         "Agreement": st.column_config.ProgressColumn(min_value=0.0, max_value=100.0, format="%.0f%%"),
                         "From": st.column_config.TextColumn(width="large"),
                         "To": st.column_config.TextColumn(width="large"),
                     })
    with tabs[3]:
        if not earlier:
            st.write("The trend appears once the team has an earlier assessment with the same bank.")
        else:
            rows = []
            this = Earlier("This assessment", taken_on or dt.date.today(), responses, threshold)
            for item, scored in [*shown_earlier, (this, result)]:
                for rec in scored.principles.to_dict("records"):
                    rows.append({"assessment": item.label, "date": item.date, "name": rec["name"], "score": rec["score"]})
            trend = pd.DataFrame(rows)
            show_chart(charts.trend_chart(trend), charts.text_alternative_trend(trend), "trend")
            hidden = len(scored_earlier) - len(shown_earlier)
            if hidden:
                st.caption(f"{hidden} earlier {'assessment had' if hidden == 1 else 'assessments had'} too few "
                           "respondents to show, so they are not in the trend.")
            if not shown_earlier:
                return result
            st.markdown(f"**Change since {md(base_item.label)}**")
            change = scoring.compare_results(base, result).principles
            st.dataframe(pd.DataFrame({
                "Principle": change["name"],
                "Then": ["–" if pd.isna(v) else f"{v:.0f}" for v in change["baseline"]],
                "Now": ["–" if pd.isna(v) else f"{v:.0f}" for v in change["latest"]],
                # The difference of the numbers as shown, so "58, 92" never reads "+33" (the PDF does the same).
                "Change": ["–" if pd.isna(a) or pd.isna(b) else f"{round(b) - round(a):+d}".replace("+0", "0")
                           for a, b in zip(change["baseline"], change["latest"])],
            }), hide_index=True)
    return result
