"""The PDF and the slides in the reader's language: Welsh text and dates, Arabic script shaped and in order."""

from __future__ import annotations

import dataclasses
import io
import re
import subprocess
from pathlib import Path

from pptx import Presentation

from i18n import use_language
from questions.schema import Bank, Principle, Statement
from reports.model import build_results
from reports.pdf import build_pdf
from reports.slides import build_slides
from tests.reports.conftest import action, agreed, answers, results_input, small_bank, uniform

SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
# Bidi marks pdftotext adds around right-to-left runs: not part of the text.
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
TEAM = "فريق الدعم المنزلي"
FROM_TEXT = "نقرر نيابة عن الناس"
TO_TEXT = "نقرر مع الناس معا"
PLAN = "ننشئ بنك وقت مع مجموعة مقدمي الرعاية"
NOTES = "اتفقنا بعد نقاش طويل"


def pdftotext(data: bytes, name: str) -> str:
    """The PDF's text as poppler extracts it (bidi marks dropped), with its first page kept as a PNG to look at."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.pdf"
    path.write_bytes(data)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(path), str(SHOTS / name)], check=True)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    return _MARKS.sub("", text)


def arabic_bank() -> Bank:
    """The small bank with its first statement written in Arabic (as a translated bank would give it)."""
    bank = small_bank()
    first = bank.principles[0]
    statement = dataclasses.replace(first.statements[0], from_text=FROM_TEXT, to_text=TO_TEXT)
    principle: Principle = dataclasses.replace(first, statements=(statement, *first.statements[1:]))
    return dataclasses.replace(bank, principles=(principle, *bank.principles[1:]))


def test_pdf_arabic_text_extracts_in_reading_order() -> None:
    bank = arabic_bank()
    first: Statement = bank.principles[0].statements[0]
    people = {f"s{i}": ("staff", uniform(bank, value, 4)) for i, value in enumerate((0, 1, 2, 3))}
    inputs = results_input(bank, answers(people), team=TEAM, actions=[action(first.principle_id, PLAN, "سارة")],
                           ratings=agreed({first.id: (2, NOTES)}))
    with use_language("ar"):  # Arabic ships no staff catalogue: English headings, Arabic user and bank text
        text = pdftotext(build_pdf(build_results(inputs)), "pdf-arabic")
    for expected in (TEAM, FROM_TEXT, TO_TEXT, PLAN, NOTES):
        assert expected in text, expected
    assert "Scores by principle" in text


def test_pdf_welsh_headings_dates_and_method() -> None:
    bank = small_bank()
    people = {f"s{i}": ("staff", uniform(bank, value, 4)) for i, value in enumerate((1, 2, 3, 3))}
    inputs = results_input(bank, answers(people), team="Tîm gwasanaethau dydd", actions=[
        action("reciprocity", "Sefydlu banc amser gyda'r grŵp gofalwyr", "Rhian Jones", None, "in progress")])
    with use_language("cy"):
        text = pdftotext(build_pdf(build_results(inputs)), "pdf-welsh")
    flat = " ".join(text.split())
    for expected in ("HUNANASESIAD CYDGYNHYRCHU", "Sgorau fesul egwyddor", "Cynllun gweithredu", "Ymarfer cryfaf",
                     "Sut mae'r sgorau'n cael eu cyfrifo", "Dyddiad yr asesiad 2 Tachwedd 2026",
                     "Adroddiad wedi'i greu 23 Tachwedd 2026", "Statws: ar y gweill", "Tudalen 1 o",
                     "Sgôr gyffredinol: 56 allan o 100", "Tîm gwasanaethau dydd"):
        assert expected in flat, expected
    assert "Scores by principle" not in flat


def test_slides_in_welsh_open_with_python_pptx() -> None:
    bank = small_bank()
    people = {f"s{i}": ("staff", uniform(bank, value, 4)) for i, value in enumerate((1, 2, 3, 3))}
    with use_language("cy"):
        data = build_slides(build_results(results_input(bank, answers(people))), None)
    deck = Presentation(io.BytesIO(data))
    texts = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]
    titles = [slide.shapes.title.text for slide in deck.slides if slide.shapes.title is not None]
    assert "2 Tachwedd 2026 · 4 o ymatebwyr" in "\n".join(texts)
    assert "Sgorau fesul egwyddor" in titles and "Camau gweithredu" in titles
    cells = [cell.text for slide in deck.slides for shape in slide.shapes if shape.has_table
             for row in shape.table.rows for cell in row.cells]
    assert {"Egwyddor", "Sgôr", "Targed", "Ymatebwyr"} <= set(cells)
