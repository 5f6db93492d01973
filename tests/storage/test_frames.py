"""Answers as long-format frames, and all-or-nothing imports."""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from domain.vocabulary import LONG_COLUMNS
from storage import (
    Answer,
    Assessment,
    StorageError,
    StoredBank,
    Team,
    create_assessment,
    import_responses,
    join,
    progress,
    responses_frame,
    save_answer,
    submit_response,
)
from storage import frames
from storage.tables import answers, metadata, respondents


@pytest.fixture
def workshop(engine: Engine, team: Team, stored_bank: StoredBank) -> Assessment:
    """An open workshop (no facilitator key needed here)."""
    return create_assessment(engine, team.id, stored_bank.id, "Workshop", "workshop", ["staff", "carers"])


def _rows(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table.name: connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for table in (respondents, answers)
        }


def test_responses_frame_long_format_in_one_query(
    engine: Engine, workshop: Assessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = submit_response(
        engine,
        workshop.id,
        "carers",
        {"assets-1": Answer("assets-1", 3, 4, "ŵŷ"), "assets-2": Answer("assets-2", None, 2, "")},
        "s1",
    )
    draft = join(engine, workshop.id, "staff")
    save_answer(engine, draft.id, "assets-1", 0, None, "<b>")
    statements: list[str] = []
    sa.event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    driver_rows = frames._driver_rows  # reads with the driver's own cursor, which SQLAlchemy's events miss

    def counted(connection: Connection, query: sa.Select[Any], params: dict[str, Any]) -> list[tuple[Any, ...]]:
        statements.append(str(query))
        return driver_rows(connection, query, params)

    monkeypatch.setattr(frames, "_driver_rows", counted)
    frame = responses_frame(engine, workshop.id)
    assert len([text for text in statements if text.startswith("SELECT")]) == 1
    assert tuple(frame.columns) == LONG_COLUMNS
    assert frame["respondent"].tolist() == [str(sent.id), str(sent.id), str(draft.id)]
    assert frame["perspective"].tolist() == ["carers", "carers", "staff"]
    assert frame["statement"].tolist() == ["assets-1", "assets-2", "assets-1"]
    assert frame["current"].dtype == "float64" and frame["target"].dtype == "float64"
    assert frame["current"].tolist()[0::2] == [3.0, 0.0] and math.isnan(frame["current"].iloc[1])
    assert math.isnan(frame["target"].iloc[2])
    assert frame["comment"].tolist() == ["ŵŷ", "", "<b>"]


def test_responses_frame_submitted_only_skips_drafts(engine: Engine, workshop: Assessment) -> None:
    submit_response(engine, workshop.id, "staff", {"assets-1": Answer("assets-1", 1, 1)}, "s1")
    draft = join(engine, workshop.id, "staff")
    save_answer(engine, draft.id, "assets-1", 2, 2, "")
    assert len(responses_frame(engine, workshop.id, submitted_only=True)) == 1


def test_responses_frame_empty_has_columns_and_dtypes(engine: Engine, workshop: Assessment) -> None:
    frame = responses_frame(engine, workshop.id)
    assert tuple(frame.columns) == LONG_COLUMNS and frame.empty
    assert frame["current"].dtype == "float64"


def _paper() -> pd.DataFrame:
    """Two paper respondents in the long format."""
    return pd.DataFrame(
        {
            "respondent": ["P1", "P1", "P2", "P2"],
            "perspective": ["staff", "staff", "carers", "carers"],
            "statement": ["assets-1", "assets-2", "assets-1", "assets-2"],
            "current": [1.0, float("nan"), 4.0, 0.0],
            "target": [3.0, 2.0, float("nan"), 4.0],
            "comment": ["Robert'); DROP TABLE answers;--", "", "🌈 ŵŷ", ""],
        }
    )


def test_import_responses_stores_submitted_respondents_with_new_tokens(engine: Engine, workshop: Assessment) -> None:
    assert import_responses(engine, workshop.id, _paper()) == 2
    assert progress(engine, workshop.id) == (2, 2)
    frame = responses_frame(engine, workshop.id, submitted_only=True)
    assert frame.drop(columns="respondent").equals(_paper().drop(columns="respondent"))
    with engine.connect() as connection:
        tokens = connection.execute(sa.select(respondents.c.token, respondents.c.label)).all()
    assert sorted(label for _, label in tokens) == ["P1", "P2"]
    assert all(re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTVWXYZ]{16}", token) for token, _ in tokens)


def test_import_responses_bad_value_mid_way_saves_nothing(engine: Engine, workshop: Assessment) -> None:
    paper = _paper()
    paper.loc[3, "current"] = 7.0  # the second respondent: the first is already inserted by then
    with pytest.raises(StorageError) as caught:
        import_responses(engine, workshop.id, paper)
    assert str(caught.value) == (
        "The responses were not imported, and nothing was saved.\n"
        "<import>: row 4, column current: expected a whole number from 0 to 4, or blank, found 7.0."
    )
    assert _rows(engine) == {"respondents": 0, "answers": 0}


def test_import_responses_constraint_failure_mid_way_saves_nothing(engine: Engine, workshop: Assessment) -> None:
    paper = _paper()
    paper.loc[3, "statement"] = "assets-1"  # P2 answers assets-1 twice: the unique constraint fires in the database
    with pytest.raises(StorageError) as caught:
        import_responses(engine, workshop.id, paper)
    assert str(caught.value) == (
        "The responses were not imported, and nothing was saved. Hint: Check that every rating is 0-4 or blank "
        "and no respondent answers a statement twice."
    )
    assert _rows(engine) == {"respondents": 0, "answers": 0}


def test_import_responses_missing_columns_rejected(engine: Engine, workshop: Assessment) -> None:
    with pytest.raises(StorageError) as caught:
        import_responses(engine, workshop.id, _paper().drop(columns=["target", "comment"]))
    assert str(caught.value) == "The responses were not imported, and nothing was saved. The table has no column target, comment."


def test_answers_check_constraint_refuses_out_of_range(engine: Engine, workshop: Assessment) -> None:
    respondent = join(engine, workshop.id, "staff")
    for bad in (7, -1):
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as connection:
            connection.execute(
                sa.insert(answers).values(
                    respondent_id=respondent.id, statement_id="assets-1", current=bad, comment="", updated_at=sa.func.now()
                )
            )
    assert _rows(engine)["answers"] == 0
    assert {"answers", "respondents", "agreed"} <= set(metadata.tables)
