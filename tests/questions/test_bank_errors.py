"""Tests for Problem messages and the ProjectError/BankError types."""

from __future__ import annotations

import pickle

import pytest

from questions.errors import BankError, Problem, ProjectError


@pytest.mark.parametrize(
    ("problem", "message"),
    [
        (Problem("quick.yaml", "principles[2].statements[0].to", "text", "nothing", 12),
         "quick.yaml:12: principles[2].statements[0].to: expected text, found nothing."),
        (Problem("bank.yaml", "YAML syntax", "valid YAML", "a syntax error", 3, 7, "Check the quotes."),
         "bank.yaml:3:7: YAML syntax: expected valid YAML, found a syntax error. Hint: Check the quotes."),
        (Problem("<upload>", "file", "UTF-8 text", "other bytes", hint="Save as UTF-8."),
         "<upload>: file: expected UTF-8 text, found other bytes. Hint: Save as UTF-8."),
        (Problem("responses.csv", "row 7, column current", "a number from 0 to 4", "'high'", column=3),
         "responses.csv: row 7, column current: expected a number from 0 to 4, found 'high'."),
    ],
)
def test_problem_str_follows_pinned_format(problem: Problem, message: str) -> None:
    assert str(problem) == message


def test_project_error_str_lists_every_problem_one_per_line() -> None:
    problems = [Problem("a.yaml", "id", "an id", "nothing", 1), Problem("a.yaml", "title", "text", "nothing", 2)]
    error = BankError(problems)
    assert str(error) == "a.yaml:1: id: expected an id, found nothing.\na.yaml:2: title: expected text, found nothing."
    assert error.problems == tuple(problems)
    assert isinstance(error, ProjectError)


def test_project_error_survives_pickling() -> None:
    error = BankError([Problem("a.yaml", "id", "an id", "nothing", 1, 2, "Add one.")])
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is BankError
    assert copy.problems == error.problems
    assert str(copy) == "a.yaml:1:2: id: expected an id, found nothing. Hint: Add one."


def test_project_error_is_generic_for_other_packages() -> None:
    class ResponseError(ProjectError):
        """Stand-in for scoring's error type."""

    error = ResponseError([Problem("responses.csv", "row 2, column target", "a number", "'x'")])
    assert str(error) == "responses.csv: row 2, column target: expected a number, found 'x'."
    assert not isinstance(error, BankError)
