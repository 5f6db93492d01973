"""Every download (answers CSV, XLSX, the team's data) withholds exactly what the screen withholds (issue 10 point 11).

For random sessions stored as the app stores them: no export holds a statement, target or comment the
results model hides, no id, join or answer time, and changing every hidden value changes no export,
so nothing in any export can be worked out that the screen hides.
"""

from __future__ import annotations

import io
import itertools
import random
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import Engine

import storage
from reports.parts import Results
from reports.spreadsheets import csv_bytes, xlsx_bytes
from services.access import FULL_ACCESS
from services.exports import plan_tables, shared_answers
from services.results import results_for
from services.team_data import team_export
from tests.conftest import examples
from tests.services.conftest import quick_row

LEVEL = st.integers(0, 4)
# An answer: a level, don't know (None) or no row at all ("absent"); most people answer most statements.
ANSWER = st.one_of(LEVEL, LEVEL, LEVEL, st.none(), st.just("absent"))
TARGET = st.one_of(LEVEL, st.none(), st.none())
PERSON = st.tuples(st.sampled_from(["staff", "people_using_services"]),
                   st.lists(st.tuples(ANSWER, TARGET, st.booleans()), min_size=6, max_size=6))
SESSIONS = st.lists(PERSON, min_size=0, max_size=7)
PRIVACY = settings(max_examples=examples(10), deadline=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture])
PER_PERSON = {"id", "respondent_id", "token", "label", "created_at", "submitted_at", "updated_at"}
_counter = itertools.count()

Person = tuple[str, list[tuple[Any, Any, bool]]]


def _stored(engine: Engine, people: list[Person], threshold: int) -> tuple[storage.Assessment, int]:
    """A new team's session holding these sent responses; returns it and the team id."""
    n = next(_counter)
    team = storage.create_team(engine, "Riverside Council", f"Team {n}")
    assessment = storage.create_assessment(engine, team.id, quick_row(engine), "Spring", threshold=threshold)
    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    for i, (perspective, rows) in enumerate(people):
        answers = {s.id: storage.Answer(s.id, current, target, f"p{i} on {s.id}" if says else "")
                   for s, (current, target, says) in zip(bank.statements, rows) if current != "absent"}
        if not answers:
            continue
        storage.submit_response(engine, assessment.id, perspective, answers, f"t{n}-{i}")
    return assessment, team.id


def _with_hidden_changed(people: list[Person], results: Results, rng: random.Random) -> list[Person]:
    """The same people with every value the screen hides replaced at random."""
    shown = {row.statement for row in results.statement_rows if row.shown}
    statements = results.group.statements.set_index("statement")
    aimed = {s for s in shown if pd.notna(statements.at[s, "target_mean"])}
    ids = [row.statement for row in results.statement_rows]
    changed: list[Person] = []
    for perspective, rows in people:
        new = []
        for sid, (current, target, says) in zip(ids, rows):
            if sid not in shown and current != "absent":
                current = current if current is None else rng.randint(0, 4)
                target, says = rng.choice([None, 0, 1, 2, 3, 4]), rng.random() < 0.5
            elif sid not in aimed and target is not None and current != "absent":
                target = rng.randint(0, 4)
            new.append((current, target, says))
        changed.append((perspective, new))
    return changed


def _people_of(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    """An export as a multiset of people (each the sorted tuple of their rows), free of labels and ids."""
    frame = frame.drop(columns=[c for c in ("assessment_id",) if c in frame.columns])
    frame = frame.astype({"current": "float64", "target": "float64"}).fillna({"current": -1.0, "target": -1.0})
    frame["comment"] = frame["comment"].astype(object).fillna("").astype(str).str.replace(r"^p\d+ on ", "said on ", regex=True)
    rows: dict[str, list[tuple[Any, ...]]] = {}
    for label, *row in frame[["respondent", "perspective", "statement", "current", "target", "comment"]].itertuples(
            index=False):
        rows.setdefault(str(label), []).append(tuple(row))
    return sorted(tuple(sorted(person)) for person in rows.values())


def _exports(engine: Engine, assessment: storage.Assessment, team_id: int) -> Iterator[tuple[str, pd.DataFrame | None]]:
    """Every file a viewer can download with this session's answers, read back as tables."""
    results = results_for(engine, assessment, FULL_ACCESS)
    shared = shared_answers(engine, assessment)
    yield "team", team_export(engine, team_id, FULL_ACCESS).tables["answers"]
    if shared is None:
        yield "csv", None
        yield "xlsx", None
        return
    yield "csv", pd.read_csv(io.BytesIO(csv_bytes(shared)), encoding="utf-8-sig", keep_default_na=False,
                             na_values={"current": [""], "target": [""]}, dtype={"comment": str})
    book = pd.read_excel(io.BytesIO(xlsx_bytes({"answers": shared, **plan_tables(results)})), sheet_name=None)
    assert set(book) == {"answers", "agreed", "actions"}
    yield "xlsx", book["answers"]


@PRIVACY
@given(SESSIONS, st.integers(1, 4), st.randoms(use_true_random=False))
def test_export_privacy_no_download_reveals_what_the_screen_hides(engine: Engine, people: list[Person],
                                                                  threshold: int, rng: random.Random) -> None:
    assessment, team_id = _stored(engine, people, threshold)
    results = results_for(engine, assessment, FULL_ACCESS)
    shown = {row.statement for row in results.statement_rows if row.shown}
    statements = results.group.statements.set_index("statement")
    with_target = {s for s in shown if pd.notna(statements.at[s, "target_mean"])}
    on_screen_comments = {c for group in results.comments for c in group.comments}
    tokens = {f"t{i}" for i in range(100)}
    exports = dict(_exports(engine, assessment, team_id))
    for name, frame in exports.items():
        if results.withheld:
            assert frame is None or frame.empty, name
            continue
        assert frame is not None, name
        assert not PER_PERSON & set(frame.columns), name
        assert set(frame["statement"]) <= shown, name
        assert set(frame.loc[frame["target"].notna(), "statement"]) <= with_target, name
        said = {c for c in frame["comment"].fillna("").astype(str) if c}
        assert said <= on_screen_comments, name
        assert all(str(label)[0] == "R" and str(label)[1:].isdigit() for label in frame["respondent"]), name
        assert not set(frame["respondent"].astype(str)) & tokens, name
        # Every sent answer to a shown statement is there: nothing shown is lost either.
        assert len(frame) == int(results.group.statements.set_index("statement").loc[sorted(shown), "n"].sum()
                                 + results.group.statements.set_index("statement").loc[sorted(shown), "dont_know"].sum()), name
    # Change every hidden value: no export may change (as people, labels aside).
    other, other_team = _stored(engine, _with_hidden_changed(people, results, rng), threshold)
    again = dict(_exports(engine, other, other_team))
    for name, frame in exports.items():
        mine, theirs = frame, again[name]
        if mine is None or mine.empty:
            assert theirs is None or theirs.empty, name
        else:
            assert theirs is not None and _people_of(mine) == _people_of(theirs), name


def test_export_privacy_answers_are_shuffled_and_relabelled_every_time(engine: Engine) -> None:
    people: list[Person] = [("staff", [(2, None, True)] * 6) for _ in range(5)]
    assessment, _team = _stored(engine, people, 3)
    orders = {tuple(shared_answers(engine, assessment)["respondent"]) for _ in range(6)}  # type: ignore[index]
    assert len(orders) > 1
