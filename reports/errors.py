"""The error type for reports that cannot be produced."""

from __future__ import annotations

from questions.errors import Problem, ProjectError


class ReportError(ProjectError):
    """A chart image or PDF could not be produced."""


def report_error(path: str, expected: str, found: str, hint: str | None = None) -> ReportError:
    """A ReportError with a single problem located in the report."""
    return ReportError([Problem(file="report", path=path, expected=expected, found=found, hint=hint)])
