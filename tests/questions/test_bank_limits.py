"""Banks are limited by lines, YAML nodes and tokens as well as bytes, and refused before the work is done."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions import BankError, builtin_bank_paths, load_bank, load_bank_bytes, load_bank_text
from questions import compose
from questions.loader import MAX_BYTES, MAX_LINES
from questions.compose import MAX_NODES, MAX_TOKENS, GuardedLoader

# About a million tiny items in 2 MB: before the node limit this cost 20 s of CPU and 500 MB.
FLOW_ITEMS = b"principles: [" + b"[], " * ((MAX_BYTES - 16) // 4) + b"]\n"
TOO_MANY = ("expected at most 20,000 entries (texts, numbers, lists and mappings), found more. "
            "Hint: A question bank has a few hundred entries; check that this is the right file.")


class RecordingLoader(GuardedLoader):
    """The guarded loader, remembering every instance so a test can read its counters."""

    made: list[RecordingLoader] = []

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        RecordingLoader.made.append(self)


@pytest.fixture
def loaders(monkeypatch: pytest.MonkeyPatch) -> list[RecordingLoader]:
    """The loaders made by compose() during the test."""
    made: list[RecordingLoader] = []
    monkeypatch.setattr(RecordingLoader, "made", made)
    monkeypatch.setattr(compose, "GuardedLoader", RecordingLoader)
    return made


def test_load_bank_bytes_million_items_refused_after_max_nodes(loaders: list[RecordingLoader]) -> None:
    assert len(FLOW_ITEMS) <= MAX_BYTES and FLOW_ITEMS.count(b"[]") > 500_000
    with pytest.raises(BankError) as caught:
        load_bank_bytes(FLOW_ITEMS, "big.yaml")
    assert str(caught.value) == f"big.yaml:1:80002: principles[19997]: {TOO_MANY}"
    (loader,) = loaders
    # Stopped at the limit: the scanner read a small part of the text, not a million items.
    assert loader.nodes_read == MAX_NODES + 1
    assert loader.tokens_read < MAX_TOKENS
    assert loader.pointer < len(FLOW_ITEMS) // 20


def test_load_bank_block_items_refused_with_line_and_path(tmp_path: Path, loaders: list[RecordingLoader]) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("principles:\n" + "- a\n" * (MAX_LINES - 1), encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(path)
    assert str(caught.value) == f"big.yaml:19999:3: principles[19997]: {TOO_MANY}"
    assert loaders[0].nodes_read == MAX_NODES + 1


def test_load_bank_text_mapping_keys_refused_with_key_in_path() -> None:
    with pytest.raises(BankError) as caught:
        load_bank_text("principles: {" + "a: b, " * MAX_NODES + "}\n", "keys.yaml")
    assert str(caught.value) == f"keys.yaml:1:60005: principles.a: {TOO_MANY}"


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\u2028"], ids=["lf", "crlf", "cr", "line-separator"])
def test_load_bank_text_too_many_lines_is_one_problem(newline: str, loaders: list[RecordingLoader]) -> None:
    with pytest.raises(BankError) as caught:
        load_bank_text("id: x" + newline * MAX_LINES + "title: y", "lines.yaml")
    assert str(caught.value) == ("lines.yaml: file: expected at most 20,000 lines, found 20,001 lines. "
                                 "Hint: A question bank is a small text file; check that this is the right file.")
    assert loaders == []  # refused before any YAML was scanned


def test_load_bank_text_lines_at_the_limit_are_read() -> None:
    with pytest.raises(BankError) as caught:
        load_bank_text("\n" * (MAX_LINES - 1) + "id: x\n", "lines.yaml")
    assert str(caught.value).startswith("lines.yaml:20000: title: expected a value for 'title'")


def test_load_bank_text_token_flood_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    # Directives make tokens but no nodes; within 20,000 lines they stay far below the real limit.
    monkeypatch.setattr(compose, "MAX_TOKENS", 1_000)
    with pytest.raises(BankError) as caught:
        load_bank_text("%A\n" * 2_000 + "--- x\n", "tokens.yaml")
    assert str(caught.value) == ("tokens.yaml:1001:1: (top level): expected at most 1,000 pieces of YAML syntax "
                                 "(keys, values, dashes, brackets), found more. "
                                 "Hint: A question bank has a few hundred entries; check that this is the right file.")


def test_builtin_banks_are_far_below_every_limit(loaders: list[RecordingLoader]) -> None:
    for path in builtin_bank_paths().values():
        text = path.read_text(encoding="utf-8")
        load_bank_text(text, path.name)
        loader = loaders[-1]
        assert 0 < loader.nodes_read * 20 < MAX_NODES, path.name
        assert 0 < loader.tokens_read * 20 < MAX_TOKENS, path.name
        assert 0 < text.count("\n") * 20 < MAX_LINES, path.name
