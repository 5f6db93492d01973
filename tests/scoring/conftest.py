"""A small bank built from the dataclasses, and a helper to write answers as tuples."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd
import pytest

from questions.schema import Band, Bank, Level, Perspective, Principle, Scale, Statement

NAN = math.nan
# Principle id -> statement ids: 2, 3 and 1 statements, so "fewer than half" differs per principle.
LAYOUT = {"p1": ("s1a", "s1b"), "p2": ("s2a", "s2b", "s2c"), "p3": ("s3a",)}


def mini_bank() -> Bank:
    """Three principles (2, 3 and 1 statements), a 0-4 scale, three bands, three perspectives."""
    levels = tuple(Level(v, f"Level {v}", "") for v in range(5))
    bands = (Band(0, "Low", ""), Band(50, "Middle", ""), Band(75, "High", ""))
    principles = tuple(
        Principle(pid, f"Principle {pid[1]}", "", "", tuple(
            Statement(sid, pid, f"From {sid}", f"To {sid}") for sid in statements))
        for pid, statements in LAYOUT.items())
    perspectives = (Perspective("staff", "Staff"), Perspective("carers", "Carers"),
                    Perspective("managers", "Managers"))
    return Bank("mini", "Mini bank", "1.0", "en-GB", "", Scale(levels, "Don't know", bands),
                principles, perspectives)


def answers(rows: list[tuple[str, str, str, float, float]]) -> pd.DataFrame:
    """A validated-looking long frame from (respondent, perspective, statement, current, target)."""
    frame = pd.DataFrame(rows, columns=["respondent", "perspective", "statement", "current",
                                        "target"])
    frame["comment"] = ""
    for column in ("respondent", "perspective", "statement", "comment"):
        frame[column] = frame[column].astype("str")
    frame["current"] = frame["current"].astype("float64")
    frame["target"] = frame["target"].astype("float64")
    return frame


def everyone(values: Mapping[str, tuple[str, Sequence[float]]],
             target: float = NAN) -> pd.DataFrame:
    """Answers where each respondent answers every statement in bank order."""
    statements = [sid for ids in LAYOUT.values() for sid in ids]
    return answers([(who, perspective, sid, value, target)
                    for who, (perspective, row) in values.items()
                    for sid, value in zip(statements, row)])


@pytest.fixture
def bank() -> Bank:
    """The mini bank."""
    return mini_bank()
