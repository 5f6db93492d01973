"""Easy Read in the bank schema: accessors that fall back, the requires_easy_read check, built-in content."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from questions import Bank, BankError, builtin_bank_paths, load_bank, load_bank_text, load_builtin, loader
from questions.defaults import DEFAULT_PERSPECTIVES, DEFAULT_SCALE
from questions.pictograms import PICTURES

MINIMAL = """\
id: demo
title: Demo bank
version: "1"
principles:
  - id: assets
    name: Recognising people as assets
    definition: People have skills to offer.
    statements:
      - id: assets-1
        from: We record needs.
        to: We record strengths.
"""
EASY = """\
id: demo
title: Demo bank
version: "1"
description: A check for our team.
easy_read:
  title: Our check
  description: A few questions. It is short.
perspectives:
  - {id: staff, label: Staff, easy_read: {label: I work here}}
  - {id: people, label: People who use services}
principles:
  - id: assets
    name: Recognising people as assets
    definition: People have skills to offer.
    guidance: Ask for examples.
    easy_read:
      name: People have skills
      definition: Everyone can give something.
    statements:
      - id: assets-1
        from: We record needs.
        to: We record strengths.
        easy_read: {from: We write down problems., to: We write down what people are good at.}
        picture: star
"""
# Words that need explaining to a participant; Easy Read text says it in everyday words instead.
JARGON = ("reciprocity", "mutuality", "facilitat", "catalyst", "commissioning", "commissioner", "co-produc",
          "assets", "peer", "stakeholder", "outcomes", "outputs", "consultation", "lived experience")
MAX_SENTENCE_WORDS = 15


def _error(text: str, source: str = "<upload>", requires_easy_read: bool = True) -> BankError:
    """The BankError raised for text (fails the test if the text loads)."""
    with pytest.raises(BankError) as caught:
        load_bank_text(text, source, requires_easy_read=requires_easy_read)
    return caught.value


def _easy_texts(bank: Bank) -> Iterator[tuple[str, str]]:
    """(where, text) for every Easy Read text a participant may read."""
    yield "title", bank.texts(True)[0]
    yield "description", bank.texts(True)[1]
    yield "dont_know", bank.scale.dont_know(True)
    for level in bank.scale.levels:
        yield from ((f"level {level.value}", text) for text in level.texts(True))
    for band in bank.scale.bands:
        yield from ((f"band {band.name}", text) for text in band.texts(True))
    yield from ((f"perspective {p.id}", p.text(True)) for p in bank.perspectives)
    for principle in bank.principles:
        yield from ((principle.id, text) for text in principle.texts(True) if text)
        for statement in principle.statements:
            yield from ((statement.id, text) for text in statement.texts(True))


def _sentences(text: str) -> list[str]:
    """Sentences of a text, split after '.', '?' or '!'."""
    return [part for part in re.split(r"(?<=[.?!])\s+", text.strip()) if part]


def test_principle_texts_falls_back_to_standard_text() -> None:
    bank = load_bank_text(EASY)
    principle = bank.principle("assets")
    assert principle.texts(easy_read=True) == ("People have skills", "Everyone can give something.",
                                               "Ask for examples.")
    assert principle.texts() == ("Recognising people as assets", "People have skills to offer.", "Ask for examples.")
    assert principle.texts(True).name == "People have skills"


def test_bank_and_perspective_texts_fall_back_to_standard_text() -> None:
    bank = load_bank_text(EASY)
    assert bank.texts(True) == ("Our check", "A few questions. It is short.")
    assert bank.texts() == ("Demo bank", "A check for our team.")
    assert [p.text(True) for p in bank.perspectives] == ["I work here", "People who use services"]
    assert bank.statement("assets-1").picture == "star"
    assert bank.statement("assets-1").texts(True) == ("We write down problems.", "We write down what people are good at.")


def test_minimal_bank_gets_easy_read_scale_and_perspectives_from_defaults() -> None:
    bank = load_bank_text(MINIMAL)
    assert bank.scale == DEFAULT_SCALE and bank.perspectives == DEFAULT_PERSPECTIVES
    assert [bank.scale.label(value, easy_read=True) for value in range(5)] == [
        "Old way", "Mostly old way", "Half and half", "Mostly new way", "New way"]
    assert bank.scale.label(0) == "Mostly like From"
    assert bank.scale.dont_know(True) == "I do not know" and bank.scale.dont_know() == "Don't know / not applicable"
    assert bank.scale.band_for(80).texts(True)[0] == "Working together as equals"
    assert bank.texts(True) == ("Demo bank", "") and bank.statement("assets-1").picture is None


def test_scale_label_uses_values_not_positions_and_falls_back() -> None:
    levels = "".join(f"    - {{value: {v}, label: L{v}, easy_read: {{label: E{v}}}}}\n" for v in (4, 2, 0, 3))
    bank = load_bank_text("scale:\n  levels:\n" + levels + "    - {value: 1, label: L1}\n  dont_know: Unsure\n"
                          + MINIMAL)
    assert [bank.scale.label(v, True) for v in range(5)] == ["E0", "L1", "E2", "E3", "E4"]
    assert bank.scale.description(2, True) == "" and bank.scale.level(3).label == "L3"
    # A bank's own don't-know label has no Easy Read text of its own, so both modes show it.
    assert bank.scale.dont_know(True) == "Unsure"
    with pytest.raises(KeyError):
        bank.scale.label(7)


def test_load_bank_text_without_easy_read_loads_when_not_required() -> None:
    bank = load_bank_text(MINIMAL)
    assert bank.principle("assets").texts(True) == bank.principle("assets").texts()


def test_requires_easy_read_reports_every_missing_text_and_picture() -> None:
    text = MINIMAL.replace("    definition: People have skills to offer.\n",
                           "    definition: People have skills to offer.\n    guidance: Ask.\n"
                           "    easy_read:\n      name: People have skills\n")
    error = _error("description: A check.\n" + text, "demo.yaml")
    assert str(error) == "\n".join([
        "demo.yaml:1: easy_read.title: expected Easy Read text (this bank must have Easy Read throughout), found "
        "nothing (the key is missing). Hint: Add 'easy_read:' at this level with 'title: ...' under it, in short "
        "sentences and everyday words.",
        "demo.yaml:1: easy_read.description: expected Easy Read text (this bank must have Easy Read throughout), "
        "found nothing (the key is missing). Hint: Add 'easy_read:' at this level with 'description: ...' under it, "
        "in short sentences and everyday words.",
        "demo.yaml:11: principles[0].easy_read.definition: expected Easy Read text (this bank must have Easy Read "
        "throughout), found nothing (the key is missing). Hint: Add 'definition: ...' under this 'easy_read:', in "
        "short sentences and everyday words.",
        "demo.yaml:11: principles[0].easy_read.guidance: expected Easy Read text (this bank must have Easy Read "
        "throughout), found nothing (the key is missing). Hint: Add 'guidance: ...' under this 'easy_read:', in "
        "short sentences and everyday words.",
        "demo.yaml:13: principles[0].statements[0].easy_read.from: expected Easy Read text (this bank must have "
        "Easy Read throughout), found nothing (the key is missing). Hint: Add 'easy_read:' at this level with "
        "'from: ...' under it, in short sentences and everyday words.",
        "demo.yaml:13: principles[0].statements[0].easy_read.to: expected Easy Read text (this bank must have "
        "Easy Read throughout), found nothing (the key is missing). Hint: Add 'easy_read:' at this level with "
        "'to: ...' under it, in short sentences and everyday words.",
        "demo.yaml:13: principles[0].statements[0].picture: expected a picture id (this bank must have a picture "
        "for every statement), found nothing (the key is missing). Hint: Add a line 'picture: ...' with an id "
        "listed in questions/pictures/README.md, e.g. 'handshake'.",
    ])


def test_requires_easy_read_checks_a_banks_own_scale_and_perspectives() -> None:
    scale = """\
scale:
  levels:
    - {value: 0, label: L0, easy_read: {label: E0}}
    - {value: 1, label: L1, easy_read: {label: E1}}
    - {value: 2, label: L2, easy_read: {label: E2}}
    - {value: 3, label: L3, easy_read: {label: E3}}
    - {value: 4, label: L4, description: Best}
  dont_know: Unsure
  bands: [{min: 0, name: Low, easy_read: {name: Low}}]
perspectives: [{id: staff, label: Staff}]
"""
    body = EASY.replace("perspectives:\n  - {id: staff, label: Staff, easy_read: {label: I work here}}\n"
                        "  - {id: people, label: People who use services}\n", "").replace(
        "definition: Everyone can give something.\n", "definition: Everyone can give something.\n"
        "      guidance: Give an example.\n")
    assert "perspectives" not in body and "guidance: Give" in body
    error = _error(scale + body, "scale.yaml")
    assert [(problem.line, problem.path) for problem in error.problems] == [
        (2, "scale.easy_read.dont_know"), (7, "scale.levels[4].easy_read.label"),
        (7, "scale.levels[4].easy_read.description"), (10, "perspectives[0].easy_read.label")]


def test_requires_easy_read_passes_a_complete_bank() -> None:
    complete = EASY.replace("    guidance: Ask for examples.\n", "").replace(
        "label: People who use services}", "label: People who use services, easy_read: {label: I use services}}")
    bank = load_bank_text(complete, requires_easy_read=True)
    assert bank.principle("assets").texts(True).guidance == ""


@pytest.mark.parametrize("bank_id", ["coproduction-full", "coproduction-quick"])
def test_builtin_bank_passes_requires_easy_read(bank_id: str) -> None:
    bank = load_bank(builtin_bank_paths()[bank_id], requires_easy_read=True)
    assert all(statement.picture in PICTURES for statement in bank.statements)
    for principle in bank.principles:
        assert principle.easy_read_name and principle.easy_read_definition and principle.easy_read_guidance
    assert all(level.easy_read_label and level.easy_read_description for level in bank.scale.levels)
    assert all(band.easy_read_name and band.easy_read_description for band in bank.scale.bands)
    assert bank.scale.easy_read_dont_know and bank.easy_read_title and bank.easy_read_description
    assert all(perspective.easy_read_label for perspective in bank.perspectives)


def test_load_builtin_refuses_a_builtin_bank_missing_easy_read(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    source = builtin_bank_paths()["coproduction-quick"].read_text(encoding="utf-8")
    cut = source.replace("        picture: vote\n", "").replace("  easy_read:\n    dont_know: I do not know\n", "")
    assert len(cut) < len(source) - 30
    (tmp_path / "coproduction_quick.yaml").write_text(cut, encoding="utf-8")
    monkeypatch.setattr(loader, "BANK_DIR", tmp_path)
    loader._builtin_banks.cache_clear()
    try:
        with pytest.raises(BankError) as caught:
            load_builtin("coproduction-quick")
    finally:
        loader._builtin_banks.cache_clear()
    assert [problem.path for problem in caught.value.problems] == [
        "scale.easy_read.dont_know", "principles[4].statements[0].picture"]


@pytest.mark.parametrize("bank_id", ["coproduction-full", "coproduction-quick"])
def test_builtin_easy_read_sentences_are_short_and_free_of_jargon(bank_id: str) -> None:
    bank = load_builtin(bank_id)
    for where, text in _easy_texts(bank):
        for sentence in _sentences(text):
            assert len(re.findall(r"[\w'-]+", sentence)) <= MAX_SENTENCE_WORDS, (where, sentence)
            lowered = sentence.lower()
            # Co-production is named once, where it is explained.
            if not lowered.startswith("co-production means"):
                assert not [word for word in JARGON if word in lowered], (where, sentence)
    assert "Co-production means" in bank.texts(True)[1]


@pytest.mark.parametrize("bank_id", ["coproduction-full", "coproduction-quick"])
def test_builtin_easy_read_differs_from_standard_text(bank_id: str) -> None:
    bank = load_builtin(bank_id)
    assert bank.texts(True) != bank.texts()
    for principle in bank.principles:
        easy, standard = principle.texts(True), principle.texts()
        assert all(e != s for e, s in zip(easy, standard)), principle.id
    assert [bank.scale.label(v, True) for v in range(5)] != [bank.scale.label(v) for v in range(5)]


def test_builtin_banks_share_their_easy_read_scale_and_principle_names() -> None:
    full, quick = load_builtin("coproduction-full"), load_builtin("coproduction-quick")
    assert quick.scale == full.scale and quick.perspectives == full.perspectives
    assert [p.texts(True).name for p in quick.principles] == [p.texts(True).name for p in full.principles]


def test_schema_doc_lists_every_easy_read_key_and_its_example_has_easy_read() -> None:
    doc = (Path(__file__).resolve().parents[2] / "questions" / "SCHEMA.md").read_text(encoding="utf-8")
    for key in ("requires_easy_read", "`easy_read:`", "`picture`", "Principle.texts(easy_read)",
                "Scale.label(value, easy_read)", "Scale.dont_know(easy_read)", "CC BY-SA 4.0",
                "questions/pictures/README.md"):
        assert key in doc, key
    example = re.search(r"## Example\n\n```yaml\n(.*?)```", doc, re.S)
    assert example is not None
    bank = load_bank_text(example.group(1), "SCHEMA.md", requires_easy_read=True)
    assert bank.principle("assets").texts(True).name == "People have skills to give"
    assert bank.statement("assets-1").picture == "star"
