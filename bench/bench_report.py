"""Benchmark: the full PDF report for 40 respondents versus drawing the radar PNG alone.

Judged (issue 5): building the PDF (report model, charts, PDF) <= 5x drawing the radar PNG alone,
both warm, timed alternately in the same run, best of 9 each.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime

import pandas as pd

from bench.common import Result, best_times, describe, info, judged, standalone
from questions.loader import load_builtin
from questions.schema import Bank
from reports.charts import radar_spec
from reports.images import chart_png
from reports.model import Report, build_report
from reports.pdf import build_pdf

TARGET_RATIO = 5.0
REPEATS = 9  # one round (PDF + radar PNG) takes about 0.8 s; the ratio sits near 4.3x, so fewer runs flip
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


def run(repeats: int = REPEATS) -> list[Result]:
    """Time the whole PDF and the radar PNG alone, warm, alternately, best of `repeats` each."""
    bank = load_builtin("coproduction-full")
    # The answers are made up front: the timing covers scoring, the model, the chart and the PDF.
    responses, baseline = session(bank), session(bank, 30, seed=3)
    report = example_report(bank, responses, baseline)
    times = best_times({
        "pdf": lambda: build_pdf(example_report(bank, responses, baseline)),
        "radar": lambda: chart_png(radar_spec(report.radar, report.principles)),
    }, repeats)  # the warm-up run loads the fonts and starts vl-convert's engine
    for name, values in times.items():
        print(f"  {name}: {describe(values)}", flush=True)
    full, radar = min(times["pdf"]), min(times["radar"])
    ratio = full / radar
    how = f"best of {repeats} each, warm, timed alternately"
    return [
        judged(f"PDF report ({RESPONDENTS} respondents, with baseline) / radar PNG alone", ratio, "x",
               f"<= {TARGET_RATIO:g}x", ratio <= TARGET_RATIO, how),
        info(f"PDF report ({RESPONDENTS} respondents, with baseline)", full, "s", f"best of {repeats}, warm"),
        info("radar PNG alone", radar, "s", f"best of {repeats}, warm"),
    ]


if __name__ == "__main__":
    sys.exit(standalone(run, __doc__))
