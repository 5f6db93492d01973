"""Question bank versions, stored as their YAML source so old assessments keep their wording."""

from __future__ import annotations

import hashlib
import threading
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, Row

from questions.schema import Bank
from storage import tables
from storage.db import reading, writing
from storage.errors import StorageError
from storage.records import StoredBank

VERSION_HINT = "Change the bank's version, e.g. 1.1, so older assessments keep their version."
# Parsed banks by content hash: safe to keep because a hash names exactly one text.
_parsed: dict[str, Bank] = {}
_parsed_lock = threading.Lock()


def bank_from_row(row: Row[Any]) -> StoredBank:
    """A StoredBank record from a banks row."""
    return StoredBank(
        id=row.id,
        bank_id=row.bank_id,
        version=row.version,
        title=row.title,
        yaml_text=row.yaml_text,
        content_hash=row.content_hash,
        builtin=bool(row.builtin),
        created_at=row.created_at,
        organisation_id=row.organisation_id,
    )


def content_hash(yaml_text: str) -> str:
    """SHA-256 of the text with line endings made uniform (Windows uploads compare equal)."""
    return hashlib.sha256(yaml_text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def _find(connection: Connection, bank_id: str, version: str, organisation_id: int | None) -> Row[Any] | None:
    """The stored row for this bank id and version of this owner (None: built in or open mode), if any."""
    b = tables.banks
    owner = b.c.organisation_id.is_(None) if organisation_id is None else b.c.organisation_id == organisation_id
    return connection.execute(sa.select(b).where(b.c.bank_id == bank_id, b.c.version == version, owner)).first()


def _existing(row: Row[Any], bank: Bank, digest: str) -> StoredBank:
    """The stored row when its content matches; a version conflict otherwise."""
    if row.content_hash != digest:
        raise StorageError(
            f"Bank {bank.id!r} version {bank.version!r} is already saved with different content.",
            hint=VERSION_HINT,
        )
    return bank_from_row(row)


def save_bank(engine: Engine, bank: Bank, yaml_text: str, builtin: bool = False,
              organisation_id: int | None = None) -> StoredBank:
    """Store a bank version for its owner; saving identical content again returns the stored row.

    An organisation's upload is its own: another organisation may store the same id and version.
    """
    if builtin and organisation_id is not None:
        raise StorageError("A built-in bank belongs to no organisation.")
    if not isinstance(yaml_text, str) or "\x00" in yaml_text:
        raise StorageError("The bank's text could not be stored: it is not plain text.")
    digest = content_hash(yaml_text)
    try:
        with writing(engine) as connection:
            row = _find(connection, bank.id, bank.version, organisation_id)
            if row is not None:
                return _existing(row, bank, digest)
            row = connection.execute(
                sa.insert(tables.banks)
                .values(
                    bank_id=bank.id,
                    version=bank.version,
                    title=bank.title,
                    yaml_text=yaml_text,
                    content_hash=digest,
                    builtin=builtin,
                    created_at=tables.utcnow(),
                    organisation_id=organisation_id,
                )
                .returning(*tables.banks.c)
            ).one()
            return bank_from_row(row)
    except sa.exc.IntegrityError:
        # Another process saved the same id and version between our read and insert.
        with reading(engine) as connection:
            row = _find(connection, bank.id, bank.version, organisation_id)
        if row is None:
            raise
        return _existing(row, bank, digest)


def list_banks(engine: Engine, organisation_ids: set[int] | None = None, open_uploads: bool = True) -> list[StoredBank]:
    """Stored bank versions, by bank id then save order: every one (None), or those these organisations see.

    With organisation ids: the built-in banks, those organisations' uploads, and (with `open_uploads`)
    the uploads made in open mode, which belong to no organisation.
    """
    b = tables.banks
    query = sa.select(b).order_by(b.c.bank_id, b.c.id)
    if organisation_ids is not None:
        visible = [b.c.builtin.is_(True)]
        if organisation_ids:
            visible.append(b.c.organisation_id.in_(sorted(organisation_ids)))
        if open_uploads:
            visible.append(b.c.organisation_id.is_(None))
        query = query.where(sa.or_(*visible))
    with reading(engine) as connection:
        rows = connection.execute(query).all()
    return [bank_from_row(row) for row in rows]


def get_bank(engine: Engine, bank_row_id: int) -> StoredBank | None:
    """The stored bank version with this row id, or None."""
    with reading(engine) as connection:
        row = connection.execute(sa.select(tables.banks).where(tables.banks.c.id == bank_row_id)).first()
    return None if row is None else bank_from_row(row)


def load_bank_version(engine: Engine, bank_row_id: int) -> Bank:
    """The Bank parsed from a stored version's YAML (cached by content hash)."""
    from questions.loader import load_bank_text, with_builtin_translations  # imported late: only needed here

    stored = get_bank(engine, bank_row_id)
    if stored is None:
        raise StorageError("That question bank is no longer in the database.")
    with _parsed_lock:
        cached = _parsed.get(stored.content_hash)
    if cached is not None:
        return cached
    bank = load_bank_text(stored.yaml_text, f"{stored.bank_id}-{stored.version}.yaml")
    if stored.builtin:
        # A built-in bank's translations ship as files beside it, for the version they translate.
        bank = with_builtin_translations(bank)
    with _parsed_lock:
        _parsed[stored.content_hash] = bank
    return bank


def install_builtin_banks(engine: Engine) -> None:
    """Store the shipped banks (idempotent: an unchanged bank is found, not copied)."""
    from questions.loader import builtin_bank_paths, load_bank

    for path in builtin_bank_paths().values():
        # Only the bank's own text is stored; its shipped translations are added when it is loaded.
        save_bank(engine, load_bank(path, translations=False), path.read_text(encoding="utf-8"), builtin=True)
