"""Benchmark: the full PDF report for 40 respondents versus drawing the radar PNG alone."""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pandas as pd

from questions.loader import load_builtin
from questions.schema import Bank
from reports.charts import radar_spec
from reports.images import chart_png
from reports.model import Report, build_report
from reports.pdf import build_pdf

TARGET_RATIO = 5.0
RESPONDENTS = 40
PERSPECTIVES = ("staff",) * 20 + ("people_using_services",) * 12 + ("carers",) * 5 + ("managers",) * 2 + (
    "commissioners",)


def session(bank: Bank, people: int = RESPONDENTS, seed: int = 7) -> pd.DataFrame:
    """Synthetic long answers: one row per person and statement, about 1 in 12 don't know."""
    rng = random.Random(seed)
    rows = []
    for i in range(people):
        lean = rng.uniform(0.5, 3.2)
        for statement in bank.statements:
            current = float("nan") if rng.random() < 1 / 12 else float(min(4, max(0, round(rng.gauss(lean, 0.9)))))
            rows.append({"respondent": f"r{i:03d}", "perspective": PERSPECTIVES[i % len(PERSPECTIVES)],
                         "statement": statement.id, "current": current,
                         "target": float(min(4, round(lean + rng.uniform(0.5, 1.5)))), "comment": ""})
    return pd.DataFrame(rows)


def example_report(bank: Bank, responses: pd.DataFrame | None = None, baseline: pd.DataFrame | None = None) -> Report:
    """The report model for a 40-person session with a baseline and an action plan."""
    actions = [{"principle": p.id, "description": f"Agree one change on {p.name.lower()} with the people we support.",
                "owner": "Team lead", "due_date": date(2027, 3, 31), "status": "planned"} for p in bank.principles]
    return build_report(bank=bank, organisation="Example Council", team="Community support team",
                        title="Autumn co-production review", assessment_date=date(2026, 11, 2),
                        responses=session(bank) if responses is None else responses,
                        baseline_responses=session(bank, 30, seed=3) if baseline is None else baseline,
                        baseline_label="March 2026", actions=actions, generated_at=datetime(2026, 11, 23, 9, 0))


def _median_seconds(work: Callable[[], Any], repeat: int = 3) -> float:
    """Median wall time of `work` after one warm-up run."""
    work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run() -> list[dict[str, object]]:
    """Measure and return {name, value, target, unit, passed} rows."""
    bank = load_builtin("coproduction-full")
    # The answers are made up front: the timing covers scoring, the model, the chart and the PDF.
    responses, baseline = session(bank), session(bank, 30, seed=3)
    report = example_report(bank, responses, baseline)
    build_pdf(report)  # warm: fonts on disk cache, vl-convert's engine started
    full = _median_seconds(lambda: build_pdf(example_report(bank, responses, baseline)), repeat=5)
    radar = _median_seconds(lambda: chart_png(radar_spec(report.radar, report.principles)))
    ratio = full / radar
    print(f"report {RESPONDENTS} respondents: {full:.2f} s vs radar PNG {radar:.2f} s = {ratio:.1f} x "
          f"(target <= {TARGET_RATIO:g}x) {'PASS' if ratio <= TARGET_RATIO else 'FAIL'}")
    return [
        {"name": f"report_pdf_{RESPONDENTS}_respondents", "value": round(full, 3), "target": None, "unit": "s",
         "passed": True},
        {"name": "radar_png", "value": round(radar, 3), "target": None, "unit": "s", "passed": True},
        {"name": "report_pdf_vs_radar_png", "value": round(ratio, 2), "target": TARGET_RATIO, "unit": "x",
         "passed": ratio <= TARGET_RATIO},
    ]


if __name__ == "__main__":
    run()
