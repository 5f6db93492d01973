"""The printable answer pack (issue 12 point 8), read back with pdftotext."""

from __future__ import annotations

import io
import statistics
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from questions.loader import load_builtin
from reports.paper import paper_pack

LINK = "http://localhost:8501/assess?code=K7M4-QP9X"


def _text(data: bytes, tmp_path: Path) -> str:
    """The PDF's text as pdftotext reads it (fails, not skips, without poppler-utils)."""
    path = tmp_path / "pack.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout


def _plain(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("easy_read", [False, True], ids=["standard", "easy-read"])
def test_paper_pack_has_the_join_code_every_statement_and_tick_boxes(tmp_path: Path, easy_read: bool) -> None:
    bank = load_builtin("coproduction-quick")
    data = paper_pack(bank, "Spring <b>workshop</b>", join_code="K7M4-QP9X", link=LINK, easy_read=easy_read)
    assert data.startswith(b"%PDF")
    text = _text(data, tmp_path)
    plain = _plain(text)
    assert "K7M4-QP9X" in plain and LINK in plain.replace(" ", "")
    assert "Spring <b>workshop</b>" in plain, "the title is printed literally"
    for number, statement in enumerate(bank.statements, start=1):
        from_text, to_text = statement.texts(easy_read)
        assert f"Statement {number}" in plain
        assert _plain(from_text) in plain and _plain(to_text) in plain
    # A Now line (0-4 and don't know) and an Aim line (0-4) for each statement, and room for comments.
    lines = [line.strip() for line in text.splitlines()]
    assert len([line for line in lines if line.startswith("Now")]) == len(bank.statements)
    assert len([line for line in lines if line.startswith("Aim")]) == len(bank.statements)
    assert len([line for line in text.splitlines() if "Now" in line and "0" in line and "4" in line and "?" in line]) \
        == len(bank.statements)
    comments = "What do you think?" if easy_read else "Comments (optional):"
    assert plain.count(comments) == len(bank.statements)
    for perspective in bank.perspectives:
        assert _plain(perspective.text(easy_read)) in plain


def test_paper_pack_easy_read_uses_the_easy_read_texts_and_larger_type(tmp_path: Path) -> None:
    bank = load_builtin("coproduction-quick")
    standard = _plain(_text(paper_pack(bank, "Spring", join_code="K7M4-QP9X"), tmp_path))
    easy = _plain(_text(paper_pack(bank, "Spring", join_code="K7M4-QP9X", easy_read=True), tmp_path))
    first = bank.statements[0]
    assert first.easy_read_from and _plain(first.easy_read_from) in easy and _plain(first.easy_read_from) not in standard
    assert _plain(first.from_text) in standard and _plain(first.from_text) not in easy
    assert _plain(bank.scale.label(0, easy_read=True)) in easy
    assert _plain(bank.principles[0].texts(easy_read=True).name) in easy
    # Larger type (the pictures are vector drawings: see them in the rendered pages).
    sizes = {flag: _sizes(paper_pack(bank, "S", link=LINK, easy_read=flag)) for flag in (False, True)}
    assert statistics.median(sizes[True]) >= 14 > 11 >= statistics.median(sizes[False])


def _sizes(data: bytes) -> list[float]:
    """The font size of every piece of text in the PDF."""
    sizes: list[float] = []

    def visit(text: str, cm: object, tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append(size * tm[0])

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return sizes
