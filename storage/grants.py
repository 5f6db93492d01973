"""What a browser was given: teams, session links and facilitator unlocks, by a hash of its device id."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from domain.vocabulary import GrantKind
from storage import tables
from storage.db import reading, writing
from storage.errors import StorageError


@dataclass(frozen=True)
class Grant:
    """One thing a browser may open, until it expires or is revoked."""

    kind: GrantKind
    object_id: int
    expires_at: datetime


def _check_hash(device_hash: str) -> None:
    """Refuse anything but a SHA-256 hex digest: the raw device id must never reach the database."""
    if len(device_hash) != 64 or any(ch not in "0123456789abcdef" for ch in device_hash):
        raise StorageError("A device is stored only as a SHA-256 digest.")


def add_grant(engine: Engine, device_hash: str, kind: str, object_id: int, lifetime: timedelta,
              now: datetime | None = None) -> Grant:
    """Give a browser access to a team or session until now + lifetime (a repeat extends it)."""
    _check_hash(device_hash)
    if kind not in set(GrantKind):
        raise StorageError(f"The grant kind {kind!r} is not one of: {', '.join(GrantKind)}.")
    now = now or tables.utcnow()
    g = tables.device_grants
    live = sa.and_(g.c.device_hash == device_hash, g.c.kind == str(kind), g.c.object_id == object_id,
                   g.c.revoked_at.is_(None))
    with writing(engine) as connection:
        # Old rows of the same grant go: the table keeps one live row per device and object.
        connection.execute(sa.delete(g).where(live))
        connection.execute(sa.insert(g).values(device_hash=device_hash, kind=str(kind), object_id=object_id,
                                               created_at=now, expires_at=now + lifetime))
    return Grant(GrantKind(kind), object_id, now + lifetime)


def active_grants(engine: Engine, device_hash: str, now: datetime | None = None) -> list[Grant]:
    """What this browser may open now: neither expired nor revoked."""
    g = tables.device_grants
    now = now or tables.utcnow()
    with reading(engine) as connection:
        rows = connection.execute(
            sa.select(g.c.kind, g.c.object_id, g.c.expires_at)
            .where(g.c.device_hash == device_hash, g.c.revoked_at.is_(None), g.c.expires_at > now)
            .order_by(g.c.id)
        ).all()
    return [Grant(GrantKind(row.kind), row.object_id, row.expires_at) for row in rows]


def revoke_device(engine: Engine, device_hash: str) -> int:
    """End everything this browser was given; returns how many grants ended."""
    g = tables.device_grants
    with writing(engine) as connection:
        done = connection.execute(
            sa.update(g).where(g.c.device_hash == device_hash, g.c.revoked_at.is_(None))
            .values(revoked_at=tables.utcnow())
        )
    return int(done.rowcount)


def revoke_object(engine: Engine, kind: str, object_id: int, keep_device_hash: str | None = None) -> int:
    """End every browser's grant of one team or session (a stolen cookie stops working); returns how many."""
    g = tables.device_grants
    condition = sa.and_(g.c.kind == str(kind), g.c.object_id == object_id, g.c.revoked_at.is_(None))
    if keep_device_hash is not None:
        condition = sa.and_(condition, g.c.device_hash != keep_device_hash)
    with writing(engine) as connection:
        done = connection.execute(sa.update(g).where(condition).values(revoked_at=tables.utcnow()))
    return int(done.rowcount)


def grant_count(engine: Engine, kind: str, object_id: int, now: datetime | None = None) -> int:
    """How many browsers hold a live grant of one team or session."""
    g = tables.device_grants
    now = now or tables.utcnow()
    with reading(engine) as connection:
        found = connection.execute(
            sa.select(sa.func.count(sa.distinct(g.c.device_hash)))
            .where(g.c.kind == str(kind), g.c.object_id == object_id, g.c.revoked_at.is_(None), g.c.expires_at > now)
        ).scalar()
    return int(found or 0)
