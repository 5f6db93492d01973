"""The storage boundary's error type: a sentence for the user, an optional hint and problems."""

from __future__ import annotations

from collections.abc import Iterable

from questions.errors import Problem, ProjectError


class StorageError(ProjectError):
    """Something the database cannot do for the user, explained in plain language."""

    def __init__(self, message: str, hint: str | None = None, problems: Iterable[Problem] = ()) -> None:
        # Not ProjectError.__init__: args must be (message, hint, problems) so pickling rebuilds us.
        self.message = message
        self.hint = hint
        self.problems: tuple[Problem, ...] = tuple(problems)
        Exception.__init__(self, message, hint, self.problems)

    def __str__(self) -> str:
        lines = [self.message + (f" Hint: {self.hint}" if self.hint else "")]
        lines.extend(str(problem) for problem in self.problems)
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"StorageError({self.message!r})"
