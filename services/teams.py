"""Teams and what Home lists for a team: its sessions with their progress; creating, opening and deleting teams."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

import storage
from domain.records import Assessment, Team
from domain.vocabulary import AuditAction, GrantKind
from services.access import ViewerAccess, grant
from services.audit import log, team_label
from services.roles import Permission
from storage import StorageError


@dataclass(frozen=True)
class SessionSummary:
    """A session as Home lists it."""

    assessment: Assessment
    bank_label: str
    joined: int
    sent: int


def list_teams(engine: Engine) -> list[Team]:
    """Every team, by organisation then name (the command line; pages list access.teams())."""
    return storage.list_teams(engine)


def get_team(engine: Engine, team_id: int) -> Team | None:
    """The team with this id, or None."""
    return storage.get_team(engine, team_id)


def create_team(engine: Engine, organisation: str, name: str) -> Team:
    """Add a team (the same names again return the existing team); no access check: the command line's."""
    return storage.create_team(engine, organisation, name)


def create_team_for(engine: Engine, access: ViewerAccess, organisation: str, name: str) -> Team:
    """Add a team as this viewer may: in open mode for this browser, signed in as an admin of the organisation.

    In open mode a name already used elsewhere makes a new team (typing a name never hands over another
    browser's team); the same names again from this browser return its own team (a double click makes one).
    """
    viewer = access.viewer
    if viewer.signed_in_mode:
        found = [o for o in access.organisations(Permission.MANAGE_TEAMS) if o.name == organisation.strip()]
        if not found:
            raise StorageError("Only an admin of that organisation can add teams to it.")
        team = storage.create_team(engine, found[0].name, name)
    else:
        mine = [t for t in access.teams() if (t.organisation, t.name) == (organisation.strip(), name.strip())]
        team = mine[0] if mine else storage.create_team(engine, organisation, name, reuse=False)
        grant(engine, access, GrantKind.TEAM, team.id)
    log(engine, viewer, AuditAction.TEAM_CREATED, team_label(team), organisation_id=team.organisation_id)
    return team


def open_team_link(engine: Engine, access: ViewerAccess, token: str | None) -> Team | None:
    """The team of a link; in open mode this browser keeps it from now on (None: no such team)."""
    team = storage.find_team_by_link(engine, token)
    if team is not None and not access.viewer.signed_in_mode:
        grant(engine, access, GrantKind.TEAM, team.id)
    return team


def delete_team(engine: Engine, access: ViewerAccess, team: Team) -> None:
    """Remove a team and everything it owns, if this viewer may; the audit log keeps that it happened."""
    if not access.may(Permission.DELETE_TEAM, team):
        raise StorageError("You may not delete this team.")
    storage.delete_team(engine, team.id)
    log(engine, access.viewer, AuditAction.DELETION, team_label(team), organisation_id=team.organisation_id,
        details="the team and all its data")


def team_sessions(engine: Engine, team_id: int) -> list[SessionSummary]:
    """The team's sessions, newest first, with their bank and how many joined and sent."""
    banks = {b.id: f"{b.title} v{b.version}" for b in storage.list_banks(engine)}
    summaries = []
    for assessment in reversed(storage.list_assessments(engine, team_id)):
        joined, sent = storage.progress(engine, assessment.id)
        summaries.append(SessionSummary(assessment, banks.get(assessment.bank_row_id, "?"), joined, sent))
    return summaries
