"""The action plan: steps a team commits to after an assessment."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine, Row

from storage import tables
from storage.checks import NAME_LIMIT, TEXT_LIMIT, assessment_row, clean_text
from storage.db import reading, writing
from storage.errors import StorageError
from domain.vocabulary import ActionStatus
from storage.records import Action

EDITABLE = ("principle", "description", "owner", "due_date", "status")


def action_from_row(row: Row[Any]) -> Action:
    """An Action record from an actions row."""
    return Action(
        id=row.id,
        assessment_id=row.assessment_id,
        principle=row.principle,
        description=row.description,
        owner=row.owner,
        due_date=row.due_date,
        status=ActionStatus(row.status),
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _due(value: Any) -> date | None:
    """A due date (a datetime counts as its date), or None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise StorageError(f"The due date must be a date, not {value!r}.")


def _status(value: Any) -> str:
    """One of the action statuses."""
    if value not in set(ActionStatus):
        raise StorageError(f"The action status {value!r} is not one of: {', '.join(ActionStatus)}.")
    return str(value)


CLEANERS = {
    "principle": lambda value: clean_text(value, "principle", NAME_LIMIT, required=True),
    "description": lambda value: clean_text(value, "action description", TEXT_LIMIT, required=True),
    "owner": lambda value: clean_text(value, "owner", NAME_LIMIT).strip(),
    "due_date": _due,
    "status": _status,
}


def add_action(
    engine: Engine,
    assessment_id: int,
    principle: str,
    description: str,
    owner: str = "",
    due_date: date | None = None,
    status: str = ActionStatus.PLANNED,
) -> Action:
    """Add a step to the session's action plan."""
    given = {"principle": principle, "description": description, "owner": owner, "due_date": due_date}
    values = {name: CLEANERS[name](value) for name, value in {**given, "status": status}.items()}
    now = tables.utcnow()
    with writing(engine) as connection:
        assessment_row(connection, assessment_id)
        row = connection.execute(
            sa.insert(tables.actions)
            .values(assessment_id=assessment_id, created_at=now, updated_at=now, **values)
            .returning(*tables.actions.c)
        ).one()
    return action_from_row(row)


def update_action(engine: Engine, action_id: int, **fields: Any) -> Action:
    """Change some of an action's fields (principle, description, owner, due_date, status)."""
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise TypeError(f"update_action() got unexpected fields: {', '.join(unknown)}")
    values = {name: CLEANERS[name](value) for name, value in fields.items()}
    t = tables.actions
    with writing(engine) as connection:
        row = connection.execute(
            sa.update(t).where(t.c.id == action_id).values(updated_at=tables.utcnow(), **values).returning(*t.c)
        ).first()
    if row is None:
        raise StorageError("That action no longer exists: it may have been deleted.")
    return action_from_row(row)


def delete_action(engine: Engine, action_id: int) -> None:
    """Remove an action (nothing happens if it has already gone)."""
    with writing(engine) as connection:
        connection.execute(sa.delete(tables.actions).where(tables.actions.c.id == action_id))


def list_actions(engine: Engine, assessment_id: int) -> list[Action]:
    """The session's actions in the order they were added."""
    t = tables.actions
    with reading(engine) as connection:
        rows = connection.execute(sa.select(t).where(t.c.assessment_id == assessment_id).order_by(t.c.id)).all()
    return [action_from_row(row) for row in rows]
