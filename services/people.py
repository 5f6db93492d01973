"""People and organisations (signed-in mode): who holds which role, invitations by email, new organisations."""

from __future__ import annotations

from sqlalchemy.engine import Engine

import storage
from domain.records import Membership, Organisation, Team
from domain.vocabulary import AuditAction, Role
from services.access import ViewerAccess
from services.audit import log
from services.roles import Permission
from storage import StorageError


def people(engine: Engine, access: ViewerAccess, organisation_id: int) -> list[Membership]:
    """Every role held in an organisation, for its admins."""
    if not access.may_in_organisation(Permission.MANAGE_PEOPLE, organisation_id):
        raise StorageError("Only an admin of the organisation can see who holds which role.")
    return storage.memberships_in(engine, organisation_id)


def _scope(team: Team | None) -> str:
    """Where a role holds, as the log says it."""
    return f"team {team.name}" if team else "every team"


def invite(engine: Engine, access: ViewerAccess, email: str, organisation_id: int, team: Team | None,
           role: Role) -> Membership:
    """Give someone a role by their email address: they have it as soon as they sign in with that address."""
    if not access.may_in_organisation(Permission.MANAGE_PEOPLE, organisation_id):
        raise StorageError("Only an admin of the organisation can give roles.")
    if team is not None and team.organisation_id != organisation_id:
        raise StorageError("That team is not in this organisation.")
    held = storage.add_membership(engine, email, organisation_id, team.id if team else None, role,
                                  invited_by=access.viewer.actor)
    log(engine, access.viewer, AuditAction.ROLE_CHANGE, held.email, organisation_id=organisation_id,
        details=f"given {role} ({_scope(team)})")
    return held


def remove(engine: Engine, access: ViewerAccess, membership: Membership) -> None:
    """Take a role away (an admin cannot take away their own admin role: someone must stay in charge)."""
    if not access.may_in_organisation(Permission.MANAGE_PEOPLE, membership.organisation_id):
        raise StorageError("Only an admin of the organisation can take roles away.")
    if membership.email == access.viewer.email and membership.role is Role.ADMIN and membership.team_id is None:
        raise StorageError("You cannot take away your own admin role.", hint="Ask another admin to do it.")
    gone = storage.remove_membership(engine, membership.id)
    if gone is not None:
        team = storage.get_team(engine, gone.team_id) if gone.team_id else None
        log(engine, access.viewer, AuditAction.ROLE_CHANGE, gone.email, organisation_id=gone.organisation_id,
            details=f"no longer {gone.role} ({_scope(team)})")


def add_organisation(engine: Engine, access: ViewerAccess, name: str) -> Organisation:
    """A new organisation; only the site's first admins (COPRO_ADMINS) may add one."""
    if not (access.signed_in and access.viewer.site_admin):
        raise StorageError("Only the site's admins (COPRO_ADMINS) can add organisations.")
    made = storage.create_organisation(engine, name)
    log(engine, access.viewer, AuditAction.ORGANISATION_CREATED, made.name, organisation_id=made.id)
    return made


def organisation_teams(engine: Engine, access: ViewerAccess, organisation_id: int) -> list[Team]:
    """An organisation's teams, for those who may add teams or manage people there."""
    if not (access.may_in_organisation(Permission.MANAGE_TEAMS, organisation_id)
            or access.may_in_organisation(Permission.VIEW_ORGANISATION, organisation_id)):
        return []
    return storage.teams_of(engine, organisation_ids={organisation_id})
