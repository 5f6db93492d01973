"""Altair charts of the manager's view: the teams x principles heat map and the organisation's trend."""

from __future__ import annotations

from typing import Final

import altair as alt
import pandas as pd

from reports.charts import FONT, GRID_COLOUR, PALETTE, TEXT_COLOUR, wrap_label
from reports.formatting import DASH, whole
from reports.organisation import OVERALL, OrganisationSummary

# Sequential single-hue blues (colour-blind safe, prints in greyscale); numbers turn white on the dark end.
HEAT_SCHEME: Final = "blues"
LIGHT_TEXT_FROM = 60
HIDDEN_FILL = "#f2f2f2"
ROW_HEIGHT = 34
# Below this plot width (pixels) the column labels are slanted instead of wrapped.
NARROW = 480


def heatmap_frame(summary: OrganisationSummary) -> pd.DataFrame:
    """One row per team x principle: the score where shown (else None) and the text on the cell."""
    rows = []
    for order, team in enumerate(summary.teams):
        for (pid, name), score in zip(summary.principles, team.scores):
            rows.append({"team": team.team, "team_order": order, "principle": pid, "name": name,
                         "label": wrap_label(name, 14, 3), "score": score,
                         "text": whole(score) if score is not None else DASH,
                         "light": score is not None and score >= LIGHT_TEXT_FROM})
    return pd.DataFrame(rows, columns=["team", "team_order", "principle", "name", "label", "score", "text", "light"])


def heatmap_chart(summary: OrganisationSummary, width: int | str = "container") -> alt.LayerChart:
    """Teams (rows) x principles (columns), each cell coloured by score with its number; a dash where hidden."""
    frame = heatmap_frame(summary)
    teams = list(dict.fromkeys(frame["team"].tolist()))
    labels = list(dict.fromkeys(frame["label"].tolist()))
    # Wrapped names under each column; on a narrow screen (a phone) one slanted line each instead.
    narrow = f"width < {NARROW}"
    x = alt.X("label:N", sort=labels, title=None, axis=alt.Axis(
        orient="bottom", labelExpr=f"{narrow} ? join(split(datum.label, '\\n'), ' ') : split(datum.label, '\\n')",
        labelAngle=alt.ExprRef(f"{narrow} ? -40 : 0"), labelAlign=alt.ExprRef(f"{narrow} ? 'right' : 'center'"),
        labelBaseline=alt.ExprRef(f"{narrow} ? 'middle' : 'top'"), labelLimit=180, labelFontSize=11,
        labelColor=TEXT_COLOUR, ticks=False, domain=False, labelPadding=6))
    y = alt.Y("team:N", sort=teams, title=None,
              axis=alt.Axis(labelLimit=alt.ExprRef(f"{narrow} ? 130 : 240"), labelFontSize=12, labelColor=TEXT_COLOUR,
                            ticks=False, domain=False))
    base = alt.Chart(frame).encode(x=x, y=y)
    tooltip = [alt.Tooltip("team:N", title="Team"), alt.Tooltip("name:N", title="Principle"),
               alt.Tooltip("text:N", title="Score")]
    empty = base.mark_rect(fill=HIDDEN_FILL, stroke="white", strokeWidth=2).encode(tooltip=tooltip)
    cells = base.transform_filter("isValid(datum.score)").mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color("score:Q", scale=alt.Scale(scheme=HEAT_SCHEME, domain=[0, 100]),
                        legend=alt.Legend(title="Score (0-100)", orient="bottom", gradientLength=160,
                                          titleFontSize=11, labelFontSize=10)),
        tooltip=tooltip)
    numbers = base.mark_text(fontSize=13, fontWeight="bold").encode(
        text="text:N", color=alt.condition("datum.light", alt.value("white"), alt.value(TEXT_COLOUR)))
    chart: alt.LayerChart = alt.layer(empty, cells, numbers).properties(
        width=width, height=ROW_HEIGHT * max(len(teams), 1),
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding") if width == "container" else
        alt.AutoSizeParams(type="pad"),
    ).configure(background="white", font=FONT).configure_view(strokeWidth=0)
    return chart


def text_alternative_heatmap(summary: OrganisationSummary) -> str:
    """The heat map read aloud: one line per team."""
    lines = []
    for team in summary.teams:
        if not team.shown:
            lines.append(f"{team.team}: {team.status}")
            continue
        parts = [f"{name} {whole(score) if score is not None else 'not shown'}"
                 for (_, name), score in zip(summary.principles, team.scores)]
        lines.append(f"{team.team}: " + ", ".join(parts))
    return "\n".join(lines)


def trend_frame(summary: OrganisationSummary) -> pd.DataFrame:
    """The trend points: period, start, series, score, teams."""
    return pd.DataFrame([{"period": p.period, "start": p.start.isoformat(), "series": p.series, "score": p.score,
                          "teams": p.teams} for p in summary.trend],
                        columns=["period", "start", "series", "score", "teams"])


def trend_chart(summary: OrganisationSummary, width: int | str = "container") -> alt.LayerChart:
    """The organisation's average per quarter: overall (thick, black) and each principle."""
    frame = trend_frame(summary)
    series = [OVERALL, *[name for _, name in summary.principles if name in set(frame["series"])]]
    colours = ["#000000", *[PALETTE[i % (len(PALETTE) - 1)] for i in range(len(series) - 1)]]
    periods = list(dict.fromkeys(frame.sort_values("start", kind="stable")["period"].tolist()))
    colour = alt.Color("series:N", title=None, sort=series, scale=alt.Scale(domain=series, range=colours),
                       legend=alt.Legend(orient="bottom", columns=1, labelLimit=260, labelFontSize=11))
    base = alt.Chart(frame).encode(
        x=alt.X("period:O", title="Quarter", sort=periods, axis=alt.Axis(labelAngle=0, labelLimit=120)),
        y=alt.Y("score:Q", title="Average score (0-100)", scale=alt.Scale(domain=[0, 100])),
        color=colour)
    tooltip = [alt.Tooltip("period:N", title="Quarter"), alt.Tooltip("series:N", title="Score"),
               alt.Tooltip("score:Q", title="Average", format=".0f"), alt.Tooltip("teams:Q", title="Teams")]
    lines = base.mark_line(strokeWidth=2).encode(
        strokeWidth=alt.condition(f"datum.series == '{OVERALL}'", alt.value(4), alt.value(2)))
    dots = base.mark_point(filled=True, size=50, opacity=1).encode(tooltip=tooltip)
    chart: alt.LayerChart = alt.layer(lines, dots).properties(
        width=width, height=280,
        autosize=alt.AutoSizeParams(type="fit-x", contains="padding") if width == "container" else
        alt.AutoSizeParams(type="pad"),
    ).configure(background="white", font=FONT).configure_axis(gridColor=GRID_COLOUR)
    return chart


def text_alternative_trend(summary: OrganisationSummary) -> str:
    """The trend read aloud: one line per series, quarter by quarter."""
    frame = trend_frame(summary)
    lines = []
    for name, part in frame.sort_values("start", kind="stable").groupby("series", sort=False):
        steps = [f"{period} {whole(float(score))} ({teams} {'team' if teams == 1 else 'teams'})"
                 for period, score, teams in zip(part["period"], part["score"], part["teams"])]
        lines.append(f"{name}: " + ", ".join(steps))
    return "\n".join(lines)
