"""What a team agrees: ratings after discussion and the action plan."""

from __future__ import annotations

from datetime import date

from sqlalchemy.engine import Engine

import storage
from domain.records import Action, AgreedRating
from domain.vocabulary import ActionStatus


def add_action(engine: Engine, assessment_id: int, principle: str, description: str, owner: str,
               due_date: date | None) -> Action:
    """Add a planned step to a session's action plan."""
    return storage.add_action(engine, assessment_id, principle, description, owner, due_date, ActionStatus.PLANNED)


def update_action(engine: Engine, action_id: int, status: ActionStatus, owner: str, description: str,
                  due_date: date | None) -> Action:
    """Change an action."""
    return storage.update_action(engine, action_id, status=status, owner=owner, description=description,
                                 due_date=due_date)


def delete_action(engine: Engine, action_id: int) -> None:
    """Remove an action."""
    storage.delete_action(engine, action_id)


def agreed_rating(engine: Engine, assessment_id: int, statement_id: str) -> AgreedRating | None:
    """The rating agreed for one statement, if any."""
    return storage.agreed_ratings(engine, assessment_id).get(statement_id)


def set_agreed(engine: Engine, assessment_id: int, statement_id: str, rating: int | None, notes: str) -> None:
    """Record (or replace) the agreed rating and notes for one statement."""
    storage.set_agreed(engine, assessment_id, statement_id, rating, notes)
