"""Benchmark: the manager's PDF for 40 respondents versus drawing the radar PNG alone.

Timed is what the app's "Prepare the PDF summary" button and the CLI's `report` command run once
the answers are loaded: `reports.model.build_results` (scoring and the results model) then
`reports.pdf.build_pdf` (the PDF, its radar drawn as vectors). The input is made up front, as storage
would hand it over: a 40-person session with a 30-person baseline session and an action plan.

Judged (issue 12 point 10, was 5x in issue 5): that PDF <= 3x drawing the radar PNG alone (what the
slides and the old PDF embed), both warm, timed alternately in the same run, best of 9 each.

Judged (issue 10 point 20): long text costs time in proportion to its length. The same PDF with a
64,000-character title and comment against one with 6,400 characters: <= 15x (linear would be 10x at
most; the fixed cost of the rest of the report keeps it lower).
"""

from __future__ import annotations

import dataclasses
import random
import sys
from datetime import date, datetime

import pandas as pd

from bench.common import Result, best_times, describe, info, judged, standalone
from domain.records import Action
from domain.vocabulary import ActionStatus, Mode
from questions.loader import load_builtin
from questions.schema import Bank
from reports.charts import radar_spec
from reports.images import chart_png
from reports.model import build_results
from reports.parts import ResultsInput, SessionData
from reports.pdf import build_pdf

TARGET_RATIO = 3.0
LONG_TEXT_RATIO = 15.0
LONG_TEXT = (6_400, 64_000)
LONG_REPEATS = 3
REPEATS = 9  # one round (PDF + radar PNG) takes about 0.4 s; best of 9 keeps a busy machine's noise out
RESPONDENTS = 40
PERSPECTIVES = ("staff",) * 20 + ("people_using_services",) * 12 + ("carers",) * 5 + ("managers",) * 2 + (
    "commissioners",)
NOW = datetime(2026, 11, 23, 9, 0)


def session_answers(bank: Bank, people: int = RESPONDENTS, seed: int = 7) -> pd.DataFrame:
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


def example_input(bank: Bank) -> ResultsInput:
    """A 40-person session with a 30-person baseline and one action per principle, as storage gives it."""
    actions = tuple(
        Action(id=number, assessment_id=2, principle=p.id, owner="Team lead", due_date=date(2027, 3, 31),
               description=f"Agree one change on {p.name.lower()} with the people we support.",
               status=ActionStatus.PLANNED, created_at=NOW, updated_at=NOW)
        for number, p in enumerate(bank.principles, start=1))
    baseline = SessionData(id=1, title="March review", mode=Mode.SELF, taken_on=date(2026, 3, 2), threshold=3,
                           responses=session_answers(bank, 30, seed=3))
    latest = SessionData(id=2, title="Autumn co-production review", mode=Mode.SELF, taken_on=date(2026, 11, 2),
                         threshold=3, responses=session_answers(bank), actions=actions)
    return ResultsInput(bank=bank, organisation="Example Council", team="Community support team", session=latest,
                        generated_at=NOW, earlier=(baseline,))


def run(repeats: int = REPEATS) -> list[Result]:
    """Time the whole PDF and the radar PNG alone, warm, alternately, best of `repeats` each."""
    bank = load_builtin("coproduction-full")
    inputs = example_input(bank)
    results = build_results(inputs)
    if results.withheld or results.baseline is None:
        raise RuntimeError("expected results with a baseline to be shown")
    times = best_times({
        "pdf": lambda: build_pdf(build_results(inputs)),
        "radar": lambda: chart_png(radar_spec(results.radar, results.principles)),
    }, repeats)  # the warm-up run loads the fonts and starts vl-convert's engine
    for name, values in times.items():
        print(f"  {name}: {describe(values)}", flush=True)
    full, radar = min(times["pdf"]), min(times["radar"])
    ratio = full / radar
    how = f"best of {repeats} each, warm, timed alternately"
    return [
        judged(f"PDF report ({RESPONDENTS} respondents, with baseline) / radar PNG alone", ratio, "x",
               f"<= {TARGET_RATIO:g}x", ratio <= TARGET_RATIO, how),
        info(f"PDF report ({RESPONDENTS} respondents, with baseline): build_results + build_pdf", full, "s",
             f"best of {repeats}, warm"),
        info("radar PNG alone", radar, "s", f"best of {repeats}, warm"),
        *long_text(bank, min(repeats, LONG_REPEATS)),
    ]


def long_text_input(bank: Bank, characters: int) -> ResultsInput:
    """The example input with a title and every comment `characters` long (words, as people type)."""
    text = ("co-production " * (characters // 14 + 1))[:characters]
    inputs = example_input(bank)
    session = dataclasses.replace(inputs.session, title=text,
                                  responses=inputs.session.responses.assign(comment=text))
    return dataclasses.replace(inputs, session=session)


def long_text(bank: Bank, repeats: int) -> list[Result]:
    """PDF time with a 64,000-character title and comment over that with 6,400 characters."""
    short, long = (long_text_input(bank, characters) for characters in LONG_TEXT)
    times = best_times({"short": lambda: build_pdf(build_results(short)),
                        "long": lambda: build_pdf(build_results(long))}, repeats)
    for name, values in times.items():
        print(f"  {name} text: {describe(values)}", flush=True)
    ratio = min(times["long"]) / min(times["short"])
    return [judged(f"PDF with a {LONG_TEXT[1]:,}-character title and comment / {LONG_TEXT[0]:,} characters",
                   ratio, "x", f"<= {LONG_TEXT_RATIO:g}x", ratio <= LONG_TEXT_RATIO,
                   f"best of {repeats} each, warm, timed alternately")]


if __name__ == "__main__":
    sys.exit(standalone(run, __doc__))
