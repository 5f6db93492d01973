"""Retention: each organisation's period, deleting a session's answers while keeping what it showed, run times."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from domain.records import RetentionCandidate, Snapshot
from domain.vocabulary import AuditAction, Mode, SessionStatus
from storage import tables
from storage.checks import TEXT_LIMIT
from storage.db import reading, writing
from storage.errors import StorageError
from storage.frames import responses_in

# Longer than anyone would keep answers on purpose: a typo such as 36500 is refused.
MOST_DAYS = 3650


@dataclass(frozen=True)
class AuditLine:
    """The audit log line a purge writes in its own transaction (so a purge is never unrecorded)."""

    actor: str
    target: str
    organisation_id: int | None
    details: str


def check_days(days: int | None) -> int | None:
    """A retention setting as stored: None (the site default), 0 (never) or 1 to MOST_DAYS days."""
    if days is None:
        return None
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MOST_DAYS:
        raise StorageError(f"A retention period must be a whole number of days from 1 to {MOST_DAYS:,}, "
                           f"not {days!r}.", hint="Choose 'never' to keep answers until the team is deleted.")
    return days


def retention_settings(engine: Engine) -> dict[int, int | None]:
    """Every organisation's stored setting (None: the site default; 0: never)."""
    o = tables.organisations
    with reading(engine) as connection:
        rows = connection.execute(sa.select(o.c.id, o.c.retention_days)).all()
    return {int(row.id): row.retention_days for row in rows}


def set_retention_days(engine: Engine, organisation_id: int, days: int | None) -> int | None:
    """Store an organisation's retention setting; returns the one it replaces."""
    days = check_days(days)
    o = tables.organisations
    with writing(engine) as connection:
        before = connection.execute(sa.select(o.c.retention_days).where(o.c.id == organisation_id)).first()
        if before is None:
            raise StorageError("That organisation no longer exists.")
        connection.execute(sa.update(o).where(o.c.id == organisation_id).values(retention_days=days))
    return before.retention_days  # type: ignore[no-any-return]  # an INTEGER column or NULL


def _activity() -> sa.Subquery:
    """Per session: the last time anyone answered (saved, sent or joined)."""
    r, ans = tables.respondents, tables.answers
    last = sa.func.max(sa.func.coalesce(ans.c.updated_at, r.c.submitted_at, r.c.created_at))
    sent = sa.func.max(r.c.submitted_at)
    return (sa.select(r.c.assessment_id, last.label("last_answer"), sent.label("last_sent"))
            .outerjoin(ans, ans.c.respondent_id == r.c.id).group_by(r.c.assessment_id).subquery())


def _latest(*moments: Any) -> datetime | None:
    """The latest of some timestamps (SQLite gives text for an aggregate of a computed column: parsed here)."""
    found = [tables.UTCDateTime().process_result_value(
        datetime.fromisoformat(m) if isinstance(m, str) else m, None) for m in moments if m is not None]  # type: ignore[arg-type]
    return max((m for m in found if m is not None), default=None)


def retention_candidates(engine: Engine) -> list[RetentionCandidate]:
    """Every session whose answers are still stored, with its organisation's setting and last activity."""
    a, t, o, s = tables.assessments, tables.teams, tables.organisations, tables.session_snapshots
    activity = _activity()
    query = (
        sa.select(a.c.id, a.c.title, a.c.team_id, t.c.name.label("team"), t.c.organisation_id,
                  t.c.organisation, o.c.retention_days, a.c.status, a.c.created_at, a.c.closed_at,
                  activity.c.last_answer, activity.c.last_sent)
        .join(t, t.c.id == a.c.team_id)
        .outerjoin(o, o.c.id == t.c.organisation_id)
        .outerjoin(activity, activity.c.assessment_id == a.c.id)
        .where(~sa.exists().where(s.c.assessment_id == a.c.id))
        .order_by(a.c.id)
    )
    with reading(engine) as connection:
        rows = connection.execute(query).all()
    return [RetentionCandidate(
        assessment_id=row.id, title=row.title, team_id=row.team_id, team=row.team, organisation_id=row.organisation_id,
        organisation=row.organisation, retention_days=row.retention_days, status=SessionStatus(row.status),
        created_at=row.created_at, closed_at=row.closed_at, last_answer_at=_latest(row.last_answer, row.last_sent))
        for row in rows]


def _counted_from(connection: Connection, assessment_id: int, created_at: datetime,
                  closed_at: datetime | None) -> datetime:
    """When a session's retention period starts, read inside the purge's transaction (an answer may be new)."""
    activity = _activity()
    row = connection.execute(sa.select(activity.c.last_answer, activity.c.last_sent)
                             .where(activity.c.assessment_id == assessment_id)).first()
    last = _latest(*(row or ()))
    return max(moment for moment in (created_at, closed_at, last) if moment is not None)


def _locked(connection: Connection, assessment_id: int) -> Any:
    """The session's row, locked for this transaction; None if gone or (PostgreSQL) another replica has it."""
    a = tables.assessments
    query = sa.select(a).where(a.c.id == assessment_id)
    if connection.dialect.name == "postgresql":
        # Another replica purging the same session right now: skip it, that one will finish it.
        query = query.with_for_update(skip_locked=True)
    return connection.execute(query).first()  # SQLite: BEGIN IMMEDIATE already holds the only write lock


def purge_answers(engine: Engine, assessment_id: int, cutoff: datetime, retention_days: int,
                  snapshot: Callable[[pd.DataFrame], str], audit: AuditLine, now: datetime) -> int | None:
    """Keep what a session showed and delete its respondents, answers and tokens, in one transaction.

    `snapshot` turns the answers that count into the JSON kept instead. Nothing happens (None) when the
    session has gone, is already purged, is being purged by another replica, or was active after `cutoff`;
    otherwise returns how many respondents were deleted. The session is closed: nobody can answer it again.
    """
    a, r, ans, s = tables.assessments, tables.respondents, tables.answers, tables.session_snapshots
    with writing(engine) as connection:
        row = _locked(connection, assessment_id)
        if row is None or connection.execute(sa.select(s.c.assessment_id)
                                             .where(s.c.assessment_id == assessment_id)).first() is not None:
            return None
        if _counted_from(connection, assessment_id, row.created_at, row.closed_at) > cutoff:
            return None
        counted = responses_in(connection, assessment_id, submitted_only=Mode(row.mode).counts_only_sent)
        kept = snapshot(counted)
        respondent_ids = sa.select(r.c.id).where(r.c.assessment_id == assessment_id)
        deleted = int(connection.execute(sa.select(sa.func.count()).select_from(respondent_ids.subquery())).scalar_one())
        connection.execute(sa.insert(s).values(assessment_id=assessment_id, scored=kept, respondents_deleted=deleted,
                                               retention_days=retention_days, answers_deleted_at=now))
        connection.execute(sa.delete(ans).where(ans.c.respondent_id.in_(respondent_ids)))
        connection.execute(sa.delete(r).where(r.c.assessment_id == assessment_id))
        connection.execute(sa.update(a).where(a.c.id == assessment_id).values(
            status=str(SessionStatus.CLOSED), closed_at=row.closed_at or now))
        connection.execute(sa.insert(tables.audit_log).values(
            at=now, actor=audit.actor[:320], action=str(AuditAction.ANSWERS_DELETED), organisation_id=audit.organisation_id,
            target=audit.target[:TEXT_LIMIT], details=audit.details[:TEXT_LIMIT]))
    return deleted


def snapshot_of(engine: Engine, assessment_id: int) -> Snapshot | None:
    """What a purged session showed, or None while its answers are still stored."""
    s = tables.session_snapshots
    with reading(engine) as connection:
        row = connection.execute(sa.select(s).where(s.c.assessment_id == assessment_id)).first()
    if row is None:
        return None
    return Snapshot(assessment_id=row.assessment_id, scored=row.scored, respondents_deleted=row.respondents_deleted,
                    retention_days=row.retention_days, answers_deleted_at=row.answers_deleted_at)


def claim_run(engine: Engine, name: str, now: datetime, every: timedelta) -> bool:
    """Whether this caller should run a periodic job now; True at most once per `every`, across replicas.

    The row is moved on by a single conditional UPDATE, so of several replicas asking at once one wins.
    """
    runs = tables.scheduled_runs
    insert = postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert
    with writing(engine) as connection:
        # RETURNING rather than rowcount: psycopg reports -1 for an INSERT ... ON CONFLICT DO NOTHING.
        made = connection.execute(insert(runs).values(name=name, last_run_at=now)
                                  .on_conflict_do_nothing(index_elements=["name"]).returning(runs.c.name)).first()
        if made is not None:
            return True
        moved = connection.execute(sa.update(runs).where(runs.c.name == name, runs.c.last_run_at <= now - every)
                                   .values(last_run_at=now).returning(runs.c.name)).first()
    return moved is not None


def last_run(engine: Engine, name: str) -> datetime | None:
    """When a periodic job last ran (None: never)."""
    runs = tables.scheduled_runs
    with reading(engine) as connection:
        found = connection.execute(sa.select(runs.c.last_run_at).where(runs.c.name == name)).scalar()
    return found
