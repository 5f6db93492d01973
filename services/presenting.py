"""Presenter mode and the discussion: what the projector and the facilitator's devices show, read from storage.

The stage, the statement under discussion and the order are stored (storage.presenter), never kept in one
browser or process: the projector, the facilitator's phone and a second replica all follow the same place.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.engine import Engine

import storage
from domain.records import AgreedRating, Assessment, PresenterState
from domain.vocabulary import DiscussionOrder, PresenterStage
from questions.schema import Bank
from reports import charts
from reports.model import RADAR_CURRENT
from reports.parts import Results
from services.access import FULL_ACCESS
from services.facilitation import GROUP_SERIES, Chart
from services.results import results_for

# The projector's radar: sized for 1280x720 beside the score and the top disagreements (larger screens zoom).
PRESENTER_RADAR_SIZE = 430
PRESENTER_LABEL_FONT = 17


@dataclass(frozen=True)
class AnswerCount:
    """How many people gave one answer to a statement (value None: don't know)."""

    label: str
    value: int | None
    count: int


@dataclass(frozen=True)
class StatementSpread:
    """One statement with its answer spread; `shown` is False (and counts empty) when too few answered it."""

    statement: str
    number: int
    principle_name: str
    from_text: str
    to_text: str
    prompt: str
    shown: bool
    counts: tuple[AnswerCount, ...]
    mean: float | None
    agreement: float | None
    n: int
    dont_know: int
    comments: tuple[str, ...] = ()     # what people wrote, no author or perspective; only when shown


@dataclass(frozen=True)
class Discussion:
    """Where the discussion is: the order's statement ids and the one under discussion (bound by id)."""

    order: DiscussionOrder
    ids: tuple[str, ...]
    current: str

    @property
    def position(self) -> int:
        """0-based place of the current statement in the order."""
        return self.ids.index(self.current)


@dataclass(frozen=True)
class StepProgress:
    """How many participants have reached one principle (a step of the answer form)."""

    principle: str
    name: str
    reached: int


@dataclass(frozen=True, eq=False)
class PresenterView:
    """Everything the projector shows at one refresh, from one read of the results model."""

    assessment: Assessment
    stage: PresenterStage
    joined: int
    sent: int
    steps: tuple[StepProgress, ...]
    results: Results
    radar: Chart | None                    # None while results are withheld
    top: tuple[StatementSpread, ...]       # the disagreements, least agreement first
    discussion: Discussion
    current: StatementSpread
    agreed: AgreedRating | None


def spread_of(results: Results, bank: Bank, statement_id: str) -> StatementSpread:
    """A statement's wording and, where enough people answered it, how many gave each answer."""
    row = next(r for r in results.statement_rows if r.statement == statement_id)
    statement = bank.statement(statement_id)
    shown = row.shown and not results.withheld
    counts: tuple[AnswerCount, ...] = ()
    comments: tuple[str, ...] = ()
    if shown:
        # The model holds comments only of statements shown (scoring.shown_comments decides).
        comments = next((group.comments for group in results.comments if group.statement == statement_id), ())
        found = results.group.statements.set_index("statement").loc[statement_id]
        levels = sorted(bank.scale.levels, key=lambda level: level.value)
        counts = tuple(AnswerCount(level.label, level.value, _count(found.get(f"count_{level.value}")))
                       for level in levels)
        counts += (AnswerCount(bank.scale.dont_know_label, None, _count(found.get("dont_know"))),)
    return StatementSpread(statement=statement_id, number=row.number, principle_name=row.principle_name,
                           from_text=row.from_text, to_text=row.to_text, prompt=statement.prompt or "",
                           shown=shown, counts=counts, mean=row.mean if shown else None,
                           agreement=row.agreement if shown else None, n=row.n, dont_know=row.dont_know,
                           comments=comments)


def _count(value: object) -> int:
    """A stored count as an int (NaN and missing are 0)."""
    return 0 if value is None or pd.isna(value) else int(value)  # type: ignore[call-overload]


def order_ids(results: Results, bank: Bank, order: DiscussionOrder) -> tuple[str, ...]:
    """Every statement, in the order chosen: the results model's disagreements first, or the bank's."""
    return tuple(results.discussion_order) if order is DiscussionOrder.DISAGREEMENTS else tuple(bank.statement_ids)


def discussion(engine: Engine, assessment: Assessment, bank: Bank, results: Results,
               state: PresenterState | None = None, store: bool = True) -> Discussion:
    """The stored place in the discussion; the first statement of the order when none is stored yet.

    With `store` (the discussion is being shown) that first statement is stored; without it (another stage
    of the projector) nothing is written, so the discussion later starts where the disagreements are then.
    """
    state = state if state is not None else storage.presenter_state(engine, assessment.id)
    order = state.order if state is not None else DiscussionOrder.DISAGREEMENTS
    ids = order_ids(results, bank, order)
    current = state.statement_id if state is not None else None
    if current not in ids and not store:
        return Discussion(order, ids, ids[0])
    if current not in ids:
        # Stored once, so every device starts from the same statement even as answers re-sort the list.
        current = storage.start_discussion(engine, assessment.id, ids[0]).statement_id
        if current not in ids:  # a statement no longer in the bank: start again at the top
            current = storage.set_presenter(engine, assessment.id, statement_id=ids[0]).statement_id
    assert current is not None
    return Discussion(order, ids, current)


def move(engine: Engine, assessment_id: int, ids: Sequence[str], from_statement: str, step: int) -> str:
    """Go `step` statements on from the one the person saw (not wherever another device has gone since)."""
    position = list(ids).index(from_statement) if from_statement in ids else 0
    target = ids[max(0, min(len(ids) - 1, position + step))]
    storage.set_presenter(engine, assessment_id, statement_id=target)
    return target


def show_statement(engine: Engine, assessment_id: int, statement_id: str) -> None:
    """Put one statement under discussion."""
    storage.set_presenter(engine, assessment_id, statement_id=statement_id)


def set_order(engine: Engine, assessment_id: int, order: DiscussionOrder) -> None:
    """Change the order; the statement under discussion stays the same (it is kept by id)."""
    storage.set_presenter(engine, assessment_id, order=order)


def set_stage(engine: Engine, assessment_id: int, stage: PresenterStage) -> None:
    """Change what the projector shows."""
    storage.set_presenter(engine, assessment_id, stage=stage)


def stage_of(engine: Engine, assessment_id: int) -> PresenterStage:
    """What the projector shows now (the join code until the facilitator moves on)."""
    state = storage.presenter_state(engine, assessment_id)
    return PresenterStage.JOIN if state is None else state.stage


def step_progress(engine: Engine, bank: Bank, assessment_id: int) -> tuple[StepProgress, ...]:
    """Per principle, how many participants have reached it: answered it or a later one (the form goes in order)."""
    step = {s.id: index for index, p in enumerate(bank.principles) for s in p.statements}
    furthest: dict[int, int] = {}
    for respondent, statement in storage.answered_statements(engine, assessment_id):
        index = step.get(statement)
        if index is not None and index > furthest.get(respondent, -1):
            furthest[respondent] = index
    return tuple(StepProgress(p.id, p.name, sum(1 for reached in furthest.values() if reached >= index))
                 for index, p in enumerate(bank.principles))


def presenter_radar(results: Results) -> Chart | None:
    """The group's radar with each principle's score printed on it, or None while results are withheld."""
    if results.withheld:
        return None
    group = results.radar[results.radar["series"] == RADAR_CURRENT].assign(series=GROUP_SERIES)
    return Chart(charts.radar_spec(group, results.principles, size=PRESENTER_RADAR_SIZE, values=True,
                                   font=PRESENTER_LABEL_FONT),
                 charts.text_alternative_radar(group, results.principles))


def presenter_view(engine: Engine, assessment: Assessment, bank: Bank) -> PresenterView:
    """One refresh of the projector (the page has checked the facilitator's access): one results read."""
    fresh = storage.get_assessment(engine, assessment.id) or assessment  # open or closed as stored now
    joined, sent = storage.progress(engine, assessment.id)
    # No history: no trend on the projector, and the earlier sessions would cost a read each.
    results = results_for(engine, fresh, FULL_ACCESS, history=False)
    state = storage.presenter_state(engine, assessment.id)
    stage = PresenterStage.JOIN if state is None else state.stage
    place = discussion(engine, fresh, bank, results, state, store=stage is PresenterStage.DISCUSSION)
    agreed = None
    if stage is PresenterStage.DISCUSSION:
        agreed = storage.agreed_ratings(engine, assessment.id).get(place.current)
    steps = step_progress(engine, bank, assessment.id) if stage is PresenterStage.PROGRESS else ()
    return PresenterView(
        assessment=fresh, stage=stage, joined=joined, sent=sent, steps=steps, results=results,
        radar=presenter_radar(results) if stage is PresenterStage.RESULTS else None,
        top=tuple(spread_of(results, bank, spot.statement) for spot in results.hot_spots),
        discussion=place, current=spread_of(results, bank, place.current), agreed=agreed)


STAGES = tuple(PresenterStage)


def advance(engine: Engine, assessment_id: int, stage: PresenterStage, place: Discussion, by: int) -> None:
    """Back/Next on the projector: through the stages, then statement by statement (like slides)."""
    if stage is PresenterStage.DISCUSSION:
        if by < 0 and place.position == 0:
            set_stage(engine, assessment_id, STAGES[STAGES.index(stage) - 1])
        else:
            move(engine, assessment_id, place.ids, place.current, by)
        return
    index = max(0, min(len(STAGES) - 1, STAGES.index(stage) + by))
    set_stage(engine, assessment_id, STAGES[index])
