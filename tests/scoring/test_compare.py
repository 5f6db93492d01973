"""Changes between a baseline and a later result."""

from __future__ import annotations

import math

from questions.schema import Bank
from scoring import compare_results, score_group
from scoring.compare import PRINCIPLE_CHANGE_COLUMNS, STATEMENT_CHANGE_COLUMNS
from tests.scoring.conftest import everyone


def flat_group(value: float, size: int = 3) -> dict[str, tuple[str, list[float]]]:
    """A group whose members all give the same answer everywhere."""
    return {f"r{i}": ("staff", [value] * 6) for i in range(size)}


def test_compare_results_changes_per_principle_and_statement(bank: Bank) -> None:
    comparison = compare_results(score_group(everyone(flat_group(2)), bank),
                                 score_group(everyone(flat_group(3)), bank))
    assert list(comparison.principles.columns) == PRINCIPLE_CHANGE_COLUMNS
    assert comparison.principles.values.tolist() == [
        ["p1", "Principle 1", 50.0, 75.0, 25.0], ["p2", "Principle 2", 50.0, 75.0, 25.0],
        ["p3", "Principle 3", 50.0, 75.0, 25.0]]
    assert list(comparison.statements.columns) == STATEMENT_CHANGE_COLUMNS
    assert comparison.statements["statement"].tolist() == ["s1a", "s1b", "s2a", "s2b", "s2c",
                                                           "s3a"]
    assert comparison.statements["change"].tolist() == [25.0] * 6
    assert (comparison.overall_baseline, comparison.overall_latest,
            comparison.overall_change) == (50.0, 75.0, 25.0)


def test_compare_results_withheld_baseline_gives_nan(bank: Bank) -> None:
    comparison = compare_results(score_group(everyone(flat_group(2, size=2)), bank),
                                 score_group(everyone(flat_group(4)), bank))
    assert comparison.principles["latest"].tolist() == [100.0] * 3
    assert all(math.isnan(v) for v in comparison.principles["baseline"])
    assert all(math.isnan(v) for v in comparison.principles["change"])
    assert comparison.overall_baseline is None and comparison.overall_change is None


def test_compare_results_statement_unanswered_in_latest_gives_nan(bank: Bank) -> None:
    group = {f"r{i}": ("staff", [1, 1, 1, 1, 1, 1]) for i in range(3)}
    baseline = score_group(everyone(group), bank)
    latest = score_group(everyone(group).query("statement != 's3a'"), bank)
    statements = compare_results(baseline, latest).statements
    row = statements.set_index("statement").loc["s3a"]
    assert row.principle == "p3" and row.baseline == 25.0 and math.isnan(row.latest)
