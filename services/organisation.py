"""The manager's view (issue 11 point 4): every team of an organisation, as its managers may see them."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict

from sqlalchemy.engine import Engine

import storage
from domain.records import Organisation
from domain.vocabulary import AuditAction
from domain.records import Assessment
from reports.organisation import OrganisationInput, OrganisationSummary, TeamSessions, build_organisation
from reports.parts import Results
from services.access import ViewerAccess
from services.audit import log
from services.results import results_for
from services.roles import Permission
from storage import StorageError

SUMMARY = "organisation summary (every team)"
# Each session's results, reused while its stored answers are unchanged (storage.session_versions says when
# they change, on any replica): the page runs again on every click and scores dozens of sessions.
CACHED_SESSIONS = 2048
_cache: OrderedDict[tuple[int, str], Results] = OrderedDict()
_cache_lock = threading.Lock()


def managed_organisations(access: ViewerAccess) -> list[Organisation]:
    """The organisations whose teams this viewer may see side by side (managers and admins)."""
    return access.organisations(Permission.VIEW_ORGANISATION)


def organisation_input(engine: Engine, access: ViewerAccess, organisation: Organisation,
                       now: dt.datetime | None = None) -> OrganisationInput:
    """Every team of the organisation with the sessions this viewer may see, each scored as its results page does."""
    if not access.may_in_organisation(Permission.VIEW_ORGANISATION, organisation.id):
        raise StorageError("Only the organisation's managers and admins can see all its teams.")
    moment = now or dt.datetime.now(dt.timezone.utc)
    found = [(team, storage.list_assessments(engine, team.id)) for team in access.managed_teams(organisation.id)]
    visible = {team.id: [a for a in sessions if access.may_see(a)] for team, sessions in found}
    versions = storage.session_versions(engine, [a.id for shown in visible.values() for a in shown])
    teams = tuple(TeamSessions(team.id, team.name, tuple(_results(engine, access, a, versions.get(a.id, ""), moment)
                                                         for a in visible[team.id]),
                               locked=len(sessions) - len(visible[team.id]))
                  for team, sessions in found)
    return OrganisationInput(organisation.name, moment, teams)


def _results(engine: Engine, access: ViewerAccess, assessment: Assessment, version: str,
             now: dt.datetime) -> Results:
    """A session's results on its own (no history), as its results page scores it; reused while unchanged."""
    key = (assessment.id, version)
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    # No history: the organisation view reads no baseline, so the viewer's other sessions do not matter.
    made = results_for(engine, assessment, access, history=False, now=now)
    with _cache_lock:
        _cache[key] = made
        while len(_cache) > CACHED_SESSIONS:
            _cache.popitem(last=False)
    return made


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
