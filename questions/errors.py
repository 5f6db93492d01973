"""Problems found in user input, and the project's error types that carry them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is, what was expected and what was found."""

    file: str
    path: str
    expected: str
    found: str
    line: int | None = None
    column: int | None = None
    hint: str | None = None

    @property
    def location(self) -> str:
        """The `file[:line[:column]]` prefix of the message."""
        location = self.file
        if self.line is not None:
            location += f":{self.line}"
            if self.column is not None:
                location += f":{self.column}"
        return location

    def __str__(self) -> str:
        message = f"{self.location}: {self.path}: expected {self.expected}, found {self.found}."
        if self.hint:
            message += f" Hint: {self.hint}"
        return message


class ProjectError(Exception):
    """Base error for bad input; carries every problem found, shown one per line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        # Keep the problems as the only argument so the error survives pickling
        # (Streamlit and multiprocessing may copy exceptions between processes).
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__(self.problems)

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({len(self.problems)} problem(s))"


class BankError(ProjectError):
    """A question bank could not be read or is not valid."""
