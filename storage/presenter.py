"""Presenter mode's shared place: what the projector shows and the statement under discussion, per workshop."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, Row

from domain.records import PresenterState
from domain.vocabulary import DiscussionOrder, PresenterStage
from storage import tables
from storage.checks import NAME_LIMIT, assessment_row, clean_text
from storage.db import reading, writing
from storage.errors import StorageError

# Where a workshop starts: people need the code first.
START = {"stage": PresenterStage.JOIN.value, "statement_id": None, "discussion_order": DiscussionOrder.DISAGREEMENTS.value}


def _state(row: Row[Any]) -> PresenterState:
    """A PresenterState from a presenter_state row."""
    return PresenterState(stage=PresenterStage(row.stage), statement_id=row.statement_id,
                          order=DiscussionOrder(row.discussion_order), updated_at=row.updated_at)


def _read(connection: Connection, assessment_id: int) -> Row[Any] | None:
    """The stored row of a workshop, if any."""
    p = tables.presenter_state
    return connection.execute(sa.select(p).where(p.c.assessment_id == assessment_id)).first()


def presenter_state(engine: Engine, assessment_id: int) -> PresenterState | None:
    """Where the workshop's projector and facilitator devices are (None: nothing chosen yet)."""
    with reading(engine) as connection:
        row = _read(connection, assessment_id)
    return None if row is None else _state(row)


def _values(stage: PresenterStage | None, statement_id: str | None, order: DiscussionOrder | None) -> dict[str, Any]:
    """The columns a change sets, checked (only those given)."""
    values: dict[str, Any] = {}
    if stage is not None:
        values["stage"] = PresenterStage(stage).value
    if statement_id is not None:
        values["statement_id"] = clean_text(statement_id, "statement id", NAME_LIMIT, required=True)
    if order is not None:
        values["discussion_order"] = DiscussionOrder(order).value
    return values


def _upsert(connection: Connection, assessment_id: int, values: Mapping[str, Any]) -> None:
    """Insert the workshop's row with these values (the rest as at the start), or change only these."""
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    now = tables.utcnow()
    statement = insert(tables.presenter_state).values(assessment_id=assessment_id, **{**START, **values},
                                                      updated_at=now)
    connection.execute(statement.on_conflict_do_update(
        index_elements=["assessment_id"], set_={**values, "updated_at": now}))


def set_presenter(engine: Engine, assessment_id: int, *, stage: PresenterStage | None = None,
                  statement_id: str | None = None, order: DiscussionOrder | None = None) -> PresenterState:
    """Change what the projector shows, the statement under discussion or the order; returns the stored state."""
    try:
        values = _values(stage, statement_id, order)
    except ValueError as error:
        raise StorageError(f"That is not a presenter setting: {error}.") from error
    with writing(engine) as connection:
        assessment_row(connection, assessment_id)
        _upsert(connection, assessment_id, values)
        row = _read(connection, assessment_id)
    assert row is not None  # written just above, in the same transaction
    return _state(row)


def start_discussion(engine: Engine, assessment_id: int, statement_id: str) -> PresenterState:
    """The stored state, with `statement_id` as the statement under discussion unless one is stored already."""
    sid = clean_text(statement_id, "statement id", NAME_LIMIT, required=True)
    with writing(engine) as connection:
        row = _read(connection, assessment_id)
        if row is None or row.statement_id is None:
            assessment_row(connection, assessment_id)
            _upsert(connection, assessment_id, {"statement_id": sid})
            row = _read(connection, assessment_id)
    assert row is not None
    return _state(row)


def answered_statements(engine: Engine, assessment_id: int) -> list[tuple[int, str]]:
    """(respondent id, statement id) of every answer saved in the session, sent or not: how far people got."""
    a, r = tables.answers, tables.respondents
    query = (sa.select(a.c.respondent_id, a.c.statement_id).join(r, r.c.id == a.c.respondent_id)
             .where(r.c.assessment_id == assessment_id))
    with reading(engine) as connection:
        return [(int(row.respondent_id), str(row.statement_id)) for row in connection.execute(query)]
