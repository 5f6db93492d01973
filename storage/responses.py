"""Respondents and their answers: join, save as you go, submit, and one-shot submissions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, Row

from storage import codes, tables
from storage.checks import (
    NAME_LIMIT,
    TEXT_LIMIT,
    assessment_row,
    clean_level,
    clean_perspective,
    clean_text,
    require_open,
)
from storage.db import reading, writing
from storage.errors import StorageError
from storage.records import Answer, Respondent

SUBMITTED_MESSAGE = "You have already sent your answers, so they can no longer be changed."
TOKEN_LIMIT = 200


def respondent_from_row(row: Row[Any]) -> Respondent:
    """A Respondent record from a respondents row."""
    return Respondent(
        id=row.id,
        assessment_id=row.assessment_id,
        token=row.token,
        perspective=row.perspective,
        created_at=row.created_at,
        submitted_at=row.submitted_at,
    )


# Statements built once and run with parameters: submissions are the hot path.
_BY_TOKEN = sa.select(tables.respondents).where(tables.respondents.c.token == sa.bindparam("token"))
_INSERT_RESPONDENT = sa.insert(tables.respondents).returning(*tables.respondents.c)
_INSERT_ANSWERS = sa.insert(tables.answers)


def _by_token(connection: Connection, token: str) -> Row[Any] | None:
    """The respondent row with this token, if any."""
    return connection.execute(_BY_TOKEN, {"token": token}).first()


def answer_values(statement_id: Any, current: Any, target: Any, comment: Any) -> dict[str, Any]:
    """Checked column values for one answer."""
    return {
        "statement_id": clean_text(statement_id, "statement id", NAME_LIMIT, required=True),
        "current": clean_level(current, "current rating"),
        "target": clean_level(target, "target rating"),
        "comment": clean_text(comment, "comment", TEXT_LIMIT),
    }


def upsert_answer(connection: Connection, respondent_id: int, values: dict[str, Any]) -> None:
    """Insert the answer, or replace the respondent's earlier answer to the same statement."""
    insert = postgresql.insert if connection.dialect.name == "postgresql" else sqlite.insert
    statement = insert(tables.answers).values(respondent_id=respondent_id, updated_at=tables.utcnow(), **values)
    excluded = statement.excluded
    connection.execute(
        statement.on_conflict_do_update(
            index_elements=["respondent_id", "statement_id"],
            set_={
                "current": excluded.current,
                "target": excluded.target,
                "comment": excluded.comment,
                "updated_at": excluded.updated_at,
            },
        )
    )


def join(engine: Engine, assessment_id: int, perspective: str, token: str | None = None) -> Respondent:
    """Join a session; a token already used here returns that respondent unchanged."""
    if token is not None:
        token = clean_text(token, "respondent token", TOKEN_LIMIT, required=True)
    try:
        with writing(engine) as connection:
            if token is not None:
                existing = _by_token(connection, token)
                if existing is not None and existing.assessment_id == assessment_id:
                    return respondent_from_row(existing)
                if existing is not None:
                    token = None  # someone else's token: never reuse it here
            session = assessment_row(connection, assessment_id)
            require_open(session)
            row = connection.execute(
                _INSERT_RESPONDENT,
                {
                    "assessment_id": assessment_id,
                    "token": token or codes.new_token(),
                    "perspective": clean_perspective(perspective, tuple(session.perspectives or ())),
                    "created_at": tables.utcnow(),
                    "submitted_at": None,
                },
            ).one()
            return respondent_from_row(row)
    except sa.exc.IntegrityError:
        # The same token joined from two tabs at once: the other one won, return it.
        found = get_respondent(engine, token) if token else None
        if found is None or found.assessment_id != assessment_id:
            raise
        return found


def get_respondent(engine: Engine, token: str) -> Respondent | None:
    """The respondent with this token, or None."""
    if not isinstance(token, str) or not token:
        return None
    with reading(engine) as connection:
        row = _by_token(connection, token)
    return None if row is None else respondent_from_row(row)


def _editable_respondent(connection: Connection, respondent_id: int) -> Row[Any]:
    """The respondent row, refusing a missing respondent, closed session or sent answers."""
    row = connection.execute(
        sa.select(tables.respondents).where(tables.respondents.c.id == respondent_id)
    ).first()
    if row is None:
        raise StorageError("Your answers could not be found: please join the session again.")
    require_open(assessment_row(connection, row.assessment_id))
    if row.submitted_at is not None:
        raise StorageError(SUBMITTED_MESSAGE)
    return row


def save_answer(
    engine: Engine, respondent_id: int, statement_id: str, current: int | None, target: int | None, comment: str
) -> None:
    """Save (or replace) one answer while the respondent is still answering."""
    values = answer_values(statement_id, current, target, comment)
    with writing(engine) as connection:
        _editable_respondent(connection, respondent_id)
        upsert_answer(connection, respondent_id, values)


def get_answers(engine: Engine, respondent_id: int) -> dict[str, Answer]:
    """A respondent's answers by statement id."""
    ans = tables.answers
    with reading(engine) as connection:
        rows = connection.execute(sa.select(ans).where(ans.c.respondent_id == respondent_id).order_by(ans.c.id)).all()
    return {row.statement_id: Answer(row.statement_id, row.current, row.target, row.comment) for row in rows}


def submit(engine: Engine, respondent_id: int) -> Respondent:
    """Mark the respondent's answers as sent; a second call keeps the first time."""
    r, a = tables.respondents, tables.assessments
    # Fast path, one statement: the usual case (not yet sent, session open) when 100 people press
    # Send together. Anything else falls through to the checks below for the right message.
    session_open = sa.exists().where(a.c.id == r.c.assessment_id, a.c.status == "open")
    with writing(engine) as connection:
        sent = connection.execute(
            sa.update(r)
            .where(r.c.id == respondent_id, r.c.submitted_at.is_(None), session_open)
            .values(submitted_at=tables.utcnow())
            .returning(*r.c)
        ).first()
    if sent is not None:
        return respondent_from_row(sent)
    with writing(engine) as connection:
        row = connection.execute(sa.select(r).where(r.c.id == respondent_id)).first()
        if row is None:
            raise StorageError("Your answers could not be found: please join the session again.")
        if row.submitted_at is not None:
            return respondent_from_row(row)
        require_open(assessment_row(connection, row.assessment_id))
        row = connection.execute(
            sa.update(r).where(r.c.id == respondent_id).values(submitted_at=tables.utcnow()).returning(*r.c)
        ).one()
    return respondent_from_row(row)


def submit_response(
    engine: Engine, assessment_id: int, perspective: str, answers: Mapping[str, Answer], submission_id: str
) -> Respondent:
    """Store a whole response at once; repeating the same submission id stores nothing new."""
    token = clean_text(submission_id, "submission id", TOKEN_LIMIT, required=True)
    rows = [answer_values(key, a.current, a.target, a.comment) for key, a in answers.items()]
    try:
        with writing(engine) as connection:
            existing = _by_token(connection, token)
            if existing is not None:
                return _same_session(existing, assessment_id)
            session = assessment_row(connection, assessment_id)
            require_open(session)
            now = tables.utcnow()
            respondent = connection.execute(
                _INSERT_RESPONDENT,
                {
                    "assessment_id": assessment_id,
                    "token": token,
                    "perspective": clean_perspective(perspective, tuple(session.perspectives or ())),
                    "created_at": now,
                    "submitted_at": now,
                },
            ).one()
            if rows:
                connection.execute(
                    _INSERT_ANSWERS, [{"respondent_id": respondent.id, "updated_at": now, **values} for values in rows]
                )
            return respondent_from_row(respondent)
    except sa.exc.IntegrityError:
        # PostgreSQL: a retry of this submission committed first; our insert hit the token's
        # unique index. SQLite never gets here because BEGIN IMMEDIATE serialises writers.
        with reading(engine) as connection:
            existing = _by_token(connection, token)
        if existing is None:
            raise
        return _same_session(existing, assessment_id)


def _same_session(row: Row[Any], assessment_id: int) -> Respondent:
    """The already stored response, if it belongs to this session."""
    if row.assessment_id != assessment_id:
        raise StorageError("This response was already sent to a different session.")
    return respondent_from_row(row)


def progress(engine: Engine, assessment_id: int) -> tuple[int, int]:
    """How many respondents joined the session and how many have sent their answers."""
    r = tables.respondents
    query = sa.select(sa.func.count(r.c.id), sa.func.count(r.c.submitted_at)).where(r.c.assessment_id == assessment_id)
    with reading(engine) as connection:
        joined, submitted = connection.execute(query).one()
    return int(joined), int(submitted)

