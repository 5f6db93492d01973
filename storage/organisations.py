"""Organisations and the roles people hold in them or in their teams."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, Row

from domain.records import Membership, Organisation
from domain.vocabulary import Role
from storage import tables
from storage.checks import NAME_LIMIT, clean_text
from storage.db import reading, writing
from storage.errors import StorageError

EMAIL_LIMIT = 320


def organisation_from_row(row: Row[Any]) -> Organisation:
    """An Organisation record from an organisations row."""
    return Organisation(id=row.id, name=row.name, default_bank_row_id=row.default_bank_row_id,
                        created_at=row.created_at)


def membership_from_row(row: Row[Any]) -> Membership:
    """A Membership record from a memberships row."""
    return Membership(id=row.id, email=row.email, organisation_id=row.organisation_id, team_id=row.team_id,
                      role=Role(row.role), invited_by=row.invited_by, created_at=row.created_at)


def clean_email(value: Any) -> str:
    """An email address as stored: stripped, lower case, with one @ and something either side."""
    text = clean_text(value, "email address", EMAIL_LIMIT, required=True).lower()
    local, at, domain = text.partition("@")
    if not at or not local or not domain or "@" in domain or any(ch.isspace() for ch in text):
        raise StorageError(f"{text!r} is not an email address.", hint="Type it as name@example.org.")
    return text


def organisation_id_for(connection: Connection, name: str) -> int:
    """The id of the organisation with this name, made if new (inside the caller's write transaction)."""
    o = tables.organisations
    found = connection.execute(sa.select(o.c.id).where(o.c.name == name)).scalar()
    if found is not None:
        return int(found)
    return int(connection.execute(
        sa.insert(o).values(name=name, created_at=tables.utcnow()).returning(o.c.id)
    ).scalar_one())


def create_organisation(engine: Engine, name: str) -> Organisation:
    """Add an organisation (the same name again returns it)."""
    name = clean_text(name, "organisation name", NAME_LIMIT, required=True)
    try:
        with writing(engine) as connection:
            organisation_id = organisation_id_for(connection, name)
    except sa.exc.IntegrityError:
        # Another replica made the same one between our read and insert.
        with writing(engine) as connection:
            organisation_id = organisation_id_for(connection, name)
    found = get_organisation(engine, organisation_id)
    assert found is not None
    return found


def get_organisation(engine: Engine, organisation_id: int) -> Organisation | None:
    """The organisation with this id, or None."""
    o = tables.organisations
    with reading(engine) as connection:
        row = connection.execute(sa.select(o).where(o.c.id == organisation_id)).first()
    return None if row is None else organisation_from_row(row)


def list_organisations(engine: Engine) -> list[Organisation]:
    """Every organisation, by name."""
    o = tables.organisations
    with reading(engine) as connection:
        rows = connection.execute(sa.select(o).order_by(o.c.name, o.c.id)).all()
    return [organisation_from_row(row) for row in rows]


def set_default_bank(engine: Engine, organisation_id: int, bank_row_id: int | None) -> Organisation:
    """Choose the bank new assessments of the organisation start on (None: the full built-in bank)."""
    o, b = tables.organisations, tables.banks
    with writing(engine) as connection:
        if bank_row_id is not None:
            owner = connection.execute(sa.select(b.c.organisation_id, b.c.builtin).where(b.c.id == bank_row_id)).first()
            if owner is None or not (owner.builtin or owner.organisation_id == organisation_id):
                raise StorageError("That question bank is not one of this organisation's banks.")
        done = connection.execute(sa.update(o).where(o.c.id == organisation_id).values(default_bank_row_id=bank_row_id))
        if done.rowcount == 0:
            raise StorageError("That organisation no longer exists.")
    found = get_organisation(engine, organisation_id)
    assert found is not None
    return found


def add_membership(engine: Engine, email: str, organisation_id: int, team_id: int | None, role: str,
                   invited_by: str) -> Membership:
    """Give a person a role in an organisation or one of its teams (replacing the role they had there)."""
    email = clean_email(email)
    if role not in set(Role):
        raise StorageError(f"The role {role!r} is not one of: {', '.join(Role)}.")
    if team_id is not None and role in (Role.ADMIN, Role.MANAGER):
        raise StorageError(f"An {role} role holds for the whole organisation, not one team.",
                           hint="Choose 'every team' for admins and managers.")
    m, t = tables.memberships, tables.teams
    same_scope = sa.and_(m.c.email == email, m.c.organisation_id == organisation_id,
                         m.c.team_id.is_(None) if team_id is None else m.c.team_id == team_id)
    with writing(engine) as connection:
        if connection.execute(sa.select(tables.organisations.c.id)
                              .where(tables.organisations.c.id == organisation_id)).first() is None:
            raise StorageError("That organisation no longer exists.")
        if team_id is not None:
            owner = connection.execute(sa.select(t.c.organisation_id).where(t.c.id == team_id)).first()
            if owner is None or owner.organisation_id != organisation_id:
                raise StorageError("That team is not in this organisation.")
        connection.execute(sa.delete(m).where(same_scope))
        row = connection.execute(
            sa.insert(m).values(email=email, organisation_id=organisation_id, team_id=team_id, role=str(role),
                                invited_by=invited_by, created_at=tables.utcnow()).returning(*m.c)
        ).one()
    return membership_from_row(row)


def remove_membership(engine: Engine, membership_id: int) -> Membership | None:
    """Take a role away; returns what it was (None if it had gone already)."""
    m = tables.memberships
    with writing(engine) as connection:
        row = connection.execute(sa.delete(m).where(m.c.id == membership_id).returning(*m.c)).first()
    return None if row is None else membership_from_row(row)


def memberships_of(engine: Engine, email: str) -> list[Membership]:
    """Every role this person holds, oldest first."""
    m = tables.memberships
    with reading(engine) as connection:
        rows = connection.execute(sa.select(m).where(m.c.email == email.strip().lower()).order_by(m.c.id)).all()
    return [membership_from_row(row) for row in rows]


def memberships_in(engine: Engine, organisation_id: int) -> list[Membership]:
    """Every role held in an organisation and its teams, by email."""
    m = tables.memberships
    with reading(engine) as connection:
        rows = connection.execute(
            sa.select(m).where(m.c.organisation_id == organisation_id).order_by(m.c.email, m.c.id)
        ).all()
    return [membership_from_row(row) for row in rows]
