"""The PDF writer: real PDFs whose extracted text shows scores, user text printed literally."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from fpdf.errors import FPDFException
from pypdf import PdfReader

from questions.schema import Bank, Perspective
from reports.parts import Results
from reports.errors import ReportError
from reports.glyphs import printable
from reports.pdf import CELL_SIZE, FONT, ReportDocument, build_pdf, render_pdf
from tests.reports.conftest import action, agreed, answers, results_of, session, small_bank, uniform

ACTIONS = [action("reciprocity", "Set up a time bank with the carers' group", "Rhian Jones", date(2027, 2, 1),
                  "in progress")]


def pdf_text(data: bytes) -> tuple[int, str]:
    """Page count and all extracted text of a PDF."""
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def squashed(text: str) -> str:
    """Text without any whitespace, to compare wrapped output."""
    return re.sub(r"\s+", "", text)


def hostile_report(bank: Bank, responses: pd.DataFrame, **changes: str) -> Results:
    """A report whose team and action texts are given by the test."""
    options: dict[str, Any] = {k: v for k, v in changes.items() if k != "description"}
    plan = dataclasses.replace(ACTIONS[0], description=changes.get("description", "Plan"))
    return results_of(bank, responses, actions=[plan], **options)


@pytest.fixture(scope="module")
def full_pdf() -> bytes:
    """The PDF of the standard test report, radar included."""
    bank = small_bank()
    people = {f"s{i}": ("staff", uniform(bank, value, 4)) for i, value in enumerate((1, 2, 3, 3))}
    responses = answers(people)
    report = results_of(bank, responses, actions=ACTIONS,
                        earlier=[session(responses.assign(current=1.0), title="March", number=1)])
    return build_pdf(report)


def test_build_pdf_text_shows_scores_team_and_actions(full_pdf: bytes) -> None:
    pages, text = pdf_text(full_pdf)
    assert full_pdf.startswith(b"%PDF-")
    assert "Day services team" in text
    assert "Overall score: 56 out of 100 \u00b7 Doing with" in text
    assert "Recognising people as assets 56 Doing with 100 +44" in text
    assert "Set up a time bank with the carers' group" in text
    assert "Owner: Rhian Jones" in text and "Due: 1 February 2027" in text
    assert f"Page 1 of {pages}" in text
    assert "Generated 23 November 2026 by Co-production: how are you doing?" in text


def test_build_pdf_draws_the_radar_as_vectors_with_text_labels(full_pdf: bytes, tmp_path: Path) -> None:
    reader = PdfReader(io.BytesIO(full_pdf))
    assert sum(len(page.images) for page in reader.pages) == 0
    path = tmp_path / "report.pdf"
    path.write_bytes(full_pdf)
    listed = subprocess.run(["pdfimages", "-list", str(path)], check=True, capture_output=True, text=True).stdout
    assert len(listed.strip().splitlines()) == 2  # the column headings and their rule: no image at all
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    radar = text.split("Current, target and baseline by principle")[1].split("Scores by principle")[0]
    words = radar.split()
    # Ring values, principle labels (wrapped as on screen), the current scores beside their points, legend.
    assert {"25", "50", "75", "100", "Recognising", "Reciprocity", "Peer", "networks", "56"} <= set(words)
    assert "Baseline: March (2 Nov 2026)" in " ".join(words) and "Target" in words and "Current" in words


def test_render_pdf_prints_markup_literally(bank: Bank, responses: pd.DataFrame) -> None:
    report = hostile_report(bank, responses, team="<b>Team</b> &amp; **bold** _x_",
                            description="<i>not italic</i> **not bold** <script>alert(1)</script>")
    _, text = pdf_text(render_pdf(report))
    assert "<b>Team</b> &amp; **bold** _x_" in text
    assert "<i>not italic</i> **not bold** <script>alert(1)</script>" in text


def test_render_pdf_survives_welsh_accents_and_emoji(bank: Bank, responses: pd.DataFrame) -> None:
    report = hostile_report(bank, responses, team="Tîm Gwasanaethau Dydd ŵ ŷ Ŵ Ŷ 👍🏽 中文",
                            description="Cyfarfod â’r gofalwyr — café naïve 🧑‍🤝‍🧑")
    _, text = pdf_text(render_pdf(report))
    assert "Tîm Gwasanaethau Dydd ŵ ŷ Ŵ Ŷ ? ??" in text
    assert "Cyfarfod â’r gofalwyr — café naïve ???" in text


def test_render_pdf_breaks_a_300_character_word(bank: Bank, responses: pd.DataFrame) -> None:
    word = "x" * 300
    data = render_pdf(hostile_report(bank, responses, team=word, description=word + "y"))
    _, text = pdf_text(data)
    assert word + "y" in squashed(text)
    assert max(len(line) for line in text.splitlines()) < 150  # wrapped, not run off the page


def test_render_pdf_prints_a_10000_character_action_in_full(bank: Bank, responses: pd.DataFrame) -> None:
    description = " ".join(f"step{i}" for i in range(1700))[:10_000]
    pages, text = pdf_text(render_pdf(hostile_report(bank, responses, description=description)))
    assert len(description) == 10_000
    # The text runs over pages, so headers and footers interleave: compare word by word.
    assert set(description.split()) <= set(text.split())
    assert squashed(description[:300]) in squashed(text)
    assert pages >= 4


def test_render_pdf_withheld_shows_message_and_no_scores(bank: Bank) -> None:
    few = answers({"a": ("staff", uniform(bank, 4, 4)), "b": ("staff", uniform(bank, 0, 4))})
    report = results_of(bank, few, actions=ACTIONS, ratings=agreed({"assets_1": (3, "")}))
    _, text = pdf_text(build_pdf(report))
    assert squashed(report.withheld or "missing") in squashed(text)
    assert "Overall score" not in text and "Scores by principle" not in text
    assert "From assets 1" not in text and "Agreed ratings" not in text
    assert "Set up a time bank" in text


def test_render_pdf_wraps_layout_failure(bank: Bank, responses: pd.DataFrame, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: object) -> bytes:
        raise FPDFException("Not enough horizontal space to render a single character")

    monkeypatch.setattr(ReportDocument, "output", broken)
    with pytest.raises(ReportError) as caught:
        render_pdf(results_of(bank, responses))
    assert str(caught.value) == ("report: PDF: expected a report that can be laid out, found FPDFException: Not "
                                 "enough horizontal space to render a single character. Hint: Shorten very long "
                                 "texts and try again.")


def test_build_pdf_without_team_prints_no_stray_separator(bank: Bank, responses: pd.DataFrame) -> None:
    report = results_of(bank, responses, organisation="", team="")
    _pages, text = pdf_text(build_pdf(report))
    assert "\u00b7" not in text.split("Overall score")[0]
    assert "Spring self-assessment \u00b7" not in text


def wide_bank(labels: Sequence[str], principle_name: str | None = None) -> Bank:
    """The small bank with these perspective labels and, when given, a new name for its first principle."""
    bank = small_bank()
    principles = bank.principles
    if principle_name is not None:
        principles = (dataclasses.replace(principles[0], name=principle_name), *principles[1:])
    perspectives = tuple(Perspective(f"p{i}", label) for i, label in enumerate(labels))
    return dataclasses.replace(bank, principles=principles, perspectives=perspectives)


def everyone(bank: Bank) -> pd.DataFrame:
    """Three people from every perspective, so each perspective gets its own column."""
    return answers({f"{p.id}_{k}": (p.id, uniform(bank, (i + k) % 5, 4))
                    for i, p in enumerate(bank.perspectives) for k in range(3)})


def test_build_pdf_shows_every_perspective_in_tables_of_at_most_four(monkeypatch: pytest.MonkeyPatch) -> None:
    labels = [f"Group {letter}" for letter in "ABCDEFGH"]
    bank = wide_bank(labels)
    headings: list[list[str]] = []
    grid = ReportDocument.grid

    def spy(self: ReportDocument, heads: Sequence[str], *args: Any, **kwargs: Any) -> None:
        headings.append(list(heads))
        grid(self, heads, *args, **kwargs)

    monkeypatch.setattr(ReportDocument, "grid", spy)
    _, text = pdf_text(build_pdf(results_of(bank, everyone(bank))))
    tables = [heads[1:] for heads in headings if heads[0] == "Principle" and set(heads[1:]) <= set(labels)]
    assert [label for table in tables for label in table] == labels
    assert len(tables) == 2 and all(len(table) <= 4 for table in tables)
    section = text.split("Scores by perspective")[1].split("Where perspectives differ most")[0]
    assert all(label in section for label in labels)
    assert section.count("Principle") == 2


@pytest.mark.parametrize(("labels", "principle_name"), [
    ([f"Perspective {i} " + "with a very long label " * 32 for i in range(6)], None),
    (["W" * 700, "M" * 700], None),
    ([f"{i} " + "x" * 5000 for i in range(3)], None),
    (["Staff", "Carers"], "W" * 700),
    (["Staff", "Carers"], "A principle\n" * 60),
    (["Staff", "Carers"], "A principle " + "with a very long name " * 500),
], ids=["six-700-char-labels", "wide-letters", "5000-char-labels", "700-wide-letters", "60-lines", "11000-chars"])
def test_build_pdf_cuts_very_long_bank_labels_to_fit(labels: list[str], principle_name: str | None) -> None:
    bank = wide_bank(labels, principle_name)
    pages, text = pdf_text(build_pdf(results_of(bank, everyone(bank), actions=ACTIONS)))
    assert "\u2026" in text
    assert squashed(labels[0][:10]) in squashed(text)
    assert pages <= 12


@pytest.fixture(scope="module")
def document() -> ReportDocument:
    """A document with the table font set, to measure cell text in."""
    bank = small_bank()
    doc = ReportDocument(results_of(bank, everyone(bank)))
    doc.add_page()
    doc.set_font(FONT, "B", CELL_SIZE)
    return doc


@pytest.mark.parametrize("text", [
    "", "x", "word " * 400, "W" * 3000, "line\n" * 100, "\u05e9" * 2000, "a\u0301" * 2000, "- " * 2000,
], ids=["empty", "x", "words", "wide-letters", "lines", "hebrew", "combining-accents", "dashes"])
@pytest.mark.parametrize("width", [14.0, 19.0, 44.0, 106.0])
def test_clipped_cell_text_never_exceeds_its_lines(document: ReportDocument, text: str, width: float) -> None:
    doc = document
    clipped, lines = doc._clipped(printable(text), width, 5)
    assert len(doc._lines(clipped, width)) == lines <= 5
    if len(doc._lines(printable(text), width)) <= 5:
        assert clipped == printable(text)
    else:
        assert clipped.endswith("\u2026")


@pytest.mark.parametrize("invisible", ["\u200b\u200b", "\u200d\ufe0f", "   "])
def test_render_pdf_prints_a_dash_for_invisible_text(bank: Bank, responses: pd.DataFrame, invisible: str) -> None:
    plan = dataclasses.replace(ACTIONS[0], description=invisible, owner=invisible)
    report = results_of(bank, responses, actions=[plan])
    _, text = pdf_text(render_pdf(report))
    lines = [line.strip() for line in text.splitlines()]
    plan_lines = lines[lines.index("Action plan"):]
    details = "Owner: \u2013    Due: 1 February 2027    Status: in progress"
    assert plan_lines[1:4] == ["1. Reciprocity and mutuality", "\u2013", details]


def test_render_pdf_prints_hebrew_and_arabic_letters(bank: Bank, responses: pd.DataFrame) -> None:
    hebrew, arabic = "צוות שירותי יום", "فريق الخدمات"
    report = hostile_report(bank, responses, team=f"{hebrew} {arabic}", description="नमस्ते 👍🏽 שלום")
    _, text = pdf_text(render_pdf(report))
    subtitle = next(line for line in text.splitlines() if "Caerphilly" in line)
    # Without text shaping the letters are drawn in typing order; pypdf may read them either way round.
    assert all(word in subtitle or word[::-1] in subtitle for word in f"{hebrew} {arabic}".split())
    assert "?" not in subtitle
    assert "שלום" in text or "םולש" in text


def test_build_pdf_lists_actions_still_open_from_last_time(bank: Bank, responses: pd.DataFrame) -> None:
    earlier = [action("assets", "Ask about strengths at the first visit", "Rhian", status="in progress"),
               action("assets", "Finished work", status="done")]
    spring = session(responses, title="Spring", taken_on=date(2026, 3, 2), actions=earlier, number=1)
    report = results_of(bank, responses, earlier=[spring], actions=ACTIONS)
    _pages, text = pdf_text(build_pdf(report))
    flat = squashed(text)
    assert squashed("Still open from Spring (2 Mar 2026)") in flat
    assert squashed("Ask about strengths at the first visit") in flat
    assert squashed("Finished work") not in flat
    assert flat.index(squashed("Set up a time bank")) < flat.index(squashed("Still open from"))
