"""Presenter mode's service (issue 12 points 1-2): progress per step, the stored discussion, Back/Next, one read."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

import storage
from domain.vocabulary import DiscussionOrder, PresenterStage
from services.presenting import (
    advance,
    discussion,
    move,
    presenter_view,
    set_order,
    set_stage,
    spread_of,
    step_progress,
)
from services.access import FULL_ACCESS
from services.results import results_for
from tests.services.conftest import quick_row

QUICK = ("quick-assets", "quick-reciprocity", "quick-networks", "quick-valuing_work", "quick-blurring_roles",
         "quick-facilitating")


@pytest.fixture
def workshop(engine: Engine) -> storage.Assessment:
    """An open workshop on the quick bank (threshold 3)."""
    team = storage.create_team(engine, "Riverside Council", "Day services")
    made, _key = storage.create_workshop(engine, team.id, quick_row(engine), "March workshop",
                                         ("staff", "carers", "managers"), 3)
    return made


def _send(engine: Engine, workshop: storage.Assessment, people: list[dict[str, int | None]]) -> None:
    """Sent responses: statement -> answer, 2 for statements not listed."""
    start = storage.progress(engine, workshop.id)[0]
    for number, levels in enumerate(people, start=start):
        answers = {sid: storage.Answer(sid, levels.get(sid, 2), None, "") for sid in QUICK}
        storage.submit_response(engine, workshop.id, "staff", answers, f"p-{workshop.id}-{number}")


def test_step_progress_counts_who_reached_each_principle(engine: Engine, workshop: storage.Assessment) -> None:
    bank = storage.load_bank_version(engine, workshop.bank_row_id)
    first = storage.join(engine, workshop.id, "staff")
    storage.save_answer(engine, first.id, "quick-assets", 2, None, "")
    second = storage.join(engine, workshop.id, "carers")
    # Skipped ahead to the third principle: they went past the first two.
    storage.save_answer(engine, second.id, "quick-networks", None, None, "")
    storage.join(engine, workshop.id, "managers")  # joined, nothing answered
    steps = step_progress(engine, bank, workshop.id)
    assert [(s.principle, s.reached) for s in steps] == [
        ("assets", 2), ("reciprocity", 1), ("networks", 1), ("valuing_work", 0), ("blurring_roles", 0),
        ("facilitating", 0)]
    assert steps[0].name == bank.principles[0].name


def test_discussion_is_stored_once_and_kept_while_answers_reorder(engine: Engine, workshop: storage.Assessment) -> None:
    bank = storage.load_bank_version(engine, workshop.bank_row_id)
    _send(engine, workshop, [{"quick-networks": 0}, {"quick-networks": 4}, {}])
    results = results_for(engine, workshop, FULL_ACCESS, history=False)
    # Shown on another stage: nothing is written, so the discussion starts later where people disagree then.
    assert discussion(engine, workshop, bank, results, store=False).current == "quick-networks"
    assert storage.presenter_state(engine, workshop.id) is None
    place = discussion(engine, workshop, bank, results)
    assert (place.current, place.position, place.order) == ("quick-networks", 0, DiscussionOrder.DISAGREEMENTS)
    _send(engine, workshop, [{"quick-facilitating": 0}, {"quick-facilitating": 4}, {"quick-facilitating": 0}])
    later = discussion(engine, workshop, bank, results_for(engine, workshop, FULL_ACCESS, history=False))
    assert later.ids[0] == "quick-facilitating"
    assert (later.current, later.position) == ("quick-networks", 1)
    set_order(engine, workshop.id, DiscussionOrder.BANK)
    by_bank = discussion(engine, workshop, bank, results)
    assert (by_bank.current, by_bank.position, by_bank.ids) == ("quick-networks", 2, QUICK)


def test_move_goes_on_from_the_statement_shown_and_stops_at_the_ends(engine: Engine,
                                                                     workshop: storage.Assessment) -> None:
    assert move(engine, workshop.id, QUICK, "quick-networks", 1) == "quick-valuing_work"
    # A click made while another device had moved on still counts from what this device showed.
    assert move(engine, workshop.id, QUICK, "quick-networks", -1) == "quick-reciprocity"
    assert move(engine, workshop.id, QUICK, "quick-assets", -1) == "quick-assets"
    assert move(engine, workshop.id, QUICK, "quick-facilitating", 1) == "quick-facilitating"
    state = storage.presenter_state(engine, workshop.id)
    assert state is not None and state.statement_id == "quick-facilitating"


def test_advance_walks_the_stages_then_the_statements(engine: Engine, workshop: storage.Assessment) -> None:
    bank = storage.load_bank_version(engine, workshop.bank_row_id)
    _send(engine, workshop, [{}, {}, {}])
    seen = []
    for by in (1, 1, 1, 1, 1, -1, -1, -1):
        view = presenter_view(engine, workshop, bank)
        advance(engine, workshop.id, view.stage, view.discussion, by)
        after = presenter_view(engine, workshop, bank)
        seen.append((after.stage.value, after.discussion.position if after.stage is PresenterStage.DISCUSSION else None))
    assert seen == [("progress", None), ("results", None), ("discussion", 0), ("discussion", 1), ("discussion", 2),
                    ("discussion", 1), ("discussion", 0), ("results", None)]


def test_presenter_view_withholds_below_the_threshold(engine: Engine, workshop: storage.Assessment) -> None:
    bank = storage.load_bank_version(engine, workshop.bank_row_id)
    _send(engine, workshop, [{}, {}])
    set_stage(engine, workshop.id, PresenterStage.RESULTS)
    view = presenter_view(engine, workshop, bank)
    assert (view.joined, view.sent, view.radar, view.top) == (2, 2, None, ())
    assert view.results.withheld is not None
    assert not view.current.shown and view.current.counts == ()


def test_presenter_view_results_radar_prints_the_numbers(engine: Engine, workshop: storage.Assessment) -> None:
    bank = storage.load_bank_version(engine, workshop.bank_row_id)
    _send(engine, workshop, [{"quick-assets": 0}, {"quick-assets": 4}, {"quick-assets": 4}])
    set_stage(engine, workshop.id, PresenterStage.RESULTS)
    view = presenter_view(engine, workshop, bank)
    assert view.radar is not None
    layers = view.radar.spec["layer"]
    texts = [layer for layer in layers if layer.get("encoding", {}).get("text", {}).get("field") == "value"]
    assert len(texts) == 2, "each point's score, with a white outline under it"
    assert [spot.statement for spot in view.top][0] == "quick-assets"
    assert [(c.value, c.count) for c in view.top[0].counts] == [(0, 1), (1, 0), (2, 0), (3, 0), (4, 2), (None, 0)]


def test_spread_of_a_statement_too_few_answered_has_no_counts(engine: Engine, workshop: storage.Assessment) -> None:
    bank = storage.load_bank_version(engine, workshop.bank_row_id)
    _send(engine, workshop, [{"quick-networks": None}, {"quick-networks": None}, {}])
    results = results_for(engine, workshop, FULL_ACCESS, history=False)
    hidden = spread_of(results, bank, "quick-networks")
    assert (hidden.shown, hidden.counts, hidden.mean, hidden.agreement) == (False, (), None, None)
    assert hidden.prompt == bank.statement("quick-networks").prompt
    assert discussion(engine, workshop, bank, results).ids[-1] == "quick-networks"


def test_spread_of_carries_comments_only_of_shown_statements(engine: Engine, workshop: storage.Assessment) -> None:
    bank = storage.load_bank_version(engine, workshop.bank_row_id)
    for number, (level, comment) in enumerate([(0, "Peer groups fade"), (4, ""), (None, "Only I")]):
        answers = {sid: storage.Answer(sid, 2, None, "") for sid in QUICK}
        answers["quick-networks"] = storage.Answer("quick-networks", 1, None, "Fine as it is")
        answers["quick-assets"] = storage.Answer("quick-assets", level, None, comment)
        storage.submit_response(engine, workshop.id, "carers", answers, f"c-{workshop.id}-{number}")
    results = results_for(engine, workshop, FULL_ACCESS, history=False)
    # quick-assets has two real answers (threshold 3): hidden, and what was written about it too.
    assert spread_of(results, bank, "quick-assets").comments == ()
    assert spread_of(results, bank, "quick-networks").comments == ("Fine as it is",) * 3
