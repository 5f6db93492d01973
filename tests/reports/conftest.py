"""A small bank and synthetic answers for the report tests."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

import pandas as pd
import pytest

from domain.records import Action, AgreedRating
from domain.vocabulary import ActionStatus, Mode
from questions.schema import Band, Bank, Level, Perspective, Principle, Scale, Statement
from reports.model import build_results
from reports.parts import Results, ResultsInput, SessionData

PRINCIPLES = (("assets", "Recognising people as assets"), ("reciprocity", "Reciprocity and mutuality"),
              ("networks", "Peer support networks"))


def small_bank() -> Bank:
    """Three principles with two statements each, on the usual 0-4 scale."""
    levels = tuple(Level(v, label, label) for v, label in enumerate(
        ("Mostly like From", "More like From", "In between", "More like To", "Mostly like To")))
    bands = (Band(0, "Doing to", ""), Band(25, "Doing for", ""), Band(50, "Doing with", ""),
             Band(75, "Co-producing", ""))
    principles = tuple(
        Principle(pid, name, f"{name} definition", "", tuple(
            Statement(f"{pid}_{i}", pid, f"From {pid} {i}: we decide for people.",
                      f"To {pid} {i}: we decide with people.") for i in (1, 2)))
        for pid, name in PRINCIPLES)
    perspectives = (Perspective("staff", "Staff and volunteers"), Perspective("carers", "Carers and family members"),
                    Perspective("managers", "Managers and leaders"))
    return Bank("small", "Small test bank", "1.0", "en", "", Scale(levels, "Don't know", bands), principles,
                perspectives)


def answers(people: dict[str, tuple[str, dict[str, tuple[float, float]]]]) -> pd.DataFrame:
    """Long answers from {respondent: (perspective, {statement: (current, target)})}."""
    rows = [{"respondent": who, "perspective": perspective, "statement": sid, "current": cur, "target": tgt,
             "comment": "private comment"}
            for who, (perspective, given) in people.items() for sid, (cur, tgt) in given.items()]
    return pd.DataFrame(rows, columns=["respondent", "perspective", "statement", "current", "target", "comment"])


def uniform(bank: Bank, current: float, target: float) -> dict[str, tuple[float, float]]:
    """The same answer to every statement."""
    return {sid: (current, target) for sid in bank.statement_ids}


@pytest.fixture
def bank() -> Bank:
    """The small bank."""
    return small_bank()


# Answers per principle for s0..s3 (staff) and c1 (carer); None = don't know.
CURRENT = {"assets": (4, 4, 3, 3, 2), "reciprocity": (0, 1, 1, 2, 1), "networks": (2, 2, 2, 2, None)}


@pytest.fixture
def responses(bank: Bank) -> pd.DataFrame:
    """Four staff and one carer; scores 80 (assets), 25 (reciprocity) and 50 (networks, carer unsure)."""
    people: dict[str, tuple[str, dict[str, tuple[float, float]]]] = {}
    for i, who in enumerate(("s0", "s1", "s2", "s3", "c1")):
        given = {}
        for statement in bank.statements:
            value = CURRENT[statement.principle_id][i]
            given[statement.id] = (float("nan") if value is None else float(value), 3.0 if who == "c1" else 4.0)
        people[who] = ("carers" if who == "c1" else "staff", given)
    return answers(people)


NOW = datetime(2026, 11, 23, 10, 30)


def action(principle: str, description: str, owner: str = "", due_date: date | None = None,
           status: str = "planned", number: int = 1) -> Action:
    """An action record as storage returns it."""
    return Action(id=number, assessment_id=1, principle=principle, description=description, owner=owner,
                  due_date=due_date, status=ActionStatus(status), created_at=NOW, updated_at=NOW)


def agreed(ratings: dict[str, tuple[int | None, str]]) -> dict[str, AgreedRating]:
    """Agreed ratings by statement id from {statement: (rating, notes)}."""
    return {sid: AgreedRating(sid, rating, notes, NOW) for sid, (rating, notes) in ratings.items()}


def session(responses: pd.DataFrame, title: str = "Spring self-assessment", threshold: int = 3,
            taken_on: date = date(2026, 11, 2), actions: Sequence[Action] = (), number: int = 2) -> SessionData:
    """One session's stored data."""
    return SessionData(id=number, title=title, mode=Mode.SELF, taken_on=taken_on, threshold=threshold,
                       responses=responses, actions=tuple(actions))


def results_input(bank: Bank, responses: pd.DataFrame, *, threshold: int = 3, earlier: Sequence[SessionData] = (),
                  actions: Sequence[Action] = (), ratings: dict[str, AgreedRating] | None = None,
                  organisation: str = "Caerphilly Borough Council", team: str = "Day services team") -> ResultsInput:
    """The input for the standard test report, with whatever the test adds."""
    return ResultsInput(bank=bank, organisation=organisation, team=team,
                        session=session(responses, threshold=threshold, actions=actions), generated_at=NOW,
                        earlier=tuple(earlier), agreed=ratings or {})


def results_of(bank: Bank, responses: pd.DataFrame, **options: Any) -> Results:
    """The results model of the standard test report."""
    return build_results(results_input(bank, responses, **options))
