"""Very long texts in the PDF: cut or wrapped in time that grows with their length, not its square."""

from __future__ import annotations

import dataclasses
import re
import subprocess
from pathlib import Path

import pandas as pd

from questions.schema import Bank
from reports.pdf import NAME_CHARACTERS, render_pdf
from tests.reports.conftest import action, answers, results_of, uniform

LONG = 64_000


def pdftotext(data: bytes, tmp_path: Path) -> str:
    """The text poppler's pdftotext extracts, in reading order."""
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def words(count: int, start: int = 0) -> str:
    """Distinct numbered words, so a cut shows exactly where it fell."""
    return " ".join(f"w{i}" for i in range(start, start + count))


def long_text(characters: int, start: int = 0) -> str:
    """Numbered words filling `characters` characters."""
    text = words(characters // 3, start)
    return text[:characters]


def test_render_pdf_cuts_a_64000_character_title_with_an_ellipsis(bank: Bank, tmp_path: Path) -> None:
    title, team = long_text(LONG), long_text(LONG, start=900_000)
    responses = answers({f"s{i}": ("staff", uniform(bank, i, 4)) for i in range(4)}).assign(comment=long_text(LONG))
    plan = action("assets", "Plan a shared supervision session")
    report = dataclasses.replace(results_of(bank, responses, actions=[plan]), title=title, team=team)
    text = pdftotext(render_pdf(report), tmp_path)
    flat = " ".join(text.split())
    kept = re.search(r"(w0 w1 w2 .*?)\u2026", flat)
    assert kept is not None
    shown_title = kept.group(1)
    assert title.startswith(shown_title) and 100 < len(shown_title) < NAME_CHARACTERS
    assert "w900000 w900001" in flat and "w905000" not in flat
    assert "Plan a shared supervision session" in flat
    assert len(flat) < 30_000  # the title and team are cut, not printed over twenty pages


def test_render_pdf_prints_a_64000_character_action_in_full(bank: Bank, tmp_path: Path) -> None:
    description = long_text(LONG)
    responses = answers({f"s{i}": ("staff", uniform(bank, i, 4)) for i in range(4)})
    report = results_of(bank, responses, actions=[action("assets", description)])
    flat = " ".join(pdftotext(render_pdf(report), tmp_path).split())
    last = description.split()[-1]
    assert "w0 w1 w2" in flat and f" {last} " in f"{flat} "
    assert all(word in flat for word in ("w500", "w5000", "w9000"))


def test_cells_cut_a_64000_character_perspective_label(bank: Bank, tmp_path: Path) -> None:
    label = long_text(LONG)
    people = {f"{p}{k}": (p, uniform(bank, k, 4)) for p in ("staff", "carers") for k in range(3)}
    bank = dataclasses.replace(bank, perspectives=(dataclasses.replace(bank.perspectives[0], label=label),
                                                   *bank.perspectives[1:]))
    flat = " ".join(pdftotext(render_pdf(results_of(bank, answers(people))), tmp_path).split())
    assert "w0 w1" in flat and "\u2026" in flat and "w15000" not in flat


def test_long_text_helpers_keep_short_text(responses: pd.DataFrame) -> None:
    from reports.formatting import shortened
    assert shortened("Day services", 300) == "Day services"
    assert shortened("one two three four", 12) == "one two\u2026"
    assert shortened("x" * 50, 10) == "x" * 9 + "\u2026"


def test_render_pdf_with_comments_prints_a_64000_character_comment(bank: Bank, tmp_path: Path) -> None:
    comment = long_text(LONG)
    responses = answers({f"s{i}": ("staff", uniform(bank, i, 4)) for i in range(4)})
    responses.loc[responses["statement"] == "assets_1", "comment"] = ""
    responses.loc[(responses["statement"] == "assets_1") & (responses["respondent"] == "s0"), "comment"] = comment
    report = results_of(bank, responses)
    flat = " ".join(pdftotext(render_pdf(report, comments=True), tmp_path).split())
    assert "What people wrote" in flat and "1. To assets 1: we decide with people." in flat
    assert "w0 w1 w2" in flat and all(word in flat for word in ("w500", "w5000", comment.split()[-1]))
    assert "Comments are included only for statements whose results are shown" in flat
    without = " ".join(pdftotext(render_pdf(report), tmp_path).split())
    assert "What people wrote" not in without and "w0 w1 w2" not in without
    assert "Comments are not included in this report." in without
