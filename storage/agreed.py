"""Ratings a team agreed on together after looking at the spread of answers."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from storage import tables
from storage.checks import NAME_LIMIT, TEXT_LIMIT, assessment_row, clean_level, clean_text
from storage.db import reading, writing
from storage.records import AgreedRating


def set_agreed(engine: Engine, assessment_id: int, statement_id: str, rating: int | None, notes: str) -> None:
    """Record (or replace) the agreed rating and notes for one statement."""
    values = {
        "statement_id": clean_text(statement_id, "statement id", NAME_LIMIT, required=True),
        "rating": clean_level(rating, "agreed rating"),
        "notes": clean_text(notes, "notes", TEXT_LIMIT),
        "updated_at": tables.utcnow(),
    }
    with writing(engine) as connection:
        assessment_row(connection, assessment_id)
        insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
        statement = insert(tables.agreed).values(assessment_id=assessment_id, **values)
        connection.execute(
            statement.on_conflict_do_update(
                index_elements=["assessment_id", "statement_id"],
                set_={
                    "rating": statement.excluded.rating,
                    "notes": statement.excluded.notes,
                    "updated_at": statement.excluded.updated_at,
                },
            )
        )


def agreed_ratings(engine: Engine, assessment_id: int) -> dict[str, AgreedRating]:
    """The session's agreed ratings by statement id."""
    g = tables.agreed
    with reading(engine) as connection:
        rows = connection.execute(sa.select(g).where(g.c.assessment_id == assessment_id).order_by(g.c.id)).all()
    return {row.statement_id: AgreedRating(row.statement_id, row.rating, row.notes, row.updated_at) for row in rows}
