"""The error raised for answers that cannot be scored."""

from __future__ import annotations

from questions.errors import Problem, ProjectError

__all__ = ["Problem", "ResponseError"]


class ResponseError(ProjectError):
    """Answers (an uploaded CSV or a DataFrame) are not valid for the bank."""
