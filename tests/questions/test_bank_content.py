"""Tests for the content of the built-in banks: completeness, Easy Read style and originality."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from questions import Bank, load_builtin

PRINCIPLES = ["assets", "reciprocity", "networks", "valuing_work", "blurring_roles", "facilitating"]
SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
WINDOW = 8  # no run of this many words may be shared with the source material


def _texts(bank: Bank) -> Iterator[str]:
    """Every piece of text a bank shows to people, standard and Easy Read."""
    yield from bank.references
    for easy_read in (False, True):
        yield from (*bank.texts(easy_read), bank.scale.dont_know(easy_read))
        for level in bank.scale.levels:
            yield from level.texts(easy_read)
        for band in bank.scale.bands:
            yield from band.texts(easy_read)
        yield from (perspective.text(easy_read) for perspective in bank.perspectives)
        for principle in bank.principles:
            yield from principle.texts(easy_read)
            for statement in principle.statements:
                yield from statement.texts(easy_read)
    for statement in bank.statements:
        yield from (*statement.references, *((statement.prompt,) if statement.prompt else ()))


def test_texts_include_every_easy_read_text() -> None:
    texts = set(_texts(load_builtin("coproduction-quick")))
    assert {"How well do we work together? (short version)", "People have skills to give", "Half and half",
            "I do not know", "Working together as equals", "I use services", "Staff run everything."} <= texts


def _words(text: str) -> list[str]:
    """Lowercase words with punctuation and curly quotes ignored."""
    return re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'"))


def _windows(words: list[str]) -> set[tuple[str, ...]]:
    """Every run of WINDOW consecutive words."""
    return {tuple(words[i:i + WINDOW]) for i in range(len(words) - WINDOW + 1)}


def test_full_bank_has_six_statements_per_principle_in_order() -> None:
    bank = load_builtin("coproduction-full")
    assert [p.id for p in bank.principles] == PRINCIPLES
    for principle in bank.principles:
        assert [s.id for s in principle.statements] == [f"{principle.id}-{n}" for n in range(1, 7)]
        assert principle.definition and principle.guidance


def test_quick_bank_has_one_statement_per_principle_with_its_own_ids() -> None:
    quick, full = load_builtin("coproduction-quick"), load_builtin("coproduction-full")
    assert [p.id for p in quick.principles] == PRINCIPLES
    assert [len(p.statements) for p in quick.principles] == [1] * 6
    assert quick.statement_ids == tuple(f"quick-{pid}" for pid in PRINCIPLES)
    assert [p.name for p in quick.principles] == [p.name for p in full.principles]
    assert quick.scale == full.scale
    assert all(s.easy_read_from and s.easy_read_to and s.prompt for s in quick.statements)


def test_builtin_scale_is_0_to_4_with_separate_dont_know() -> None:
    scale = load_builtin("coproduction-full").scale
    assert [(level.value, level.label) for level in scale.levels] == [
        (0, "Mostly like From"), (1, "More like From"), (2, "In between"), (3, "More like To"),
        (4, "Mostly like To")]
    assert scale.dont_know_label == "Don't know / not applicable"
    assert [(band.min_score, band.name) for band in scale.bands] == [
        (0, "Doing to"), (25, "Doing for"), (50, "Doing with"), (75, "Co-producing")]
    assert scale.band_for(80).name == "Co-producing" and scale.band_for(24.9).name == "Doing to"


@pytest.mark.parametrize("bank_id", ["coproduction-full", "coproduction-quick"])
def test_builtin_easy_read_is_short_and_plain(bank_id: str) -> None:
    for statement in load_builtin(bank_id).statements:
        for text in (statement.easy_read_from, statement.easy_read_to):
            assert text is not None and len(_words(text)) <= 12, (statement.id, text)
            assert len(_words(text)) < len(_words(statement.to_text)) + 3, (statement.id, text)
        assert statement.from_text != statement.to_text


@pytest.mark.parametrize("bank_id", ["coproduction-full", "coproduction-quick"])
def test_builtin_bank_shares_no_8_word_run_with_seeds(bank_id: str) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"source material not present at {SEEDS}")
    seeds = set().union(*(_windows(_words(path.read_text(encoding="utf-8", errors="replace")))
                          for path in sorted(SEEDS.glob("*.txt"))))
    assert seeds, "no seed text found"
    copied = {" ".join(window) for text in _texts(load_builtin(bank_id)) for window in _windows(_words(text))} & {
        " ".join(window) for window in seeds}
    assert copied == set()


def test_windows_detects_a_copied_run() -> None:
    text = "we keep the people we support safe and well every day"
    assert _windows(_words("Today " + text.upper())) & _windows(_words(text + "!"))
