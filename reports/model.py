"""The results model: one pure function turns a session's stored data into everything any view shows.

The rules that decide what is shown (baseline, the stricter threshold, shown change, still-open actions,
discussion order) live once each in `reports/rules.py`; this module assembles the model from them.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime

import pandas as pd

from domain.records import Action, AgreedRating
from domain.vocabulary import Mode
from i18n import _
from questions.schema import Bank
from reports.formatting import format_date
from reports.method import method_paragraphs
from reports.rules import (
    choose_baseline,
    counted_label,
    discussion_order,
    effective_threshold,
    kept_notes,
    scored_group,
    scored_session,
    session_label,
    shown_change,
    still_open,
)
from reports.parts import (
    ActionRow,
    AgreedRow,
    Baseline,
    Change,
    CommentGroup,
    Fact,
    Highlight,
    PerspectiveGap,
    PerspectiveScore,
    PrincipleRow,
    Results,
    ResultsInput,
    SessionData,
    StatementRow,
    TrendPoint,
)
from scoring import (
    GroupResult,
    PerspectiveResult,
    compare_results,
    development_areas,
    hot_spots,
    shown_comments,
    strengths,
)

RADAR_CURRENT = "Current"
RADAR_TARGET = "Target"
EMPTY_RADAR = pd.DataFrame({"series": pd.Series(dtype=str), "principle": pd.Series(dtype=str),
                            "score": pd.Series(dtype=float)})


def _number(value: object) -> float | None:
    """A float, or None for missing/NaN values."""
    if value is None:
        return None
    try:
        number = float(value)  # type: ignore[arg-type]  # numpy and pandas scalars convert
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _principle_name(bank: Bank, principle_id: str) -> str:
    """The principle's name, or the id itself if the bank no longer has it."""
    try:
        return bank.principle(principle_id).name
    except KeyError:
        return principle_id


def _numbers(bank: Bank) -> dict[str, int]:
    """Statement id -> its 1-based number in the bank, as the answer form shows it."""
    return {sid: number for number, sid in enumerate(bank.statement_ids, start=1)}


def _respondent_facts(result: GroupResult, perspectives: PerspectiveResult) -> list[Fact]:
    """Respondents in total and per shown perspective group; small groups only ever appear merged."""
    facts = [Fact(_("Respondents"), counted_label(result))]
    if result.withheld:
        return facts
    # The same groups as the perspective scores, so no count can be worked out by subtraction.
    sizes = perspectives.groups.dropna(subset=["shown_as"]).groupby("shown_as", sort=False)["n"].sum()
    labels = dict(zip(perspectives.scores["perspective"], perspectives.scores["label"]))
    if len(sizes) > 1:
        # One fact listing the groups, not a row each that reads like a fact of its own.
        facts.append(Fact("By perspective", "; ".join(f"{labels.get(str(group), str(group))}: {int(size)}"
                                                      for group, size in sizes.items())))
    return facts


def _principle_rows(result: GroupResult) -> tuple[PrincipleRow, ...]:
    """Principle rows from the group result."""
    return tuple(
        PrincipleRow(principle=str(r["principle"]), name=str(r["name"]), score=_number(r["score"]),
                     band=None if pd.isna(r["band"]) else str(r["band"]), target=_number(r["target"]),
                     gap=_number(r["gap"]), spread=_number(r["spread"]), n=int(r["n"]),
                     dont_know=int(r["dont_know"]))
        for r in result.principles.to_dict("records"))


def _statement_rows(result: GroupResult, bank: Bank) -> tuple[StatementRow, ...]:
    """Every statement in bank order, with its numbers where enough people answered it."""
    numbers = _numbers(bank)
    found = {str(r["statement"]): r for r in result.statements.to_dict("records")}
    rows = []
    for statement in bank.statements:
        row = found.get(statement.id, {})
        mean = _number(row.get("mean"))
        rows.append(StatementRow(
            statement=statement.id, number=numbers[statement.id], principle=statement.principle_id,
            principle_name=_principle_name(bank, statement.principle_id), from_text=statement.from_text,
            to_text=statement.to_text, shown=mean is not None, score=_number(row.get("score")), mean=mean,
            agreement=_number(row.get("agreement")), n=int(row.get("n", 0)), dont_know=int(row.get("dont_know", 0))))
    return tuple(rows)


def _highlights(frame: pd.DataFrame, result: GroupResult, bank: Bank) -> tuple[Highlight, ...]:
    """Statement highlights (strengths, development areas, hot spots) with From/To texts and targets."""
    targets = result.statements.set_index("statement")["target_mean"]
    low, high = bank.scale.min, bank.scale.max
    numbers = _numbers(bank)
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
                              number=numbers[sid], from_text=statement.from_text, to_text=statement.to_text,
                              score=score, target=target, gap=gap, agreement=_number(r.get("agreement"))))
    return tuple(rows)


def _perspectives(result: PerspectiveResult, bank: Bank,
                  threshold: int) -> tuple[tuple[PerspectiveScore, ...], tuple[PerspectiveGap, ...]]:
    """Perspective scores and gaps; score_perspectives merges or withholds small groups."""
    scores = tuple(
        PerspectiveScore(perspective=str(r["perspective"]), label=str(r["label"]), principle=str(r["principle"]),
                         name=_principle_name(bank, str(r["principle"])),
                         score=_number(r["score"]) if int(r["n"]) >= threshold else None, n=int(r["n"]))
        for r in result.scores.to_dict("records"))
    gaps = tuple(
        PerspectiveGap(principle=str(r["principle"]), name=_principle_name(bank, str(r["principle"])),
                       max_gap=_number(r["max_gap"]), highest=str(r["highest_label"]),
                       lowest=str(r["lowest_label"]))
        for r in result.gaps.to_dict("records") if _number(r["max_gap"]) is not None)
    return scores, gaps


def _radar(result: GroupResult, baseline: GroupResult | None, baseline_series: str) -> pd.DataFrame:
    """Series frame for the radar: Current, Target where shown, and the baseline when there is one."""
    p = result.principles
    parts = [pd.DataFrame({"series": RADAR_CURRENT, "principle": p["principle"], "score": p["score"]})]
    if p["target"].notna().any():
        parts.append(pd.DataFrame({"series": RADAR_TARGET, "principle": p["principle"], "score": p["target"]}))
    if baseline is not None:
        b = baseline.principles
        parts.append(pd.DataFrame({"series": baseline_series, "principle": b["principle"], "score": b["score"]}))
    return pd.concat(parts, ignore_index=True).dropna(subset=["score"]).reset_index(drop=True)


def _actions(actions: Iterable[Action], bank: Bank) -> tuple[ActionRow, ...]:
    """Action plan rows, text kept exactly as entered."""
    return tuple(ActionRow(id=a.id, principle=a.principle, principle_name=_principle_name(bank, a.principle),
                           description=a.description, owner=a.owner, due_date=a.due_date, status=a.status)
                 for a in actions)


def _agreed(agreed: Mapping[str, AgreedRating], bank: Bank) -> tuple[AgreedRow, ...]:
    """Agreed ratings in bank order; ratings for statements no longer in the bank are left out."""
    labels = {level.value: level.label for level in bank.scale.levels}
    numbers = _numbers(bank)
    rows = []
    for statement in bank.statements:
        item = agreed.get(statement.id)
        if item is None:
            continue
        label = bank.scale.dont_know_label if item.rating is None else f"{item.rating} {labels.get(item.rating, '')}"
        rows.append(AgreedRow(statement=statement.id, number=numbers[statement.id],
                              principle_name=_principle_name(bank, statement.principle_id),
                              from_text=statement.from_text, to_text=statement.to_text, rating=item.rating,
                              rating_label=label.strip(), notes=item.notes))
    return tuple(rows)


def _comments(responses: pd.DataFrame, bank: Bank, threshold: int) -> tuple[CommentGroup, ...]:
    """Comments on shown statements, grouped by statement in bank order (scoring.shown_comments decides)."""
    numbers = _numbers(bank)
    found = shown_comments(responses, bank, threshold=threshold)
    return tuple(CommentGroup(str(sid), numbers[str(sid)], tuple(str(c) for c in group["comment"]))
                 for sid, group in found.groupby("statement", sort=False))


def _trend(shown: Sequence[tuple[SessionData, GroupResult]]) -> tuple[TrendPoint, ...]:
    """Principle scores of every shown session, oldest first."""
    return tuple(TrendPoint(session=session_label(session), taken_on=session.taken_on, principle=str(r["principle"]),
                            name=str(r["name"]), score=_number(r["score"]))
                 for session, result in shown for r in result.principles.to_dict("records"))


def _facts(inputs: ResultsInput, result: GroupResult, perspectives: PerspectiveResult) -> tuple[Fact, ...]:
    """The title block: who, which questions, when, and how many answered."""
    bank, session = inputs.bank, inputs.session
    # A report built from a CSV may name no organisation or team: leave those rows out, not blank.
    facts = [Fact(label, value) for label, value in ((_("Organisation"), inputs.organisation),
                                                      (_("Team"), inputs.team))
             if value.strip()]
    facts += [Fact(_("Question set"), _("{bank} (version {version})").format(bank=bank.title, version=bank.version)),
              Fact(_("Assessment date"), format_date(session.taken_on)),
              Fact(_("Report generated"), format_date(inputs.generated_at))]
    return tuple(facts + _respondent_facts(result, perspectives))


def build_results(inputs: ResultsInput) -> Results:
    """The results of one session for one viewer; nothing below the anonymity threshold is in it."""
    bank, session = inputs.bank, inputs.session
    threshold = session.threshold
    result, perspectives = scored_session(session, bank, threshold)
    scored = [(earlier, scored_group(earlier, bank, effective_threshold(earlier, threshold)))
              for earlier in inputs.earlier]
    shown_earlier = [(earlier, scored_result) for earlier, scored_result in scored if not scored_result.withheld]
    chosen = choose_baseline(scored) if not result.withheld else None
    baseline = None if chosen is None else Baseline(chosen[0].id, chosen[0].mode, chosen[0].title,
                                                    chosen[0].taken_on, session_label(chosen[0]))
    statement_rows = _statement_rows(result, bank)
    # Below the threshold nothing derived from answers may appear: no scores, no statements.
    withheld = Results(
        title=session.title, organisation=inputs.organisation, team=inputs.team, mode=session.mode,
        bank_title=bank.title, bank_version=bank.version, taken_on=session.taken_on,
        generated_at=inputs.generated_at, threshold=threshold,
        principles=tuple((p.id, p.name) for p in bank.principles),
        facts=_facts(inputs, result, perspectives), n_respondents=result.n_respondents,
        withheld=_("Results appear once at least {n} people have answered (so far: {counted}). This keeps "
                   "everyone's answers anonymous.").format(n=threshold, counted=counted_label(result)),
        notes=(*result.notes, *kept_notes(session)), overall_score=None, overall_band=None, radar=EMPTY_RADAR.copy(),
        principle_rows=(), statement_rows=statement_rows, strengths=(), development_areas=(), hot_spots=(),
        discussion_order=tuple(bank.statement_ids), perspective_scores=(), perspective_gaps=(),
        perspective_notes=(), baseline=baseline, changes=(), trend=(),
        earlier_too_few=len(scored) - len(shown_earlier), locked_earlier=inputs.locked_earlier,
        actions=_actions(session.actions, bank),
        carried_actions=_actions(still_open(chosen[0].actions), bank) if chosen else (),
        agreed=_agreed(inputs.agreed, bank), comments=(), method=method_paragraphs(bank, threshold), group=result,
    )
    if result.withheld:
        return withheld
    changes: tuple[Change, ...] = ()
    if chosen is not None:
        changes = tuple(
            Change(principle=str(r["principle"]), name=str(r["name"]), baseline=_number(r["baseline"]),
                   latest=_number(r["latest"]), change=shown_change(_number(r["baseline"]), _number(r["latest"])))
            for r in compare_results(chosen[1], result).principles.to_dict("records"))
    perspective_scores, perspective_gaps = _perspectives(perspectives, bank, threshold)
    this = SessionData(session.id, session.title, session.mode, session.taken_on, threshold, session.responses)
    # Hot spots need at least two people: one person always agrees with themselves.
    spots = _highlights(hot_spots(result), result, bank) if result.n_respondents > 1 else ()
    return dataclasses.replace(
        withheld, withheld=None, overall_score=_number(result.overall_score), overall_band=result.overall_band,
        radar=_radar(result, chosen[1] if chosen else None, baseline_series(baseline)),
        principle_rows=_principle_rows(result), strengths=_highlights(strengths(result), result, bank),
        development_areas=_highlights(development_areas(result), result, bank), hot_spots=spots,
        discussion_order=discussion_order(statement_rows), perspective_scores=perspective_scores,
        perspective_gaps=perspective_gaps, perspective_notes=perspectives.notes, changes=changes,
        trend=_trend([*shown_earlier, (this, result)]) if inputs.earlier else (),
        comments=_comments(session.responses, bank, threshold),
    )


def baseline_series(baseline: Baseline | None) -> str:
    """The radar series name of the baseline polygon."""
    return "" if baseline is None else _("Baseline: {label}").format(label=baseline.label)


def single_session(bank: Bank, responses: pd.DataFrame, *, title: str, taken_on: date, threshold: int,
                   generated_at: datetime, organisation: str = "", team: str = "") -> ResultsInput:
    """The input for answers that come from one file rather than the database (the command line)."""
    session = SessionData(id=0, title=title, mode=Mode.SELF, taken_on=taken_on, threshold=threshold,
                          responses=responses)
    return ResultsInput(bank=bank, organisation=organisation, team=team, session=session,
                        generated_at=generated_at)
