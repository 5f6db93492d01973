"""A small bank and synthetic answers for the report tests."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pandas as pd
import pytest

from questions.schema import Band, Bank, Level, Perspective, Principle, Scale, Statement

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


def report_kwargs(bank: Bank, responses: pd.DataFrame) -> dict[str, Any]:
    """Arguments for build_report apart from the optional ones."""
    return dict(bank=bank, organisation="Caerphilly Borough Council", team="Day services team",
                title="Spring self-assessment", assessment_date=date(2026, 11, 2), responses=responses,
                generated_at=datetime(2026, 11, 23, 10, 30))
