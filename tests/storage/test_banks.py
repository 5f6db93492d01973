"""Stored bank versions: saving, conflicts and parsing back."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy.engine import Engine

import questions.loader
import storage
import storage.banks
from questions.schema import Bank
from storage import StorageError, get_bank, list_banks, load_bank_version, save_bank
from tests.storage.conftest import make_bank

TEXT = "id: test-bank\nversion: '1.0'\ntitle: Banc prawf ŵŷ 🌈 <b>\n"


def test_save_bank_stores_text_exactly(engine: Engine, bank: Bank) -> None:
    stored = save_bank(engine, bank, TEXT, builtin=True)
    assert (stored.bank_id, stored.version, stored.title, stored.builtin) == ("test-bank", "1.0", "Test bank", True)
    assert stored.yaml_text == TEXT
    assert len(stored.content_hash) == 64
    assert get_bank(engine, stored.id) == stored


def test_save_bank_same_content_returns_existing_row(engine: Engine, bank: Bank) -> None:
    first = save_bank(engine, bank, TEXT)
    again = save_bank(engine, bank, TEXT.replace("\n", "\r\n"))  # a Windows copy is the same content
    assert again == first
    assert list_banks(engine) == [first]


def test_save_bank_same_version_different_content_rejected(engine: Engine, bank: Bank) -> None:
    save_bank(engine, bank, TEXT)
    with pytest.raises(StorageError) as caught:
        save_bank(engine, bank, TEXT + "description: changed\n")
    assert str(caught.value) == (
        "Bank 'test-bank' version '1.0' is already saved with different content. "
        "Hint: Change the bank's version, e.g. 1.1, so older assessments keep their version."
    )
    assert len(list_banks(engine)) == 1


def test_save_bank_new_version_kept_beside_old(engine: Engine, bank: Bank) -> None:
    old = save_bank(engine, bank, TEXT)
    new = save_bank(engine, replace(bank, version="1.1"), TEXT + "# 1.1\n")
    other = save_bank(engine, make_bank("another"), "id: another\n")
    assert list_banks(engine) == [other, old, new]


def test_get_bank_missing_is_none(engine: Engine) -> None:
    assert get_bank(engine, 4242) is None


def test_load_bank_version_parses_stored_text(engine: Engine) -> None:
    path = questions.loader.builtin_bank_paths()["coproduction-quick"]
    text = path.read_text(encoding="utf-8")
    bank = questions.loader.load_bank_text(text, path.name)
    stored = save_bank(engine, bank, text, builtin=True)
    assert load_bank_version(engine, stored.id) == bank


def test_load_bank_version_caches_by_content_hash(
    engine: Engine, bank: Bank, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, str]] = []

    def fake_load(text: str, source: str = "<upload>") -> Bank:
        seen.append((text, source))
        return bank

    monkeypatch.setattr(questions.loader, "load_bank_text", fake_load)
    monkeypatch.setattr(storage.banks, "_parsed", {})
    stored = save_bank(engine, bank, TEXT)
    assert load_bank_version(engine, stored.id) is bank
    assert load_bank_version(engine, stored.id) is bank
    assert seen == [(TEXT, "test-bank-1.0.yaml")]


def test_load_bank_version_missing_raises(engine: Engine) -> None:
    with pytest.raises(StorageError) as caught:
        load_bank_version(engine, 4242)
    assert str(caught.value) == "That question bank is no longer in the database."


def test_save_bank_nul_text_rejected(engine: Engine, bank: Bank) -> None:
    with pytest.raises(StorageError) as caught:
        save_bank(engine, bank, "id: x\x00")
    assert str(caught.value) == "The bank's text could not be stored: it is not plain text."


def test_assessment_keeps_scoring_against_its_bank_version(engine: Engine) -> None:
    path = questions.loader.builtin_bank_paths()["coproduction-quick"]
    text = path.read_text(encoding="utf-8")
    old_bank = questions.loader.load_bank_text(text, path.name)
    old = save_bank(engine, old_bank, text, builtin=True)
    team = storage.create_team(engine, "Org", "Team")
    assessment = storage.create_assessment(engine, team.id, old.id, "Spring")
    # A later version of the shipped bank, whatever version it is at now.
    changed = text.replace(f'version: "{old_bank.version}"', 'version: "99.0"', 1).replace(
        old_bank.statement("quick-assets").to_text, "A rewritten To statement for version 99.0.", 1)
    new_bank = questions.loader.load_bank_text(changed, "quick-99.0.yaml")
    new = save_bank(engine, new_bank, changed)
    assert (new.version, new.id != old.id) == ("99.0", True)
    record = storage.get_assessment(engine, assessment.id)
    assert record is not None
    used = load_bank_version(engine, record.bank_row_id)
    assert used.version == old_bank.version
    assert used.statement("quick-assets").to_text == old_bank.statement("quick-assets").to_text
    assert load_bank_version(engine, new.id).statement("quick-assets").to_text == "A rewritten To statement for version 99.0."
