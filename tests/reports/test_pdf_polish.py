"""PDF polish seen on real output (issue 12 point 10): each test failed on the PDF as it was."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from domain.vocabulary import Mode
from questions.schema import Bank
from reports.formatting import DISAGREE, STRONGEST, TO_DEVELOP
from reports.pdf import build_pdf, render_pdf
from tests.reports.conftest import action, answers, results_of, session, uniform


def pages_of(data: bytes) -> list[str]:
    """The extracted text of each page."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def layout_text(data: bytes, tmp_path: Path) -> str:
    """The whole text as pdftotext lays it out (columns kept on their line)."""
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def squashed(text: str) -> str:
    """Text without whitespace, to find wrapped text."""
    return re.sub(r"\s+", "", text)


def four_staff(bank: Bank, target: float = 4) -> pd.DataFrame:
    """Four staff answering 1, 2, 3 and 3 to everything."""
    return answers({f"s{i}": ("staff", uniform(bank, value, target)) for i, value in enumerate((1, 2, 3, 3))})


@pytest.mark.parametrize("count", range(16))
def test_build_pdf_never_splits_a_short_paragraph_over_two_pages(bank: Bank, count: int) -> None:
    # With 0 to 15 actions the method text ends at every height of its page; none of its paragraphs
    # may leave its last line (say "100: Co-producing.") alone on the next page.
    plan = [action("assets", f"Action {k} " + "word " * 20, number=k) for k in range(count)]
    report = results_of(bank, four_staff(bank), actions=plan)
    pages = [squashed(text) for text in pages_of(render_pdf(report))]
    for paragraph in report.method:
        assert any(squashed(paragraph) in page for page in pages), paragraph
    last = [line for line in pages_of(render_pdf(report))[-1].splitlines() if line.strip()]
    assert len(last) >= 4  # running header, two lines or more of text, footer


def test_build_pdf_without_targets_names_no_target(bank: Bank, tmp_path: Path) -> None:
    report = results_of(bank, four_staff(bank, target=float("nan")))
    text = layout_text(build_pdf(report), tmp_path)
    assert "Current score by principle" in text
    assert "Target" not in text and "Current and target" not in text and "Gap" not in text
    assert re.search(r"Principle\s+Score\s+Band\s+Spread\s+People", text)


def test_build_pdf_with_targets_shows_them(bank: Bank, tmp_path: Path) -> None:
    text = layout_text(build_pdf(results_of(bank, four_staff(bank))), tmp_path)
    assert "Current and target by principle" in text
    assert re.search(r"Current\s+Target\n", text)  # the legend
    assert re.search(r"Principle\s+Score\s+Band\s+Target\s+Gap\s+Spread\s+People", text)


def test_build_pdf_lists_perspective_counts_in_one_fact(bank: Bank, tmp_path: Path) -> None:
    people = {f"s{i}": ("staff", uniform(bank, i % 5, 4)) for i in range(4)}
    people |= {"c1": ("carers", uniform(bank, 2, 4)), "c2": ("carers", uniform(bank, 1, 4)),
               "m1": ("managers", uniform(bank, 3, 4))}
    text = layout_text(build_pdf(results_of(bank, answers(people))), tmp_path)
    facts = text.split("Overall score")[0]
    assert not re.search(r"^\s*Other perspectives \(merged\)\s+\d+\s*$", facts, re.MULTILINE)
    assert not re.search(r"^\s*Staff and volunteers\s+\d+\s*$", facts, re.MULTILINE)
    assert re.search(r"By perspective\s+Staff and volunteers: 4; Other perspectives \(merged\): 3", facts)


def test_build_pdf_leaves_out_a_perspective_table_of_one_group(bank: Bank, tmp_path: Path) -> None:
    text = layout_text(build_pdf(results_of(bank, four_staff(bank))), tmp_path)
    assert "Scores by perspective" not in text and "Staff and volunteers" not in text
    assert "By perspective" not in text


def test_build_pdf_prints_a_long_baseline_legend_whole(bank: Bank, tmp_path: Path) -> None:
    title = "March review with the carers' forum and the day centre team"
    earlier = session(four_staff(bank).assign(current=1.0), title=title, number=1)
    text = layout_text(build_pdf(results_of(bank, four_staff(bank), earlier=[earlier])), tmp_path)
    legend = text.split("Current, target and baseline by principle")[1].split("Scores by principle")[0]
    assert f"Baseline: {title} (2 Nov 2026)" in " ".join(legend.split())


@pytest.mark.parametrize(("mode", "kicker"), [(Mode.WORKSHOP, "CO-PRODUCTION WORKSHOP"),
                                              (Mode.SELF, "CO-PRODUCTION SELF-ASSESSMENT")])
def test_build_pdf_header_names_the_kind_of_session(bank: Bank, mode: Mode, kicker: str) -> None:
    report = dataclasses.replace(results_of(bank, four_staff(bank)), mode=mode)
    first = pages_of(build_pdf(report))[0]
    assert first.splitlines()[0] == kicker
    assert ("SELF-ASSESSMENT" in first) == (mode is Mode.SELF)


def test_build_pdf_uses_the_results_page_section_names(bank: Bank) -> None:
    text = "\n".join(pages_of(build_pdf(results_of(bank, four_staff(bank)))))
    assert {STRONGEST, TO_DEVELOP, DISAGREE} <= set(text.splitlines())
    assert "Overall score: 56 out of 100" in text and "Scores run from 0 to 100." in text
