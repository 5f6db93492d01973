"""Who may see what: the viewer (a signed-in person or, in open mode, a browser) and what they may do."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy.engine import Engine

import storage
from domain.records import Assessment, Membership, Organisation, Team
from domain.vocabulary import GrantKind, Role
from services.roles import (
    OPEN_SESSION_PERMISSIONS,
    OPEN_TEAM_PERMISSIONS,
    OPEN_WORKSHOP_KEY_PERMISSIONS,
    ORGANISATION_PERMISSIONS,
    Permission,
    role_allows,
)

# How long a browser keeps what it was given. A facilitator's unlock is shorter: it opens answers.
GRANT_LIFETIME = {
    GrantKind.TEAM: timedelta(days=365),
    GrantKind.SESSION: timedelta(days=365),
    GrantKind.FACILITATOR: timedelta(days=30),
}


class Access(Protocol):
    """What one viewer may see; the pages pass their viewer's access, the command line full access."""

    def may_see(self, assessment: Assessment) -> bool:
        """Whether this viewer may see the assessment's results."""


class FullAccess:
    """Whoever holds the database (the command line, benchmarks) sees everything."""

    def may_see(self, assessment: Assessment) -> bool:
        """Everything is visible."""
        return True


FULL_ACCESS = FullAccess()


@dataclass(frozen=True)
class Viewer:
    """Who is looking: a signed-in person (signed-in mode) and the browser they use (both modes)."""

    signed_in_mode: bool
    email: str | None = None        # verified, lower case; None when nobody is signed in
    device: str | None = None       # this browser's random id from its cookie (only its hash is stored)
    site_admin: bool = False        # named in COPRO_ADMINS: may add organisations, admin of every one

    @property
    def device_hash(self) -> str | None:
        """What the database knows this browser by."""
        return storage.digest(self.device) if self.device else None

    @property
    def actor(self) -> str:
        """How the audit log names this viewer."""
        if self.email:
            return self.email
        return f"browser {self.device_hash[:12]}" if self.device_hash else "someone without an account"


@dataclass
class ViewerAccess:
    """What one viewer may do, read from storage once per page run (roles, or this browser's grants)."""

    engine: Engine
    viewer: Viewer
    now: datetime | None = None
    memberships: list[Membership] = field(default_factory=list)
    grants: set[tuple[GrantKind, int]] = field(default_factory=set)
    _teams: dict[int, Team | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.viewer.signed_in_mode and self.viewer.email:
            self.memberships = storage.memberships_of(self.engine, self.viewer.email)
        if self.viewer.device_hash:
            self.grants = {(g.kind, g.object_id)
                           for g in storage.active_grants(self.engine, self.viewer.device_hash, now=self.now)}

    @property
    def signed_in(self) -> bool:
        """Whether a person is signed in (always False in open mode)."""
        return self.viewer.signed_in_mode and self.viewer.email is not None

    def team(self, team_id: int) -> Team | None:
        """A team by id, read once per run."""
        if team_id not in self._teams:
            self._teams[team_id] = storage.get_team(self.engine, team_id)
        return self._teams[team_id]

    def roles(self, organisation_id: int | None, team_id: int | None = None) -> list[tuple[Role, bool]]:
        """The roles that apply in an organisation (or one of its teams), each with 'held for every team'."""
        if organisation_id is None:
            return []
        held = [(m.role, m.team_id is None) for m in self.memberships
                if m.organisation_id == organisation_id and (m.team_id is None or m.team_id == team_id)]
        if self.viewer.site_admin and self.signed_in:
            held.append((Role.ADMIN, True))
        return held

    def may_in_organisation(self, permission: Permission, organisation_id: int) -> bool:
        """Whether this viewer may do something that concerns a whole organisation."""
        return self.signed_in and any(role_allows(role, permission, whole)
                                      for role, whole in self.roles(organisation_id))

    def may(self, permission: Permission, team: Team | None) -> bool:
        """Whether this viewer may do something to a team (and every session of it)."""
        if team is None:
            return False
        if not self.viewer.signed_in_mode:
            return permission in OPEN_TEAM_PERMISSIONS and (GrantKind.TEAM, team.id) in self.grants
        return self.signed_in and any(role_allows(role, permission, whole)
                                      for role, whole in self.roles(team.organisation_id, team.id))

    def unlocked(self, assessment: Assessment) -> bool:
        """Whether this browser gave the workshop's facilitator key (or created it) and it has not expired."""
        return (GrantKind.FACILITATOR, assessment.id) in self.grants

    def may_on_session(self, permission: Permission, assessment: Assessment) -> bool:
        """Whether this viewer may do something on one session (the workshop key is checked on its own)."""
        if self.may(permission, self.team(assessment.team_id)):
            return True
        if self.viewer.signed_in_mode:
            return False
        if assessment.is_workshop:
            # Open mode: the key is the workshop's own lock; whoever holds it runs that workshop.
            return permission in OPEN_WORKSHOP_KEY_PERMISSIONS
        return permission in OPEN_SESSION_PERMISSIONS and (GrantKind.SESSION, assessment.id) in self.grants

    def facilitates(self, assessment: Assessment) -> bool:
        """Whether this viewer holds a workshop's facilitator access: its key was given in this browser, or by role.

        Signed in, the roles that run workshops or oversee the organisation (facilitators of the team,
        managers and admins) need no key: their role is the key. Members and open-mode browsers still need
        it, so participants never see the results before the facilitator shows them.
        """
        if self.unlocked(assessment):
            return True
        team = self.team(assessment.team_id)
        return self.signed_in and team is not None and (
            self.may(Permission.FACILITATE, team)
            or (team.organisation_id is not None
                and self.may_in_organisation(Permission.VIEW_ORGANISATION, team.organisation_id)))

    def may_see(self, assessment: Assessment) -> bool:
        """Results of a session: its team's or link's access, and for a workshop the facilitator's access."""
        return self.may_on_session(Permission.VIEW_RESULTS, assessment) and (
            not assessment.is_workshop or self.facilitates(assessment))

    def teams(self) -> list[Team]:
        """The teams Home lists: those this browser holds (open mode) or this person has a role in."""
        if not self.viewer.signed_in_mode:
            return storage.teams_of(self.engine, team_ids={i for kind, i in self.grants if kind is GrantKind.TEAM})
        if not self.signed_in:
            return []
        if self.viewer.site_admin:
            return storage.list_teams(self.engine)
        whole = {m.organisation_id for m in self.memberships if m.team_id is None}
        single = {m.team_id for m in self.memberships if m.team_id is not None}
        return storage.teams_of(self.engine, organisation_ids=whole, team_ids=single)

    def given_sessions(self) -> list[Assessment]:
        """Sessions this browser was given by link or key, outside the teams it holds."""
        held = {team.id for team in self.teams()}
        found = [storage.get_assessment(self.engine, i) for kind, i in sorted(self.grants)
                 if kind in (GrantKind.SESSION, GrantKind.FACILITATOR)]
        unique = {a.id: a for a in found if a is not None and a.team_id not in held}
        return sorted(unique.values(), key=lambda a: (a.created_at, a.id), reverse=True)

    def organisations(self, permission: Permission) -> list[Organisation]:
        """The organisations in which this viewer may do something organisation-wide (signed-in mode)."""
        if not self.signed_in:
            return []
        every = storage.list_organisations(self.engine)
        return [o for o in every if self.may_in_organisation(permission, o.id)]

    def managed_teams(self, organisation_id: int) -> list[Team]:
        """The teams of an organisation this viewer may see as its manager (empty when not a manager)."""
        if not self.may_in_organisation(Permission.VIEW_ORGANISATION, organisation_id):
            return []
        return storage.teams_of(self.engine, organisation_ids={organisation_id})


def access_for(engine: Engine, viewer: Viewer, now: datetime | None = None) -> ViewerAccess:
    """What this viewer may do now."""
    return ViewerAccess(engine, viewer, now)


def managed_teams(engine: Engine, viewer: Viewer) -> dict[Organisation, list[Team]]:
    """Every organisation this viewer manages (manager or admin role), with its teams: the manager's view."""
    access = access_for(engine, viewer)
    return {o: access.managed_teams(o.id) for o in access.organisations(Permission.VIEW_ORGANISATION)}


def grant(engine: Engine, access: ViewerAccess, kind: GrantKind, object_id: int) -> None:
    """This browser keeps what it was given (a team, a session link, a workshop unlock) from now on.

    Stored in the database under the hash of its device id, with an expiry, and added to this run's access.
    """
    if access.viewer.device_hash:
        storage.add_grant(engine, access.viewer.device_hash, kind, object_id, GRANT_LIFETIME[kind])
    access.grants.add((kind, object_id))


def is_organisation_permission(permission: Permission) -> bool:
    """Whether a permission concerns a whole organisation rather than one team."""
    return permission in ORGANISATION_PERMISSIONS
