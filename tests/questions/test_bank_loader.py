"""Tests for loading banks: the built-in banks, inputs of every kind and problem collection."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from questions import (
    Bank, BankError, builtin_bank_paths, load_bank, load_bank_bytes, load_bank_text, load_builtin,
)
from questions.defaults import DEFAULT_SCALE
from questions.loader import MAX_BYTES

MINIMAL = """\
id: demo
title: Demo bank
version: 1.10
principles:
  - id: assets
    name: Recognising people as assets
    definition: People have skills to offer.
    statements:
      - id: assets-1
        from: We record needs.
        to: We record strengths.
"""


def _error(text: str, source: str = "<upload>") -> BankError:
    """The BankError raised for text (fails the test if the text loads)."""
    with pytest.raises(BankError) as caught:
        load_bank_text(text, source)
    return caught.value


def test_builtin_bank_paths_lists_both_banks() -> None:
    paths = builtin_bank_paths()
    assert {bank_id: path.name for bank_id, path in paths.items()} == {
        "coproduction-full": "coproduction_full.yaml", "coproduction-quick": "coproduction_quick.yaml"}
    assert all(path.is_file() for path in paths.values())


@pytest.mark.parametrize(("bank_id", "statements"), [("coproduction-full", 36), ("coproduction-quick", 6)])
def test_load_builtin_counts_and_unique_ids(bank_id: str, statements: int) -> None:
    bank = load_builtin(bank_id)
    assert bank.id == bank_id
    assert [p.id for p in bank.principles] == [
        "assets", "reciprocity", "networks", "valuing_work", "blurring_roles", "facilitating"]
    assert len(bank.statements) == statements
    assert len(set(bank.statement_ids)) == statements
    assert [p.id for p in bank.perspectives] == ["staff", "people_using_services", "carers", "managers",
                                                 "commissioners"]
    assert bank.version == "1.1" and bank.language == "en-GB"
    assert load_bank(builtin_bank_paths()[bank_id]) == bank


def test_load_builtin_full_bank_has_easy_read_and_prompt_everywhere() -> None:
    bank = load_builtin("coproduction-full")
    for statement in bank.statements:
        assert statement.easy_read_from and statement.easy_read_to, statement.id
        assert statement.prompt and statement.prompt.endswith("?"), statement.id
        assert statement.texts(easy_read=True) == (statement.easy_read_from, statement.easy_read_to)
    assert all(len(p.statements) == 6 for p in bank.principles)
    assert bank.principle_of("networks-3").name == "Peer support networks"


def test_load_builtin_banks_are_immutable() -> None:
    bank = load_builtin("coproduction-full")
    with pytest.raises(dataclasses.FrozenInstanceError):
        bank.title = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        bank.statements[0].to_text = "changed"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        bank.scale.levels[0].label = "changed"  # type: ignore[misc]
    assert isinstance(bank.principles, tuple) and isinstance(bank.principles[0].statements, tuple)


def test_load_builtin_unknown_id_suggests_close_match() -> None:
    with pytest.raises(BankError) as caught:
        load_builtin("coproduction-ful")
    assert str(caught.value) == ("<built-in>: bank id: expected one of coproduction-full, coproduction-quick, "
                                 "found text 'coproduction-ful'. Hint: Did you mean 'coproduction-full'?")


def test_load_bank_text_minimal_bank_gets_defaults() -> None:
    bank = load_bank_text(MINIMAL)
    assert isinstance(bank, Bank)
    assert bank.version == "1.10"  # kept as written, not the float 1.1
    assert bank.language == "en-GB" and bank.description == "" and bank.references == ()
    assert bank.scale == DEFAULT_SCALE
    assert [level.value for level in bank.scale.levels] == [0, 1, 2, 3, 4]
    assert bank.scale.levels[0].label == "Mostly like From" and bank.scale.levels[4].label == "Mostly like To"
    assert bank.scale.dont_know_label == "Don't know / not applicable"
    assert bank.statement("assets-1").principle_id == "assets"
    assert bank.statement("assets-1").texts(easy_read=True) == ("We record needs.", "We record strengths.")


def test_load_bank_text_sorts_levels_by_value() -> None:
    levels = "".join(f"    - {{value: {value}, label: L{value}}}\n" for value in (4, 2, 0, 3, 1))
    bank = load_bank_text("scale:\n  levels:\n" + levels + MINIMAL)
    assert [level.label for level in bank.scale.levels] == ["L0", "L1", "L2", "L3", "L4"]
    assert bank.scale.bands == DEFAULT_SCALE.bands


def test_load_bank_bytes_accepts_bom_and_unicode() -> None:
    bank = load_bank_bytes(b"\xef\xbb\xbf" + MINIMAL.replace("Demo bank", "Cynllun ŵ ŷ café").encode("utf-8"))
    assert bank.title == "Cynllun ŵ ŷ café"


def test_load_bank_bytes_not_utf8_points_at_line() -> None:
    data = MINIMAL.replace("Demo bank", "Caf\xe9").encode("latin-1")
    with pytest.raises(BankError) as caught:
        load_bank_bytes(data, "latin.yaml")
    assert str(caught.value) == ("latin.yaml:2: file: expected UTF-8 text, found a byte that is not UTF-8 "
                                 "(0xe9 at byte 20). Hint: Save the file as UTF-8 (in most editors: Save as, "
                                 "then choose UTF-8).")


def test_load_bank_text_over_2_mb_is_one_problem() -> None:
    error = _error(MINIMAL + "#" * MAX_BYTES, "big.yaml")
    assert len(error.problems) == 1
    assert str(error) == ("big.yaml: file: expected at most 2 MB (2,097,152 bytes), found 2,097,404 bytes. "
                          "Hint: A question bank is a small text file; check that this is the right file.")


def test_load_bank_big_file_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: cheap to create
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert str(caught.value).startswith("huge.yaml: file: expected at most 2 MB (2,097,152 bytes), found "
                                        "2,097,153 bytes.")


def test_load_bank_missing_file_is_a_bank_error(tmp_path: Path) -> None:
    with pytest.raises(BankError) as caught:
        load_bank(tmp_path / "nope.yaml")
    assert str(caught.value) == ("nope.yaml: file: expected a readable bank file, found an error reading it "
                                 "(No such file or directory). Hint: Check the file name and that the file exists.")


def test_load_bank_text_syntax_error_gives_line_and_column() -> None:
    error = _error(MINIMAL.replace("name: Recognising people as assets", "name: Assets: people"), "s.yaml")
    (problem,) = error.problems
    assert (problem.file, problem.line, problem.column, problem.path) == ("s.yaml", 6, 17, "YAML syntax")
    assert str(error) == ("s.yaml:6:17: YAML syntax: expected valid YAML, found a syntax error: mapping values "
                          "are not allowed here. Hint: Put text that contains ': ' in quotes.")


def test_load_bank_text_collects_all_problems() -> None:
    text = MINIMAL.replace("id: demo", "id: Demo").replace("to: We record strengths.", "to:")
    text = text.replace("title: Demo bank", "titel: Demo bank")
    error = _error(text, "three.yaml")
    assert [(p.line, p.path) for p in error.problems] == [
        (1, "title"), (1, "id"), (2, "titel"), (11, "principles[0].statements[0].to")]
    assert str(error).splitlines()[3] == ("three.yaml:11: principles[0].statements[0].to: expected text, found nothing. "
                                          "Hint: Write the text after the colon, in quotes if it contains ': '.")


def test_load_bank_text_problems_carry_node_lines() -> None:
    text = MINIMAL + """\
  - id: networks
    name: Networks
    definition: Friends matter.
    statements:
      - id: networks-1
        from: We work alone.
        to: 5
        easy_read: {to: We work with others.}
"""
    error = _error(text)
    assert str(error) == (
        "<upload>:18: principles[1].statements[0].to: expected text, found the number 5. "
        "Hint: Put it in quotes if it is meant as text.\n"
        "<upload>:19: principles[1].statements[0].easy_read: expected both 'from' and 'to', found only 'to'. "
        "Hint: Give both Easy Read texts, or remove easy_read.")


def test_load_bank_text_alias_bomb_is_refused_at_first_alias() -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 9) + "]" for i in range(20)]
    error = _error("\n".join(lines))
    assert str(error) == ("<upload>:2:8: YAML: expected no aliases, found the alias *a. "
                          "Hint: Write the value out in full instead of using '&name' and '*name'.")


@pytest.mark.parametrize("junk", ["[" * 5000 + "]" * 5000, "{a: " * 5000 + "}" * 5000,
                                  "".join("  " * depth + "- x:\n" for depth in range(200))],
                         ids=["flow-lists", "flow-mappings", "block-lists"])
def test_load_bank_text_deep_nesting_is_a_bank_error(junk: str) -> None:
    error = _error(junk)
    assert [p.expected for p in error.problems] == ["at most 32 levels of nesting"]


def test_schema_doc_example_loads() -> None:
    doc = (Path(__file__).resolve().parents[2] / "questions" / "SCHEMA.md").read_text(encoding="utf-8")
    example = re.search(r"## Example\n\n```yaml\n(.*?)```", doc, re.S)
    assert example is not None
    bank = load_bank_text(example.group(1), "SCHEMA.md")
    assert bank.statement("assets-1").easy_read_to == "We write down what people are good at."
    assert bank.statement("assets-1").references == ("nef & NESTA (2010) Public Services Inside Out.",)


def test_load_bank_text_unclosed_quote_points_at_where_it_opens() -> None:
    error = _error('id: demo\ntitle: "Demo bank\nversion: 1\nprinciples: []\n', "quote.yaml")
    assert str(error) == ("quote.yaml:5:1: YAML syntax: expected valid YAML, found a syntax error: unexpected end of "
                          "stream. Hint: Close the quote opened at line 2, column 8.")
