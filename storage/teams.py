"""Teams: create, list, export everything they own, and delete it all."""

from __future__ import annotations

from typing import Any

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.engine import Engine, Row

from domain.vocabulary import GrantKind
from storage import codes, tables
from storage.checks import NAME_LIMIT, clean_text
from storage.db import reading, writing
from storage.errors import StorageError
from storage.organisations import organisation_id_for
from storage.records import Team


def team_from_row(row: Row[Any]) -> Team:
    """A Team record from a teams row."""
    return Team(id=row.id, organisation=row.organisation, name=row.name, created_at=row.created_at,
                organisation_id=row.organisation_id, link_token=row.link_token)


def create_team(engine: Engine, organisation: str, name: str, reuse: bool = True) -> Team:
    """Add a team to an organisation (made if new); names are stripped.

    With `reuse` the same-named team of that organisation is returned instead (a double click makes
    one team). Open mode passes False: a stranger typing a team's name must get a new team, not that one.
    """
    organisation = clean_text(organisation, "organisation name", NAME_LIMIT, required=True)
    name = clean_text(name, "team name", NAME_LIMIT, required=True)
    t = tables.teams
    with writing(engine) as connection:
        organisation_id = organisation_id_for(connection, organisation)
        if reuse:
            existing = connection.execute(
                sa.select(t).where(t.c.organisation_id == organisation_id, t.c.name == name).order_by(t.c.id).limit(1)
            ).first()
            if existing is not None:
                return team_from_row(existing)
        row = connection.execute(
            sa.insert(tables.teams)
            .values(organisation=organisation, name=name, created_at=tables.utcnow(),
                    organisation_id=organisation_id, link_token=codes.new_link_token())
            .returning(*tables.teams.c)
        ).one()
    return team_from_row(row)


def find_team_by_link(engine: Engine, token: str | None) -> Team | None:
    """The team whose link carries this secret, or None."""
    if not isinstance(token, str) or not 16 <= len(token) <= 64:
        return None
    t = tables.teams
    with reading(engine) as connection:
        row = connection.execute(sa.select(t).where(t.c.link_token == token)).first()
    return None if row is None else team_from_row(row)


def teams_of(engine: Engine, organisation_ids: set[int] | None = None, team_ids: set[int] | None = None) -> list[Team]:
    """Teams of these organisations or with these ids (either may be empty), by organisation then name."""
    t = tables.teams
    conditions = []
    if organisation_ids:
        conditions.append(t.c.organisation_id.in_(sorted(organisation_ids)))
    if team_ids:
        conditions.append(t.c.id.in_(sorted(team_ids)))
    if not conditions:
        return []
    with reading(engine) as connection:
        rows = connection.execute(
            sa.select(t).where(sa.or_(*conditions)).order_by(t.c.organisation, t.c.name, t.c.id)
        ).all()
    return [team_from_row(row) for row in rows]


def list_teams(engine: Engine) -> list[Team]:
    """Every team, by organisation then name."""
    t = tables.teams
    with reading(engine) as connection:
        rows = connection.execute(sa.select(t).order_by(t.c.organisation, t.c.name, t.c.id)).all()
    return [team_from_row(row) for row in rows]


def get_team(engine: Engine, team_id: int) -> Team | None:
    """The team with this id, or None."""
    with reading(engine) as connection:
        row = connection.execute(sa.select(tables.teams).where(tables.teams.c.id == team_id)).first()
    return None if row is None else team_from_row(row)


def _team_queries(team_id: int) -> dict[str, sa.Select[Any]]:
    """One SELECT per exported table, each limited to this team's rows."""
    a, r, ans = tables.assessments, tables.respondents, tables.answers
    assessment_ids = sa.select(a.c.id).where(a.c.team_id == team_id)
    respondent_ids = sa.select(r.c.id).where(r.c.assessment_id.in_(assessment_ids))
    # No secrets or plumbing.
    assessment_columns = [c for c in a.c if c.name not in ("facilitator_hash", "request_id", "link_token")]
    respondent_columns = [c for c in r.c if c.name != "token"]
    return {
        "team": sa.select(*[c for c in tables.teams.c if c.name != "link_token"]).where(tables.teams.c.id == team_id),
        "assessments": sa.select(*assessment_columns).where(a.c.team_id == team_id).order_by(a.c.id),
        "respondents": sa.select(*respondent_columns).where(r.c.assessment_id.in_(assessment_ids)).order_by(r.c.id),
        "answers": sa.select(ans).where(ans.c.respondent_id.in_(respondent_ids)).order_by(ans.c.id),
        "agreed": sa.select(tables.agreed)
        .where(tables.agreed.c.assessment_id.in_(assessment_ids))
        .order_by(tables.agreed.c.id),
        "actions": sa.select(tables.actions)
        .where(tables.actions.c.assessment_id.in_(assessment_ids))
        .order_by(tables.actions.c.id),
    }


def export_team(engine: Engine, team_id: int) -> dict[str, pd.DataFrame]:
    """Everything stored about a team, one DataFrame per table (no keys or tokens)."""
    frames: dict[str, pd.DataFrame] = {}
    with reading(engine) as connection:
        if connection.execute(sa.select(tables.teams.c.id).where(tables.teams.c.id == team_id)).first() is None:
            raise StorageError("That team no longer exists.")
        for name, query in _team_queries(team_id).items():
            result = connection.execute(query)
            frames[name] = pd.DataFrame(result.all(), columns=list(result.keys()))
    return frames


def delete_team(engine: Engine, team_id: int) -> None:
    """Remove the team and everything it owns, in one transaction."""
    a, r = tables.assessments, tables.respondents
    assessment_ids = sa.select(a.c.id).where(a.c.team_id == team_id)
    respondent_ids = sa.select(r.c.id).where(r.c.assessment_id.in_(assessment_ids))
    # Explicit deletes, children first: the FK cascades are a second line of defence
    # (SQLite ignores them on connections opened without foreign_keys=ON).
    g = tables.device_grants
    with writing(engine) as connection:
        # Grants name ids, which could be reused by a later team or session: they go with what they open.
        connection.execute(sa.delete(g).where(g.c.kind == GrantKind.TEAM, g.c.object_id == team_id))
        connection.execute(sa.delete(g).where(g.c.kind != GrantKind.TEAM, g.c.object_id.in_(assessment_ids)))
        connection.execute(sa.delete(tables.memberships).where(tables.memberships.c.team_id == team_id))
        connection.execute(sa.delete(tables.answers).where(tables.answers.c.respondent_id.in_(respondent_ids)))
        connection.execute(sa.delete(tables.agreed).where(tables.agreed.c.assessment_id.in_(assessment_ids)))
        connection.execute(sa.delete(tables.presenter_state).where(
            tables.presenter_state.c.assessment_id.in_(assessment_ids)))
        connection.execute(sa.delete(tables.actions).where(tables.actions.c.assessment_id.in_(assessment_ids)))
        snapshots = tables.session_snapshots
        connection.execute(sa.delete(snapshots).where(snapshots.c.assessment_id.in_(assessment_ids)))
        connection.execute(sa.delete(r).where(r.c.assessment_id.in_(assessment_ids)))
        connection.execute(sa.delete(a).where(a.c.team_id == team_id))
        connection.execute(sa.delete(tables.teams).where(tables.teams.c.id == team_id))
