"""Assessments and workshops: create, find by join code, open and close, facilitator keys."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, Row

from storage import codes, tables
from storage.checks import NAME_LIMIT, TITLE_LIMIT, assessment_row, clean_text
from storage.db import reading, writing
from storage.errors import StorageError
from domain.vocabulary import Mode, SessionStatus
from storage.records import Assessment

JOIN_CODE_ATTEMPTS = 5


def assessment_from_row(row: Row[Any]) -> Assessment:
    """An Assessment record from an assessments row (join code in display form)."""
    return Assessment(
        id=row.id,
        team_id=row.team_id,
        bank_row_id=row.bank_row_id,
        title=row.title,
        mode=Mode(row.mode),
        status=SessionStatus(row.status),
        join_code=None if row.join_code is None else codes.format_join_code(row.join_code),
        perspectives=tuple(row.perspectives or ()),
        threshold=row.threshold,
        created_at=row.created_at,
        closed_at=row.closed_at,
        link_token=row.link_token,
    )


def _clean_perspectives(perspectives: Iterable[str]) -> list[str]:
    """Perspective ids, stripped, without blanks or repeats, in the order given."""
    if isinstance(perspectives, str):
        perspectives = [perspectives]
    cleaned: list[str] = []
    for value in perspectives:
        text = clean_text(value, "perspective", NAME_LIMIT, required=True)
        if text not in cleaned:
            cleaned.append(text)
    return cleaned


def _check_parents(connection: Connection, team_id: int, bank_row_id: int) -> None:
    """Refuse a missing team or bank with a message instead of a foreign key error."""
    if connection.execute(sa.select(tables.teams.c.id).where(tables.teams.c.id == team_id)).first() is None:
        raise StorageError("That team no longer exists.")
    if connection.execute(sa.select(tables.banks.c.id).where(tables.banks.c.id == bank_row_id)).first() is None:
        raise StorageError("That question bank is no longer in the database.")


def _by_request(connection: Connection, request_id: str | None) -> Assessment | None:
    """The assessment an earlier try of the same request made, if any."""
    if request_id is None:
        return None
    a = tables.assessments
    row = connection.execute(sa.select(a).where(a.c.request_id == request_id)).first()
    return None if row is None else assessment_from_row(row)


def _insert(engine: Engine, values: dict[str, Any]) -> Assessment:
    """Insert an assessment once per request id, drawing a fresh join code again if one collides."""
    request_id = values.get("request_id")
    for _ in range(JOIN_CODE_ATTEMPTS):
        code = codes.new_join_code()
        try:
            with writing(engine) as connection:
                _check_parents(connection, values["team_id"], values["bank_row_id"])
                earlier = _by_request(connection, request_id)
                if earlier is not None:
                    return earlier
                row = connection.execute(
                    sa.insert(tables.assessments)
                    .values(**values, join_code=code, link_token=codes.new_link_token())
                    .returning(*tables.assessments.c)
                ).one()
            return assessment_from_row(row)
        except sa.exc.IntegrityError:
            # Two tries of one request at once (PostgreSQL): the other one's assessment is the answer.
            with reading(engine) as connection:
                repeated = _by_request(connection, request_id)
            if repeated is not None:
                return repeated
            if find_by_join_code(engine, code) is None:
                raise
    raise StorageError("Could not find a free join code: please try again.")


def create_assessment(
    engine: Engine,
    team_id: int,
    bank_row_id: int,
    title: str,
    mode: str = Mode.SELF,
    perspectives: Iterable[str] = (),
    threshold: int = 3,
    request_id: str | None = None,
) -> Assessment:
    """Start an assessment for a team on a stored bank version; people join it with its code.

    Calls with the same `request_id` (a double click, a retry) return the one assessment made.
    """
    values = _values(team_id, bank_row_id, title, mode, perspectives, threshold)
    return _insert(engine, {**values, "request_id": _request(request_id)})


def _request(request_id: str | None) -> str | None:
    """A checked request id: None, or 16 to 64 characters."""
    if request_id is not None and not 16 <= len(request_id) <= 64:
        raise StorageError("A request id needs 16 to 64 characters.")
    return request_id


def _values(
    team_id: int, bank_row_id: int, title: str, mode: str, perspectives: Iterable[str], threshold: int
) -> dict[str, Any]:
    """Checked column values for a new assessment."""
    if mode not in set(Mode):
        raise StorageError(f"The mode {mode!r} is not one of: {', '.join(Mode)}.")
    if isinstance(threshold, bool) or not isinstance(threshold, int) or threshold < 1:
        raise StorageError(f"The minimum group size must be a whole number of 1 or more, not {threshold!r}.")
    return {
        "team_id": team_id,
        "bank_row_id": bank_row_id,
        "title": clean_text(title, "title", TITLE_LIMIT, required=True),
        "mode": str(mode),
        "status": str(SessionStatus.OPEN),
        "perspectives": _clean_perspectives(perspectives),
        "threshold": threshold,
        "created_at": tables.utcnow(),
    }


def create_workshop(
    engine: Engine,
    team_id: int,
    bank_row_id: int,
    title: str,
    perspectives: Iterable[str],
    threshold: int = 3,
    key: str | None = None,
    request_id: str | None = None,
) -> tuple[Assessment, str]:
    """Start a workshop; returns it and the facilitator key, shown this once (only a hash is kept).

    A follow-up may keep the key of the session it follows (`key`), so one key opens the series.
    """
    if key is not None and len(key) < codes.MIN_KEY_LENGTH:
        raise StorageError(f"A facilitator key needs at least {codes.MIN_KEY_LENGTH} characters.")
    if request_id is not None and key is None:
        # A repeated request must hand back the key of the session it made, so it brings its own.
        raise StorageError("A repeatable workshop request needs its facilitator key made beforehand.")
    key = key or codes.new_facilitator_key()
    values = _values(team_id, bank_row_id, title, Mode.WORKSHOP, perspectives, threshold)
    values["facilitator_hash"] = codes.hash_key(key)
    return _insert(engine, {**values, "request_id": _request(request_id)}), key


def create_follow_up(engine: Engine, workshop_id: int, title: str) -> Assessment:
    """A new workshop like this one (team, bank, perspectives, threshold) whose key is the same: its hash is copied."""
    a = tables.assessments
    with reading(engine) as connection:
        source = connection.execute(sa.select(a).where(a.c.id == workshop_id)).first()
    if source is None or source.mode != Mode.WORKSHOP:
        raise StorageError("That workshop no longer exists.")
    values = _values(source.team_id, source.bank_row_id, title, Mode.WORKSHOP, source.perspectives or (),
                     source.threshold)
    values["facilitator_hash"] = source.facilitator_hash
    return _insert(engine, {**values, "request_id": None})


def check_facilitator_key(engine: Engine, assessment_id: int, key: str | None) -> bool:
    """Whether the key is this workshop's facilitator key."""
    a = tables.assessments
    with reading(engine) as connection:
        stored = connection.execute(sa.select(a.c.facilitator_hash).where(a.c.id == assessment_id)).scalar()
    return codes.verify_key(key, stored)


def list_assessments(engine: Engine, team_id: int) -> list[Assessment]:
    """A team's assessments, oldest first."""
    a = tables.assessments
    with reading(engine) as connection:
        rows = connection.execute(sa.select(a).where(a.c.team_id == team_id).order_by(a.c.created_at, a.c.id)).all()
    return [assessment_from_row(row) for row in rows]


def get_assessment(engine: Engine, assessment_id: int) -> Assessment | None:
    """The assessment with this id, or None."""
    with reading(engine) as connection:
        row = connection.execute(
            sa.select(tables.assessments).where(tables.assessments.c.id == assessment_id)
        ).first()
    return None if row is None else assessment_from_row(row)


def find_by_link(engine: Engine, token: str | None) -> Assessment | None:
    """The assessment whose results link carries this secret, or None."""
    if not isinstance(token, str) or not 16 <= len(token) <= 64:
        return None
    a = tables.assessments
    with reading(engine) as connection:
        row = connection.execute(sa.select(a).where(a.c.link_token == token)).first()
    return None if row is None else assessment_from_row(row)


def find_by_join_code(engine: Engine, code: str | None) -> Assessment | None:
    """The workshop with this join code as typed (any case, spaces or dashes), or None."""
    stored = codes.normalise_join_code(code) if isinstance(code, str) else None
    if stored is None:
        return None
    with reading(engine) as connection:
        row = connection.execute(
            sa.select(tables.assessments).where(tables.assessments.c.join_code == stored)
        ).first()
    return None if row is None else assessment_from_row(row)


def set_status(engine: Engine, assessment_id: int, status: str) -> Assessment:
    """Open or close an assessment; closing records when."""
    if status not in set(SessionStatus):
        raise StorageError(f"The status {status!r} is not one of: {', '.join(SessionStatus)}.")
    a = tables.assessments
    with writing(engine) as connection:
        row = assessment_row(connection, assessment_id)
        if row.status != status:
            closed_at = tables.utcnow() if status == SessionStatus.CLOSED else None
            row = connection.execute(
                sa.update(a).where(a.c.id == assessment_id).values(status=str(status), closed_at=closed_at).returning(*a.c)
            ).one()
    return assessment_from_row(row)


def earlier_assessments(engine: Engine, assessment: Assessment) -> list[Assessment]:
    """The team's earlier assessments on the same bank (any version), oldest first."""
    a, b = tables.assessments, tables.banks
    same_bank = sa.select(b.c.bank_id).where(b.c.id == assessment.bank_row_id).scalar_subquery()
    earlier = sa.or_(
        a.c.created_at < assessment.created_at,
        sa.and_(a.c.created_at == assessment.created_at, a.c.id < assessment.id),
    )
    query = (
        sa.select(a)
        .join(b, b.c.id == a.c.bank_row_id)
        .where(a.c.team_id == assessment.team_id, a.c.id != assessment.id, b.c.bank_id == same_bank, earlier)
        .order_by(a.c.created_at, a.c.id)
    )
    with reading(engine) as connection:
        rows = connection.execute(query).all()
    return [assessment_from_row(row) for row in rows]
