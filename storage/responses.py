"""Respondents and their answers: join, save as you go, submit, and one-shot submissions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Unpack

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine, Row
from sqlalchemy.sql.dml import ReturningInsert

from domain.vocabulary import SCALE_VALUES, ResponseSource, SessionStatus
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
from storage.db import combined, one_statement, reading, writing
from storage.errors import StorageError
from storage.records import Answer, Respondent

SUBMITTED_MESSAGE = "You have already sent your answers, so they can no longer be changed."
TOKEN_LIMIT = 200
_LEVELS = frozenset(SCALE_VALUES)


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

# --- One-statement writes: the usual case (session open, nothing sent yet) in one round trip -------
# Each does its checks in its WHERE clause and changes nothing when one fails; the caller then takes
# the slower path that finds out which and says so (or returns what a repeated request stored).
_r, _a, _ans = tables.respondents, tables.assessments, tables.answers
_NOW = sa.bindparam("now", type_=tables.UTCDateTime())
_ANSWER_COLUMNS = ["respondent_id", "statement_id", "current", "target", "comment", "updated_at"]


def _save_statement(dialect: str) -> sa.Insert:
    """Upsert one answer if its respondent has not sent and the session is open."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    editable = sa.select(
        _r.c.id, sa.bindparam("statement_id", type_=sa.String()), sa.bindparam("current", type_=sa.Integer()),
        sa.bindparam("target", type_=sa.Integer()), sa.bindparam("comment", type_=sa.Text()), _NOW,
    ).join(_a, _a.c.id == _r.c.assessment_id).where(
        _r.c.id == sa.bindparam("respondent_id", type_=sa.Integer()), _r.c.submitted_at.is_(None),
        _a.c.status == SessionStatus.OPEN.value)
    # PostgreSQL: a Send committing meanwhile makes this re-check the row and save nothing (SQLite
    # has one writer at a time and no FOR SHARE).
    statement = insert(_ans).from_select(_ANSWER_COLUMNS, editable.with_for_update(read=True, of=_r))
    excluded = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=["respondent_id", "statement_id"],
        set_={"current": excluded.current, "target": excluded.target, "comment": excluded.comment,
              "updated_at": excluded.updated_at},
    ).execution_options(preserve_rowcount=True)  # psycopg's rowcount of an INSERT is dropped otherwise


_SAVE = {dialect: _save_statement(dialect) for dialect in ("postgresql", "sqlite")}


def _saves_pg() -> ReturningInsert[Unpack[tuple[Any, ...]]]:
    """PostgreSQL: many answers at once, each saved if its respondent has not sent and the session is open."""
    given = sa.func.json_to_recordset(sa.bindparam("taps", type_=sa.JSON())).table_valued(
        sa.column("respondent_id", sa.Integer()), sa.column("statement_id", sa.String()),
        sa.column("current", sa.Integer()), sa.column("target", sa.Integer()), sa.column("comment", sa.Text()),
    ).render_derived(name="given", with_types=True)
    editable = sa.select(_r.c.id, given.c.statement_id, given.c.current, given.c.target, given.c.comment,
                         _NOW).select_from(given.join(_r, _r.c.id == given.c.respondent_id).join(
                             _a, _a.c.id == _r.c.assessment_id)).where(
        _r.c.submitted_at.is_(None), _a.c.status == SessionStatus.OPEN.value)
    statement = postgresql.insert(_ans).from_select(_ANSWER_COLUMNS, editable.with_for_update(read=True, of=_r))
    excluded = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=["respondent_id", "statement_id"],
        set_={"current": excluded.current, "target": excluded.target, "comment": excluded.comment,
              "updated_at": excluded.updated_at},
    ).returning(_ans.c.respondent_id, _ans.c.statement_id)


_SAVES_PG = _saves_pg()


def _new_respondents_pg(sent: bool) -> ReturningInsert[Unpack[tuple[Any, ...]]]:
    """PostgreSQL: respondents for many (session, token, perspective) at once; returns those it made.

    It skips a closed or missing session, a perspective the session does not take (any, when it lists
    none: as clean_perspective) and a token already in use.
    """
    given = sa.func.unnest(
        sa.bindparam("assessment_ids", type_=postgresql.ARRAY(sa.Integer())),
        sa.bindparam("tokens", type_=postgresql.ARRAY(sa.String())),
        sa.bindparam("perspectives", type_=postgresql.ARRAY(sa.String())),
    ).table_valued("assessment_id", "token", "perspective").render_derived(name="given")
    listed = sa.cast(_a.c.perspectives, postgresql.JSONB)
    made = sa.select(_a.c.id, given.c.token, given.c.perspective, _NOW, _NOW if sent else sa.null()).select_from(
        given.join(_a, _a.c.id == given.c.assessment_id)).where(
        _a.c.status == SessionStatus.OPEN.value,
        sa.or_(sa.func.jsonb_array_length(listed) == 0, listed.has_key(given.c.perspective)))
    columns = ["assessment_id", "token", "perspective", "created_at", "submitted_at"]
    return postgresql.insert(_r).from_select(columns, made).on_conflict_do_nothing(
        index_elements=["token"]).returning(*_r.c)


def _whole_responses_pg() -> sa.Select[Any]:
    """PostgreSQL: many whole responses (respondent, sent, and its answers) in one statement."""
    new = _new_respondents_pg(sent=True).cte("new_respondents")
    # The answers as one JSON document: psycopg writes a text array element by element, in Python.
    given = sa.func.json_to_recordset(sa.bindparam("answers", type_=sa.JSON())).table_valued(
        sa.column("token", sa.String()), sa.column("statement_id", sa.String()), sa.column("current", sa.Integer()),
        sa.column("target", sa.Integer()), sa.column("comment", sa.Text()),
    ).render_derived(name="given_answers", with_types=True)
    answers = sa.select(new.c.id, given.c.statement_id, given.c.current, given.c.target, given.c.comment,
                        _NOW).select_from(new.join(given, given.c.token == new.c.token))
    stored = sa.insert(_ans).from_select(_ANSWER_COLUMNS, answers)
    # A data-modifying WITH runs to completion even though the SELECT below does not read it.
    return sa.select(*new.c).add_cte(stored.cte("stored_answers"))


_JOINS_PG = _new_respondents_pg(sent=False)
_WHOLE_RESPONSES_PG = _whole_responses_pg()
_SESSION_OPEN = sa.exists().where(_a.c.id == _r.c.assessment_id, _a.c.status == SessionStatus.OPEN.value)
# Send, while not yet sent and the session is open: one respondent (SQLite), or many at once (PostgreSQL).
_SEND = sa.update(_r).where(_r.c.id == sa.bindparam("respondent_id", type_=sa.Integer()), _r.c.submitted_at.is_(None),
                            _SESSION_OPEN).values(submitted_at=_NOW).returning(*_r.c)
_SENDS_PG = sa.update(_r).where(_r.c.id == sa.any_(sa.bindparam("ids", type_=postgresql.ARRAY(sa.Integer()))),
                                _r.c.submitted_at.is_(None), _SESSION_OPEN).values(submitted_at=_NOW).returning(*_r.c)
# (session, token, perspective) of a join; the same and the checked answers of a whole response.
_Joining = tuple[int, str, str]
_Sending = tuple[int, str, str, list[dict[str, Any]]]


def _made_for(items: Sequence[_Joining | _Sending], rows: Sequence[Row[Any]]) -> list[Row[Any] | None]:
    """Each caller's new respondent, by token, if it is in the caller's session (else None: the slow path)."""
    made = {row.token: row for row in rows}
    return [row if (row := made.get(item[1])) is not None and row.assessment_id == item[0] else None
            for item in items]


def _respondent_arrays(items: Sequence[_Joining | _Sending]) -> dict[str, Any]:
    """The parameters of _new_respondents_pg."""
    return {"assessment_ids": [item[0] for item in items], "tokens": [item[1] for item in items],
            "perspectives": [item[2] for item in items], "now": tables.utcnow()}


def _run_joins(engine: Engine, items: list[_Joining]) -> list[Row[Any] | None]:
    """PostgreSQL: the joins of concurrent callers in one round trip (two with one token: the first joins)."""
    with one_statement(engine) as connection:
        return _made_for(items, connection.execute(_JOINS_PG, _respondent_arrays(items)).all())


def _run_whole_responses(engine: Engine, items: list[_Sending]) -> list[Row[Any] | None]:
    """PostgreSQL: the whole responses of concurrent callers in one round trip."""
    # A repeated submission id stores nothing new: only its first copy goes in (its answers join by token).
    first = {item[1]: item for item in reversed(items)}
    unique = [item for item in items if first[item[1]] is item]
    answers = [{"token": item[1], **row} for item in unique for row in item[3]]
    with one_statement(engine) as connection:
        rows = connection.execute(_WHOLE_RESPONSES_PG, {**_respondent_arrays(unique), "answers": answers}).all()
    return _made_for(items, rows)


def _run_saves(engine: Engine, taps: list[dict[str, Any]]) -> list[bool | None]:
    """PostgreSQL: the taps of concurrent callers in one round trip (one answer tapped twice: the later)."""
    latest = {(tap["respondent_id"], tap["statement_id"]): tap for tap in taps}
    with one_statement(engine) as connection:
        rows = connection.execute(_SAVES_PG, {"taps": list(latest.values()), "now": tables.utcnow()}).all()
    saved = {(row.respondent_id, row.statement_id) for row in rows}
    return [True if (tap["respondent_id"], tap["statement_id"]) in saved else None for tap in taps]


def _run_sends(engine: Engine, respondent_ids: list[int]) -> list[Row[Any] | None]:
    """PostgreSQL: the Send clicks of concurrent callers in one round trip."""
    with one_statement(engine) as connection:
        rows = connection.execute(_SENDS_PG, {"ids": respondent_ids, "now": tables.utcnow()}).all()
    sent = {row.id: row for row in rows}
    return [sent.get(respondent_id) for respondent_id in respondent_ids]


def _by_token(connection: Connection, token: str) -> Row[Any] | None:
    """The respondent row with this token, if any."""
    return connection.execute(_BY_TOKEN, {"token": token}).first()


def _level(value: Any, label: str) -> int | None:
    """A checked scale answer; the usual plain int or None skips clean_level's slow numbers.Integral test."""
    return value if value is None or (type(value) is int and value in _LEVELS) else clean_level(value, label)


def answer_values(statement_id: Any, current: Any, target: Any, comment: Any) -> dict[str, Any]:
    """Checked column values for one answer."""
    return {
        "statement_id": clean_text(statement_id, "statement id", NAME_LIMIT, required=True),
        "current": _level(current, "current rating"),
        "target": _level(target, "target rating"),
        "comment": clean_text(comment, "comment", TEXT_LIMIT),
    }


def join(engine: Engine, assessment_id: int, perspective: str, token: str | None = None) -> Respondent:
    """Join a session; a token already used here returns that respondent unchanged."""
    if token is not None:
        token = clean_text(token, "respondent token", TOKEN_LIMIT, required=True)
    if engine.dialect.name == "postgresql":
        # A new token (or one never used) in an open session: with everyone joining meanwhile, in one
        # round trip. Anything else goes the slower way below, which says what is wrong.
        made = combined(engine, _run_joins, (assessment_id, token or codes.new_token(),
                                             clean_text(perspective, "perspective", NAME_LIMIT, required=True)))
        if made is not None:
            return respondent_from_row(made)
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
    """The respondent with this resume code as typed (any case, dashes or not; old tokens as they are), or None."""
    if not isinstance(token, str) or not token:
        return None
    with reading(engine) as connection:
        row = _by_token(connection, codes.normalise_resume_code(token))
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
    tap = {"respondent_id": respondent_id, **answer_values(statement_id, current, target, comment)}
    if engine.dialect.name == "postgresql":
        # With the taps of everyone else meanwhile, in one round trip.
        if combined(engine, _run_saves, tap):
            return
    else:
        with one_statement(engine) as connection:
            if connection.execute(_SAVE["sqlite"], {**tap, "now": tables.utcnow()}).rowcount:
                return
    parameters = {**tap, "now": tables.utcnow()}
    # Nothing saved: say why (or save now, if the session was reopened in between).
    with writing(engine) as connection:
        _editable_respondent(connection, respondent_id)
        connection.execute(_SAVE[connection.dialect.name], parameters)


def get_answers(engine: Engine, respondent_id: int) -> dict[str, Answer]:
    """A respondent's answers by statement id."""
    ans = tables.answers
    with reading(engine) as connection:
        rows = connection.execute(sa.select(ans).where(ans.c.respondent_id == respondent_id).order_by(ans.c.id)).all()
    return {row.statement_id: Answer(row.statement_id, row.current, row.target, row.comment) for row in rows}


def submit(engine: Engine, respondent_id: int) -> Respondent:
    """Mark the respondent's answers as sent; a second call keeps the first time."""
    r = tables.respondents
    # Fast path, one statement: the usual case (not yet sent, session open) when 100 people press
    # Send together; on PostgreSQL, the clicks that wait meanwhile go in the same statement.
    # Anything else falls through to the checks below for the right message.
    if engine.dialect.name == "postgresql":
        sent = combined(engine, _run_sends, respondent_id)
    else:
        with one_statement(engine) as connection:
            sent = connection.execute(_SEND, {"respondent_id": respondent_id, "now": tables.utcnow()}).first()
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
    engine: Engine, assessment_id: int, perspective: str, answers: Mapping[str, Answer], submission_id: str,
    source: ResponseSource = ResponseSource.ONLINE,
) -> Respondent:
    """Store a whole response at once; repeating the same submission id stores nothing new.

    `source` says how it came in: online, or typed in from a paper pack by a facilitator.
    """
    token = clean_text(submission_id, "submission id", TOKEN_LIMIT, required=True)
    source = ResponseSource(source)
    rows = [answer_values(key, a.current, a.target, a.comment) for key, a in answers.items()]
    try:
        if engine.dialect.name == "postgresql" and source is ResponseSource.ONLINE:
            # With everyone sending meanwhile, in one round trip; a repeat or a failed check goes below.
            perspective = clean_text(perspective, "perspective", NAME_LIMIT, required=True)
            made = combined(engine, _run_whole_responses, (assessment_id, token, perspective, rows))
            if made is not None:
                return respondent_from_row(made)
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
                    "source": source.value,
                },
            ).one()
            if rows:
                connection.execute(
                    _INSERT_ANSWERS, [{"respondent_id": respondent.id, "updated_at": now, **values} for values in rows]
                )
            return respondent_from_row(respondent)
    except sa.exc.IntegrityError:
        # PostgreSQL: a retry of this submission committed first; our insert hit the token's unique
        # index (SQLite serialises writers, so it never races). Otherwise the answers broke a
        # constraint, nothing was stored, and the error stands.
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



def sent_by_source(engine: Engine, assessment_id: int) -> dict[ResponseSource, int]:
    """How many sent responses a session has from each source (online, paper)."""
    r = tables.respondents
    with reading(engine) as connection:
        rows = connection.execute(
            sa.select(r.c.source, sa.func.count()).where(r.c.assessment_id == assessment_id,
                                                         r.c.submitted_at.is_not(None)).group_by(r.c.source)
        ).all()
    counts = {source: 0 for source in ResponseSource}
    counts.update({ResponseSource(source): int(count) for source, count in rows})
    return counts
