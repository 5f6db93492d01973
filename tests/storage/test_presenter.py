"""Presenter state (issue 12 points 1-2): the projector and the facilitator's devices follow one stored place."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from domain.vocabulary import DiscussionOrder, PresenterStage
from storage import (
    Answer,
    Assessment,
    StorageError,
    StoredBank,
    Team,
    answered_statements,
    create_workshop,
    delete_team,
    join,
    presenter_state,
    save_answer,
    set_presenter,
    start_discussion,
    submit_response,
)
from storage.migrations import MIGRATIONS, current_version
from storage.tables import presenter_state as presenter_table


@pytest.fixture
def workshop(engine: Engine, team: Team, stored_bank: StoredBank) -> Assessment:
    """An open workshop on the test bank."""
    made, _key = create_workshop(engine, team.id, stored_bank.id, "Workshop", ["staff", "carers"])
    return made


def test_presenter_state_starts_empty_then_keeps_each_change(engine: Engine, workshop: Assessment) -> None:
    assert presenter_state(engine, workshop.id) is None
    first = set_presenter(engine, workshop.id, stage=PresenterStage.RESULTS)
    assert (first.stage, first.statement_id, first.order) == (PresenterStage.RESULTS, None, DiscussionOrder.DISAGREEMENTS)
    set_presenter(engine, workshop.id, statement_id="assets-2")
    set_presenter(engine, workshop.id, order=DiscussionOrder.BANK)
    stored = presenter_state(engine, workshop.id)
    assert stored is not None
    # Each change sets only what it names: the stage chosen first is still there.
    assert (stored.stage, stored.statement_id, stored.order) == (PresenterStage.RESULTS, "assets-2", DiscussionOrder.BANK)


def test_start_discussion_keeps_a_statement_already_stored(engine: Engine, workshop: Assessment) -> None:
    assert start_discussion(engine, workshop.id, "assets-1").statement_id == "assets-1"
    # Another device opening the discussion later, with a re-sorted list, does not move it.
    assert start_discussion(engine, workshop.id, "reciprocity-2").statement_id == "assets-1"
    set_presenter(engine, workshop.id, statement_id="reciprocity-1")
    assert start_discussion(engine, workshop.id, "assets-2").statement_id == "reciprocity-1"


def test_set_presenter_refuses_bad_values_and_missing_sessions(engine: Engine, workshop: Assessment) -> None:
    with pytest.raises(StorageError) as caught:
        set_presenter(engine, workshop.id, stage="dancing")  # type: ignore[arg-type]
    assert str(caught.value) == "That is not a presenter setting: 'dancing' is not a valid PresenterStage."
    with pytest.raises(StorageError) as missing:
        set_presenter(engine, workshop.id + 1000, stage=PresenterStage.JOIN)
    assert str(missing.value) == "This session no longer exists: it may have been deleted."
    with pytest.raises(StorageError):
        set_presenter(engine, workshop.id, statement_id="x" * 201)
    assert presenter_state(engine, workshop.id) is None


def test_answered_statements_counts_saved_and_sent_answers(engine: Engine, workshop: Assessment) -> None:
    sent = submit_response(engine, workshop.id, "staff", {"assets-1": Answer("assets-1", 2, None, ""),
                                                          "reciprocity-1": Answer("reciprocity-1", None, None, "")},
                           "sent-one")
    saving = join(engine, workshop.id, "carers")
    save_answer(engine, saving.id, "assets-2", 3, None, "")
    assert sorted(answered_statements(engine, workshop.id)) == sorted(
        [(sent.id, "assets-1"), (sent.id, "reciprocity-1"), (saving.id, "assets-2")])
    join(engine, workshop.id, "staff")  # joined, nothing answered yet: no rows
    assert len(answered_statements(engine, workshop.id)) == 3


def test_presenter_state_goes_with_its_team(engine: Engine, workshop: Assessment) -> None:
    set_presenter(engine, workshop.id, stage=PresenterStage.DISCUSSION, statement_id="assets-1")
    delete_team(engine, workshop.team_id)
    with engine.connect() as connection:
        assert connection.execute(sa.select(sa.func.count()).select_from(presenter_table)).scalar_one() == 0


def test_presenter_migration_is_the_last_step(engine: Engine) -> None:
    with engine.connect() as connection:
        assert current_version(connection) == len(MIGRATIONS)
        assert sa.inspect(connection).has_table("presenter_state")
