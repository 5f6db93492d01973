"""Answers as DataFrames in the long format, and bulk import of collected responses."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, cast

import numpy as np
import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from domain.vocabulary import LONG_COLUMNS
from questions.errors import Problem
from storage import codes, tables
from storage.checks import NAME_LIMIT, TEXT_LIMIT, assessment_row, clean_level, clean_text
from storage.db import reading, writing
from storage.errors import StorageError

IMPORT_SOURCE = "<import>"
NOT_IMPORTED = "The responses were not imported, and nothing was saved."
# What each imported column must hold, and the check that makes sure it does.
EXPECTED = {
    "perspective": "a perspective id",
    "statement": "a statement id",
    "current": "a whole number from 0 to 4, or blank",
    "target": "a whole number from 0 to 4, or blank",
    "comment": f"text of at most {TEXT_LIMIT:,} characters",
}
CLEANERS: dict[str, Callable[[Any], Any]] = {
    "perspective": lambda value: clean_text(value, "perspective", NAME_LIMIT, required=True),
    "statement": lambda value: clean_text(value, "statement id", NAME_LIMIT, required=True),
    "current": lambda value: clean_level(value, "current rating"),
    "target": lambda value: clean_level(value, "target rating"),
    "comment": lambda value: clean_text(value, "comment", TEXT_LIMIT),
}


def _long_frame(rows: Sequence[Sequence[Any]]) -> pd.DataFrame:
    """A long-format frame with the contract's dtypes, built column by column, even when there are no rows."""
    # Whole columns at once: pandas converts a tuple of 36,000 values far faster than 36,000 row tuples.
    respondent, perspective, statement, current, target, comment = zip(*rows) if rows else ((),) * len(LONG_COLUMNS)
    return pd.DataFrame({
        "respondent": pd.Series(np.array(respondent, dtype=np.int64)).astype(str),  # ids are integers
        "perspective": pd.Series(perspective, dtype=str),
        "statement": pd.Series(statement, dtype=str),
        "current": pd.Series(current, dtype="float64"),  # None (don't know) becomes NaN
        "target": pd.Series(target, dtype="float64"),
        "comment": pd.Series(comment, dtype=str).fillna(""),
    }, columns=list(LONG_COLUMNS))


def _answers_query(submitted_only: bool) -> sa.Select[Any]:
    """Every answer of a session (`assessment_id` bound at run time), respondent by respondent."""
    r, ans = tables.respondents, tables.answers
    query = (
        sa.select(r.c.id, r.c.perspective, ans.c.statement_id, ans.c.current, ans.c.target, ans.c.comment)
        .join(ans, ans.c.respondent_id == r.c.id)
        .where(r.c.assessment_id == sa.bindparam("assessment_id"))
        .order_by(r.c.id, ans.c.id)
    )
    return query.where(r.c.submitted_at.is_not(None)) if submitted_only else query


# Built once: the facilitator's live view reads every answer of its session every 3 seconds.
_ANSWERS = {flag: _answers_query(flag) for flag in (False, True)}


def _driver_rows(connection: Connection, query: sa.Select[Any], params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The rows as plain tuples from the driver's own cursor, without a SQLAlchemy Row per row.

    For 1,000 participants x 36 statements the Row objects cost a third of the live view's refresh.
    The selected columns (integers and text) need no result conversion on SQLite or psycopg.
    """
    compiled = query.compile(dialect=connection.dialect)
    bound = compiled.construct_params(params)
    arguments: Any = tuple(bound[name] for name in compiled.positiontup or ()) if compiled.positional else bound
    # The pool rolls the connection back when `reading` returns it, whether or not SQLAlchemy began a transaction.
    cursor = connection.connection.cursor()
    try:
        cursor.execute(compiled.string, arguments)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def responses_in(connection: Connection, assessment_id: int, submitted_only: bool = False) -> pd.DataFrame:
    """Every answer of a session in the long format, read inside the caller's transaction."""
    return _long_frame(_driver_rows(connection, _ANSWERS[submitted_only], {"assessment_id": assessment_id}))


def responses_frame(engine: Engine, assessment_id: int, submitted_only: bool = False) -> pd.DataFrame:
    """Every answer of a session in the long format (one query, respondent id as text)."""
    with reading(engine) as connection:
        return responses_in(connection, assessment_id, submitted_only)


def _cell(record: dict[str, Any], column: str) -> Any:
    """A cell with pandas' missing markers turned into None."""
    value: Any = record.get(column)
    if hasattr(value, "item"):
        value = value.item()  # numpy scalars: plain Python values store and print cleanly
    return None if value is None or (not isinstance(value, str) and pd.isna(value)) else value


def import_responses(engine: Engine, assessment_id: int, df: pd.DataFrame) -> int:
    """Store validated long-format responses as submitted respondents, all or nothing; returns how many."""
    missing = [column for column in LONG_COLUMNS if column not in df.columns]
    if missing:
        raise StorageError(f"{NOT_IMPORTED} The table has no column {', '.join(missing)}.")
    records = cast(list[dict[str, Any]], df.to_dict("records"))  # the columns are the long format's names
    by_label: dict[str, list[tuple[int, dict[str, Any]]]] = {}
    # A checked file's rows keep their spreadsheet numbers (index "row"), so a refusal names the same row.
    numbers = df.index.tolist() if df.index.name == "row" else range(1, len(records) + 1)
    for number, record in zip(numbers, records):
        by_label.setdefault(str(record["respondent"]), []).append((number, record))
    try:
        with writing(engine) as connection:
            assessment_row(connection, assessment_id)
            now = tables.utcnow()
            for label, rows in by_label.items():
                # Respondent ids in the file are labels only: every respondent gets a fresh token.
                checked = [_checked(number, record) for number, record in rows]
                respondent_id = connection.execute(
                    sa.insert(tables.respondents)
                    .values(
                        assessment_id=assessment_id,
                        token=codes.new_token(),
                        perspective=checked[0]["perspective"],
                        label=label,
                        created_at=now,
                        submitted_at=now,
                    )
                    .returning(tables.respondents.c.id)
                ).scalar_one()
                answers = [
                    {
                        "respondent_id": respondent_id,
                        "updated_at": now,
                        "statement_id": values["statement"],
                        "current": values["current"],
                        "target": values["target"],
                        "comment": values["comment"],
                    }
                    for values in checked
                ]
                connection.execute(sa.insert(tables.answers), answers)
    except sa.exc.IntegrityError as error:
        # A CHECK or unique constraint refused a row: the transaction rolled back whole.
        raise StorageError(
            NOT_IMPORTED,
            hint="Check that every rating is 0-4 or blank and no respondent answers a statement twice.",
        ) from error
    return len(by_label)


def _checked(number: int, record: dict[str, Any]) -> dict[str, Any]:
    """The row's checked values; a bad one stops the import with its row and column."""
    values: dict[str, Any] = {}
    for column, clean in CLEANERS.items():
        value = _cell(record, column)
        try:
            values[column] = clean(value)
        except StorageError:
            shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
            problem = Problem(IMPORT_SOURCE, f"row {number}, column {column}", EXPECTED[column], shown)
            raise StorageError(NOT_IMPORTED, problems=[problem]) from None
    return values
