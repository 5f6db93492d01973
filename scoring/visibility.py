"""What may be shown: the one rule that hides small statements and targets, and how they are hidden."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from functools import cached_property

import numpy as np

from scoring.encoding import Encoded


@dataclass(frozen=True, eq=False)
class StatementCounts:
    """Every statement's answers counted by current x target level, before anything is hidden."""

    joint: np.ndarray   # shape (S, L + 1, L + 1): current x target level, L = don't know
    levels: int         # L

    @cached_property
    def answers(self) -> np.ndarray:
        """Shape (S, L): how many gave each current level."""
        return np.asarray(self.joint.sum(axis=2)[:, :self.levels])

    @cached_property
    def answered(self) -> np.ndarray:
        """Shape (S,): current answers that are not don't know."""
        return np.asarray(self.answers.sum(axis=1))

    @cached_property
    def dont_know(self) -> np.ndarray:
        """Shape (S,): rows whose current answer is don't know."""
        return np.asarray(self.joint.sum(axis=2)[:, self.levels])

    @cached_property
    def aims(self) -> np.ndarray:
        """Shape (S, L): how many gave each target level (whatever their current answer)."""
        return np.asarray(self.joint.sum(axis=1)[:, :self.levels])

    @cached_property
    def aimed(self) -> np.ndarray:
        """Shape (S,): targets given."""
        return np.asarray(self.aims.sum(axis=1))


def count_statements(encoded: Encoded) -> StatementCounts:
    """One bincount over all rows: the joint current x target distribution of every statement."""
    size = len(encoded.principle_of)
    width = encoded.levels + 1  # the levels and don't know, as in Encoded.key
    joint = np.bincount(encoded.key, minlength=size * width * width).reshape(size, width, width)
    return StatementCounts(joint, encoded.levels)


@dataclass(frozen=True, eq=False)
class Shown:
    """Which statements, and which statements' targets, may be shown and counted."""

    statements: np.ndarray   # shape (S,) bool
    targets: np.ndarray      # shape (S,) bool: never True where the statement is hidden
    threshold: int | None

    @property
    def hides_any(self) -> bool:
        """Whether any statement or target is hidden."""
        return not (self.statements.all() and self.targets.all())


def shown_cells(answered: np.ndarray, aimed: np.ndarray, threshold: int | None) -> Shown:
    """The rule: a statement answered by fewer than `threshold` people is hidden, and so is a target.

    `answered` counts each statement's answers that are not don't know; `aimed` its targets. A
    hidden statement's answers (current, target, comment, don't know) count nowhere: not in any
    respondent, principle, perspective or overall score, nor in the number of respondents, and
    no export or comment list carries them. A statement's targets are hidden when fewer than
    `threshold` people gave one, or when the statement itself is hidden: then no target score
    counts them. Without a threshold (a person's own answers) nothing is hidden.

    Everything shown is computed over shown cells only, so nothing shown can be worked out
    into a hidden answer by subtraction (issue 10): the overall score of three people, one of
    whom alone rated a statement, no longer moves with that rating.
    """
    if threshold is None:
        everything = np.ones(len(answered), dtype=bool)
        return Shown(everything, everything.copy(), None)
    statements = np.asarray(answered >= threshold, dtype=bool)
    return Shown(statements, statements & (aimed >= threshold), threshold)


def void_level(encoded: Encoded) -> int:
    """The level code of a row that counts nowhere: one past don't know."""
    return encoded.levels + 1


def without_hidden(encoded: Encoded, shown: Shown) -> Encoded:
    """The answers with hidden currents and targets turned into rows that count nowhere.

    Rows are kept (their codes stay aligned with the frame) but their level becomes the void
    level, which no tally counts; nothing is copied when nothing is hidden.
    """
    if not shown.hides_any:
        return encoded
    void = np.int8(void_level(encoded))
    current = np.where(shown.statements.take(encoded.statement), encoded.current, void)
    target = np.where(shown.targets.take(encoded.statement), encoded.target, void)
    return dataclasses.replace(encoded, current=current.astype(np.int8),
                               target=target.astype(np.int8))
