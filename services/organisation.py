"""The manager's view (issue 11 point 4): every team of an organisation, as its managers may see them."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.engine import Engine

import storage
from domain.records import Organisation
from domain.vocabulary import AuditAction
from reports.organisation import OrganisationInput, OrganisationSummary, TeamSessions, build_organisation
from services.access import ViewerAccess
from services.audit import log
from services.results import results_for
from services.roles import Permission
from storage import StorageError

SUMMARY = "organisation summary (every team)"


def managed_organisations(access: ViewerAccess) -> list[Organisation]:
    """The organisations whose teams this viewer may see side by side (managers and admins)."""
    return access.organisations(Permission.VIEW_ORGANISATION)


def organisation_input(engine: Engine, access: ViewerAccess, organisation: Organisation,
                       now: dt.datetime | None = None) -> OrganisationInput:
    """Every team of the organisation with the sessions this viewer may see, each scored as its results page does."""
    if not access.may_in_organisation(Permission.VIEW_ORGANISATION, organisation.id):
        raise StorageError("Only the organisation's managers and admins can see all its teams.")
    moment = now or dt.datetime.now(dt.timezone.utc)
    teams = []
    for team in access.managed_teams(organisation.id):
        sessions = storage.list_assessments(engine, team.id)
        visible = [a for a in sessions if access.may_see(a)]
        # No history: each session on its own, as its own results page scores it (snapshots once purged).
        results = tuple(results_for(engine, a, access, history=False, now=moment) for a in visible)
        teams.append(TeamSessions(team.id, team.name, results, locked=len(sessions) - len(visible)))
    return OrganisationInput(organisation.name, moment, tuple(teams))


def organisation_summary(engine: Engine, access: ViewerAccess, organisation: Organisation,
                         now: dt.datetime | None = None) -> OrganisationSummary:
    """The manager's view of one organisation."""
    return build_organisation(organisation_input(engine, access, organisation, now))


def log_viewed(engine: Engine, access: ViewerAccess, organisation: Organisation) -> None:
    """Record that this viewer looked at every team of the organisation."""
    log(engine, access.viewer, AuditAction.RESULTS_VIEWED, f"{organisation.name} · {SUMMARY}",
        organisation_id=organisation.id)


def log_exported(engine: Engine, access: ViewerAccess, organisation: Organisation, what: str) -> None:
    """Record a download of the organisation summary."""
    log(engine, access.viewer, AuditAction.EXPORT, f"{organisation.name} · {SUMMARY}", organisation_id=organisation.id,
        details=what)
