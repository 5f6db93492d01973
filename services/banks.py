"""Question banks as the pages offer them: choices for a new assessment, browsing, uploads."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

import storage
from domain.records import Assessment, StoredBank
from questions.loader import load_bank_bytes
from questions.schema import Bank


@dataclass(frozen=True)
class BankVersion:
    """A stored bank version with its parsed content."""

    row: StoredBank
    bank: Bank


def bank_of(engine: Engine, assessment: Assessment) -> Bank:
    """The bank version an assessment was started with."""
    return storage.load_bank_version(engine, assessment.bank_row_id)


def bank_choices(engine: Engine) -> dict[int, str]:
    """Bank rows to offer for new assessments: every version, newest first, labelled."""
    rows = sorted(storage.list_banks(engine), key=lambda b: (b.bank_id, b.created_at), reverse=True)
    return {b.id: f"{b.title} (version {b.version})" for b in rows}


def stored_banks(engine: Engine) -> list[StoredBank]:
    """Every stored bank version."""
    return storage.list_banks(engine)


def bank_version(engine: Engine, bank_row_id: int) -> BankVersion | None:
    """One stored version and its parsed bank, or None when it has gone."""
    row = storage.get_bank(engine, bank_row_id)
    return None if row is None else BankVersion(row, storage.load_bank_version(engine, bank_row_id))


def upload_bank(engine: Engine, data: bytes, source: str) -> StoredBank:
    """Check an uploaded bank file and store it (BankError listing every problem, or StorageError)."""
    bank = load_bank_bytes(data, source=source)
    return storage.save_bank(engine, bank, data.decode("utf-8-sig"))
