"""The audit log and sign-in records: who did what, when, and which sign-ins have ended."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine, Row

from domain.records import AuditEntry
from domain.vocabulary import AuditAction
from storage import tables
from storage.checks import TEXT_LIMIT
from storage.db import reading, writing

# The log must never refuse an event for its length: text is cut, not rejected.
_ACTOR_LIMIT = 320


def _cut(text: str, limit: int) -> str:
    """The text without NUL characters, cut to the limit."""
    return text.replace("\x00", "")[:limit]


def entry_from_row(row: Row[Any]) -> AuditEntry:
    """An AuditEntry record from an audit_log row."""
    return AuditEntry(id=row.id, at=row.at, actor=row.actor, action=AuditAction(row.action),
                      organisation_id=row.organisation_id, target=row.target, details=row.details)


def record(engine: Engine, actor: str, action: str, target: str, organisation_id: int | None = None,
           details: str = "", at: datetime | None = None) -> None:
    """Append one event to the audit log."""
    values = {"at": at or tables.utcnow(), "actor": _cut(actor, _ACTOR_LIMIT), "action": str(AuditAction(action)),
              "organisation_id": organisation_id, "target": _cut(target, TEXT_LIMIT),
              "details": _cut(details, TEXT_LIMIT)}
    with writing(engine) as connection:
        connection.execute(sa.insert(tables.audit_log).values(**values))


def entries(engine: Engine, organisation_ids: set[int] | None, limit: int = 500) -> list[AuditEntry]:
    """The newest events first: of these organisations, or all of them (None)."""
    log = tables.audit_log
    query = sa.select(log).order_by(log.c.at.desc(), log.c.id.desc()).limit(limit)
    if organisation_ids is not None:
        query = query.where(log.c.organisation_id.in_(sorted(organisation_ids)))
    with reading(engine) as connection:
        rows = connection.execute(query).all()
    return [entry_from_row(row) for row in rows]


def entries_frame(engine: Engine, organisation_ids: set[int] | None) -> pd.DataFrame:
    """Every event of these organisations (None: all), oldest first, as a table to download."""
    log = tables.audit_log
    query = sa.select(log.c.at, log.c.actor, log.c.action, log.c.target, log.c.details).order_by(log.c.at, log.c.id)
    if organisation_ids is not None:
        query = query.where(log.c.organisation_id.in_(sorted(organisation_ids)))
    with reading(engine) as connection:
        result = connection.execute(query)
        return pd.DataFrame(result.all(), columns=list(result.keys()))


def start_sign_in(engine: Engine, sign_in_hash: str, email: str, started_at: datetime) -> bool:
    """Record a sign-in the first time it is seen; True when it is new (worth an audit line)."""
    s = tables.sign_ins
    try:
        with writing(engine) as connection:
            if connection.execute(sa.select(s.c.id).where(s.c.sign_in_hash == sign_in_hash)).first() is not None:
                return False
            connection.execute(sa.insert(s).values(sign_in_hash=sign_in_hash, email=_cut(email, _ACTOR_LIMIT),
                                                   started_at=started_at))
    except sa.exc.IntegrityError:
        return False  # another replica recorded the same sign-in at the same moment
    return True


def end_sign_in(engine: Engine, sign_in_hash: str) -> None:
    """Mark a sign-in as ended: its identity cookie opens nothing from now on, on any replica."""
    s = tables.sign_ins
    with writing(engine) as connection:
        connection.execute(sa.update(s).where(s.c.sign_in_hash == sign_in_hash, s.c.ended_at.is_(None))
                           .values(ended_at=tables.utcnow()))


def sign_in_ended(engine: Engine, sign_in_hash: str) -> bool:
    """Whether this sign-in was ended by signing out."""
    s = tables.sign_ins
    with reading(engine) as connection:
        ended = connection.execute(sa.select(s.c.ended_at).where(s.c.sign_in_hash == sign_in_hash)).first()
    return ended is not None and ended.ended_at is not None
