"""Question banks as the pages offer them: choices for a new assessment, browsing, uploads, the default."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

import storage
from domain.records import Assessment, Organisation, StoredBank, Team
from domain.vocabulary import AuditAction
from questions.loader import load_bank_bytes
from questions.schema import Bank
from services.access import ViewerAccess
from services.audit import log
from services.roles import Permission
from storage import StorageError

# The bank a new assessment starts on unless the organisation's admin chose another.
DEFAULT_BANK_ID = "coproduction-full"


@dataclass(frozen=True)
class BankVersion:
    """A stored bank version with its parsed content."""

    row: StoredBank
    bank: Bank


def bank_of(engine: Engine, assessment: Assessment, language: str | None = None) -> Bank:
    """The bank version an assessment was started with, its texts in `language` where translated.

    Only the texts change: ids and scoring are the same, so answers in any language land in one result.
    """
    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    return bank.in_language(language) if language else bank


def _label(row: StoredBank) -> str:
    """A bank version as the pickers name it."""
    return f"{row.title} (version {row.version}){' · built in' if row.builtin else ''}"


def visible_banks(engine: Engine, access: ViewerAccess) -> list[StoredBank]:
    """The banks this viewer may see: built in for all; uploads inside their organisations (open mode: all)."""
    if not access.viewer.signed_in_mode:
        return storage.list_banks(engine)
    organisations = {t.organisation_id for t in access.teams() if t.organisation_id is not None}
    organisations |= {m.organisation_id for m in access.memberships}
    return storage.list_banks(engine, organisation_ids=organisations, open_uploads=False)


def bank_choices(engine: Engine, team: Team | None = None) -> dict[int, str]:
    """Bank rows to offer for a team's new assessment, the default first: the organisation's choice or the full bank.

    Without a team (the command line): every version, newest first.
    """
    if team is None:
        rows = sorted(storage.list_banks(engine), key=lambda b: (b.bank_id, b.created_at), reverse=True)
        return {b.id: _label(b) for b in rows}
    ids = {team.organisation_id} if team.organisation_id is not None else set()
    rows = storage.list_banks(engine, organisation_ids=ids, open_uploads=True)
    organisation = storage.get_organisation(engine, team.organisation_id) if team.organisation_id else None
    chosen = organisation.default_bank_row_id if organisation else None

    def rank(row: StoredBank) -> tuple[int, str, float]:
        first = row.id == chosen if chosen is not None else (row.builtin and row.bank_id == DEFAULT_BANK_ID)
        return (0 if first else 1, row.bank_id, -row.created_at.timestamp())

    return {b.id: _label(b) for b in sorted(rows, key=rank)}


def stored_banks(engine: Engine) -> list[StoredBank]:
    """Every stored bank version (the command line)."""
    return storage.list_banks(engine)


def bank_version(engine: Engine, bank_row_id: int, access: ViewerAccess | None = None) -> BankVersion | None:
    """One stored version and its parsed bank, or None when it has gone (or this viewer may not see it)."""
    row = storage.get_bank(engine, bank_row_id)
    if row is None or (access is not None and row.id not in {b.id for b in visible_banks(engine, access)}):
        return None
    return BankVersion(row, storage.load_bank_version(engine, bank_row_id))


def upload_organisations(access: ViewerAccess) -> list[Organisation]:
    """Where this viewer may upload a bank (signed-in mode: organisations they are admin of)."""
    return access.organisations(Permission.MANAGE_BANKS)


def upload_bank(engine: Engine, data: bytes, source: str, access: ViewerAccess | None = None,
                organisation_id: int | None = None) -> StoredBank:
    """Check an uploaded bank file and store it for its organisation (BankError listing every problem, or StorageError).

    Signed in, only an admin of the organisation may upload, and the bank is seen only inside it.
    """
    if access is not None and access.viewer.signed_in_mode:
        if organisation_id is None or not access.may_in_organisation(Permission.MANAGE_BANKS, organisation_id):
            raise StorageError("Only an admin of the organisation can upload banks for it.")
    bank = load_bank_bytes(data, source=source)
    stored = storage.save_bank(engine, bank, data.decode("utf-8-sig"), organisation_id=organisation_id)
    if access is not None:
        log(access.engine, access.viewer, AuditAction.BANK_UPLOADED, f"{stored.title} (version {stored.version})",
            organisation_id=organisation_id)
    return stored


def choose_default_bank(engine: Engine, access: ViewerAccess, organisation_id: int,
                        bank_row_id: int | None) -> Organisation:
    """The bank this organisation's new assessments start on (None: the full built-in bank); admins only."""
    if not access.may_in_organisation(Permission.MANAGE_BANKS, organisation_id):
        raise StorageError("Only an admin of the organisation can choose its default bank.")
    chosen = storage.set_default_bank(engine, organisation_id, bank_row_id)
    row = storage.get_bank(engine, bank_row_id) if bank_row_id is not None else None
    log(engine, access.viewer, AuditAction.DEFAULT_BANK, chosen.name,
        organisation_id=organisation_id, details=_label(row) if row else "the full built-in bank")
    return chosen
