"""The report model: everything a report shows, built by one pure function."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

import pandas as pd

from questions.schema import Bank
from reports.method import method_paragraphs
from reports.parts import (
    ActionRow,
    AgreedRow,
    Change,
    Fact,
    Highlight,
    PerspectiveGap,
    PerspectiveScore,
    PrincipleRow,
    Report,
)
from scoring import (
    GroupResult,
    PerspectiveResult,
    compare_results,
    development_areas,
    hot_spots,
    score_group,
    score_perspectives,
    strengths,
)

__all__ = ["CLOSED_STATUSES", "ActionRow", "AgreedRow", "Change", "Fact", "Highlight", "PerspectiveGap", "PerspectiveScore",
           "PrincipleRow", "Report", "build_report", "format_date", "still_open"]

EMPTY_RADAR = pd.DataFrame({"series": pd.Series(dtype=str), "principle": pd.Series(dtype=str),
                            "score": pd.Series(dtype=float)})


def format_date(value: date | datetime) -> str:
    """A date as people write it: 23 November 2026."""
    return f"{value.day} {value:%B %Y}"


def _number(value: Any) -> float | None:
    """A float, or None for missing/NaN values."""
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _field(item: Any, *names: str, default: Any = "") -> Any:
    """The first present field of a mapping or record, so storage dataclasses work too."""
    for name in names:
        if isinstance(item, Mapping) and name in item:
            return item[name]
        if not isinstance(item, Mapping) and hasattr(item, name):
            return getattr(item, name)
    return default


def _text(value: Any) -> str:
    """User text as a string; None and NaN become empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def _principle_name(bank: Bank, principle_id: str) -> str:
    """The principle's name, or the id itself if the bank no longer has it."""
    try:
        return bank.principle(principle_id).name
    except KeyError:
        return principle_id


def _fewer(threshold: int) -> str:
    """The phrase that replaces a count too small to show."""
    return f"fewer than {threshold}"


def _respondent_facts(result: GroupResult, perspectives: PerspectiveResult) -> list[Fact]:
    """Respondents in total and per shown perspective group; small groups only ever appear merged."""
    threshold = result.threshold
    if result.withheld:
        return [Fact("Respondents", _fewer(threshold))]
    facts = [Fact("Respondents", str(result.n_respondents))]
    # The same groups as the perspective scores, so no count can be worked out by subtraction.
    sizes = perspectives.groups.dropna(subset=["shown_as"]).groupby("shown_as", sort=False)["n"].sum()
    labels = dict(zip(perspectives.scores["perspective"], perspectives.scores["label"]))
    for group, size in sizes.items():
        facts.append(Fact(labels.get(str(group), str(group)), str(int(size))))
    return facts


def _principle_rows(result: GroupResult) -> tuple[PrincipleRow, ...]:
    """Principle rows from the group result."""
    return tuple(
        PrincipleRow(principle=str(r["principle"]), name=str(r["name"]), score=_number(r["score"]),
                     band=None if pd.isna(r["band"]) else str(r["band"]), target=_number(r["target"]),
                     gap=_number(r["gap"]), spread=_number(r["spread"]), n=int(r["n"]))
        for r in result.principles.to_dict("records"))


def _highlights(frame: pd.DataFrame, result: GroupResult, bank: Bank) -> tuple[Highlight, ...]:
    """Statement highlights (strengths, development areas, hot spots) with From/To texts and targets."""
    targets = result.statements.set_index("statement")["target_mean"]
    low, high = bank.scale.min, bank.scale.max
    rows = []
    for r in frame.to_dict("records"):
        sid = str(r["statement"])
        statement = bank.statement(sid)
        score = _number(r["score"])
        aim = _number(targets.get(sid))
        # Statement targets come on the answer scale; put them on 0-100 like the scores.
        target = None if aim is None else (aim - low) / (high - low) * 100
        gap = None if target is None or score is None else target - score
        rows.append(Highlight(principle=statement.principle_id,
                              principle_name=_principle_name(bank, statement.principle_id), statement=sid,
                              from_text=statement.from_text, to_text=statement.to_text, score=score,
                              target=target, gap=gap, agreement=_number(r.get("agreement"))))
    return tuple(rows)


def _perspectives(result: PerspectiveResult, bank: Bank,
                  threshold: int) -> tuple[tuple[PerspectiveScore, ...], tuple[PerspectiveGap, ...]]:
    """Perspective scores and gaps; score_perspectives merges or withholds small groups."""
    # A perspective's principle score resting on fewer than `threshold` people is blanked too.
    scores = tuple(
        PerspectiveScore(perspective=str(r["perspective"]), label=str(r["label"]), principle=str(r["principle"]),
                         name=_principle_name(bank, str(r["principle"])),
                         score=_number(r["score"]) if int(r["n"]) >= threshold else None, n=int(r["n"]))
        for r in result.scores.to_dict("records"))
    gaps = tuple(
        PerspectiveGap(principle=str(r["principle"]), name=_principle_name(bank, str(r["principle"])),
                       max_gap=_number(r["max_gap"]), highest=_text(r.get("highest_label", r["highest"])),
                       lowest=_text(r.get("lowest_label", r["lowest"])))
        for r in result.gaps.to_dict("records") if _number(r["max_gap"]) is not None)
    return scores, gaps


def _radar(result: GroupResult, baseline: GroupResult | None, baseline_series: str) -> pd.DataFrame:
    """Series frame for the radar: Current and Target, plus the baseline when there is one."""
    p = result.principles
    parts = [pd.DataFrame({"series": "Current", "principle": p["principle"], "score": p["score"]}),
             pd.DataFrame({"series": "Target", "principle": p["principle"], "score": p["target"]})]
    if baseline is not None:
        b = baseline.principles
        parts.append(pd.DataFrame({"series": baseline_series, "principle": b["principle"], "score": b["score"]}))
    return pd.concat(parts, ignore_index=True)


def _actions(actions: Sequence[Any], bank: Bank) -> tuple[ActionRow, ...]:
    """Action plan rows, text kept exactly as entered."""
    rows = []
    for action in actions:
        principle = _text(_field(action, "principle"))
        due = _field(action, "due_date", "due", default=None)
        due_text = format_date(due) if isinstance(due, date) else _text(due)
        rows.append(ActionRow(principle=principle, principle_name=_principle_name(bank, principle) if principle else "",
                              description=_text(_field(action, "description")), owner=_text(_field(action, "owner")),
                              due=due_text, status=_text(_field(action, "status"))))
    return tuple(rows)


CLOSED_STATUSES = ("done", "dropped")


def still_open(actions: Sequence[Any]) -> list[Any]:
    """Actions neither done nor dropped."""
    return [action for action in actions if _text(_field(action, "status")).strip().lower() not in CLOSED_STATUSES]


def _agreed(agreed: Mapping[str, Any], bank: Bank) -> tuple[AgreedRow, ...]:
    """Agreed ratings in bank order; ratings for statements no longer in the bank are left out."""
    labels = {level.value: level.label for level in bank.scale.levels}
    rows = []
    for statement in bank.statements:
        if statement.id not in agreed:
            continue
        item = agreed[statement.id]
        raw = _number(_field(item, "rating", default=None))
        rating = None if raw is None else int(raw)
        label = bank.scale.dont_know_label if rating is None else f"{rating} {labels.get(rating, '')}".strip()
        rows.append(AgreedRow(statement=statement.id, principle_name=_principle_name(bank, statement.principle_id),
                              from_text=statement.from_text, to_text=statement.to_text, rating=rating,
                              rating_label=label, notes=_text(_field(item, "notes", "note"))))
    return tuple(rows)


def build_report(*, bank: Bank, organisation: str, team: str, title: str, assessment_date: date,
                 responses: pd.DataFrame, threshold: int = 3, baseline_responses: pd.DataFrame | None = None,
                 baseline_label: str | None = None, baseline_threshold: int | None = None, actions: Sequence[Any] = (),
                 baseline_actions: Sequence[Any] = (),
                 agreed: Mapping[str, Any] = MappingProxyType({}), generated_at: datetime) -> Report:
    """The report model for one assessment; scores are withheld below the anonymity threshold.

    The baseline is scored at the stricter of its own threshold and this one: a one-person
    session must not show through a later assessment that needs fewer people.
    """
    result = score_group(responses, bank, threshold=threshold)
    withheld = result.withheld
    # A report built from a CSV may name no organisation or team: leave those rows out, not blank.
    facts = [Fact(label, value) for label, value in (("Organisation", organisation), ("Team", team)) if value.strip()]
    facts += [Fact("Question set", f"{bank.title} (version {bank.version})"),
             Fact("Assessment date", format_date(assessment_date)), Fact("Report generated", format_date(generated_at))]
    # Scored once: the respondent counts and the perspective section must use the same groups.
    perspectives = score_perspectives(responses, bank, threshold=threshold)
    facts += _respondent_facts(result, perspectives)
    notes: list[str] = []
    series_name = f"Baseline {baseline_label}" if baseline_label else "Baseline"
    baseline: GroupResult | None = None
    changes: tuple[Change, ...] = ()
    if baseline_responses is not None and not withheld:
        strictest = max(threshold, baseline_threshold or threshold)
        baseline = score_group(baseline_responses, bank, threshold=strictest)
        if baseline.withheld:
            notes.append(f"The baseline had {_fewer(strictest)} respondents, so no change since then is shown.")
            baseline = None
        else:
            changes = tuple(
                Change(principle=str(r["principle"]), name=str(r["name"]), baseline=_number(r["baseline"]),
                       latest=_number(r["latest"]), change=_number(r["change"]))
                for r in compare_results(baseline, result).principles.to_dict("records"))
    principles = tuple((p.id, p.name) for p in bank.principles)
    common: dict[str, Any] = dict(title=title, organisation=organisation, team=team, bank_title=bank.title,
                  bank_version=bank.version, assessment_date=format_date(assessment_date),
                  generated_at=format_date(generated_at), threshold=threshold, principles=principles,
                  baseline_label=baseline_label, actions=_actions(actions, bank),
                  carried_actions=_actions(still_open(baseline_actions), bank),
                  method=method_paragraphs(bank, threshold))
    if withheld:
        # Below the threshold nothing derived from answers may appear: no scores, no statements.
        message = (f"Fewer than {threshold} people have answered, so no results are shown, to protect "
                   f"their anonymity. Results appear once at least {threshold} people have answered.")
        return Report(**common, facts=tuple(facts), withheld=message, notes=tuple(notes), overall_score=None,
                      overall_band=None, radar=EMPTY_RADAR.copy(), principle_rows=(), strengths=(),
                      development_areas=(), hot_spots=(), perspective_scores=(), perspective_gaps=(),
                      changes=(), agreed=())
    notes = list(result.notes) + notes
    perspective_scores, perspective_gaps = _perspectives(perspectives, bank, threshold)
    return Report(**common, facts=tuple(facts), withheld=None, notes=tuple(notes),
                  overall_score=_number(result.overall_score), overall_band=result.overall_band,
                  radar=_radar(result, baseline, series_name), principle_rows=_principle_rows(result),
                  strengths=_highlights(strengths(result), result, bank),
                  development_areas=_highlights(development_areas(result), result, bank),
                  hot_spots=_highlights(hot_spots(result), result, bank), perspective_scores=perspective_scores,
                  perspective_gaps=perspective_gaps, changes=changes, agreed=_agreed(agreed, bank))
