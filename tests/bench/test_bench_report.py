"""The report benchmark times what the app and the CLI run to make the PDF."""

from __future__ import annotations

from bench.bench_report import RESPONDENTS, example_input, run
from questions.loader import load_builtin
from reports.model import build_results


def test_example_input_has_results_a_baseline_and_actions() -> None:
    results = build_results(example_input(load_builtin("coproduction-full")))
    assert results.withheld is None and results.baseline is not None
    assert results.n_respondents == RESPONDENTS and len(results.actions) == 6


def test_run_judges_the_pdf_against_the_radar_png() -> None:
    rows = run(repeats=1)
    assert [row["verdict"] for row in rows][1:3] == ["INFO", "INFO"]
    assert rows[0]["name"] == "PDF report (40 respondents, with baseline) / radar PNG alone"
    assert rows[0]["verdict"] in ("PASS", "FAIL") and rows[0]["value"] > 0
    assert rows[3]["name"] == "PDF with a 64,000-character title and comment / 6,400 characters"
    assert rows[3]["verdict"] in ("PASS", "FAIL") and rows[3]["value"] > 0
