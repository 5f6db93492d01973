"""The manager's view as the service loads it (issue 11 point 4): roles, workshops' keys, retention snapshots."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy.engine import Engine

import storage
from domain.vocabulary import AuditAction, Role
from services.access import Viewer, ViewerAccess, access_for
from services.organisation import log_exported, log_viewed, managed_organisations, organisation_summary
from services.retention import run_retention
from storage import StorageError
from tests.services.conftest import quick_row, send


def _person(engine: Engine, email: str) -> ViewerAccess:
    return access_for(engine, Viewer(signed_in_mode=True, email=email, device=f"device-of-{email}"))


@pytest.fixture
def org(engine: Engine) -> storage.Organisation:
    """Riverside: Day services (a self-assessment of four and a workshop of three), Home care (two answers)."""
    made = storage.create_organisation(engine, "Riverside Council")
    day = storage.create_team(engine, "Riverside Council", "Day services")
    home = storage.create_team(engine, "Riverside Council", "Home care")
    spring = storage.create_assessment(engine, day.id, quick_row(engine), "Spring", threshold=3)
    for i, level in enumerate((1, 2, 3, 3)):
        send(engine, spring, "staff", level, f"day-{i}")
    workshop, _key = storage.create_workshop(engine, day.id, quick_row(engine), "Workshop", ("staff",), 3)
    for i in range(3):
        send(engine, workshop, "staff", 4, f"ws-{i}")
    small = storage.create_assessment(engine, home.id, quick_row(engine), "First", threshold=3)
    for i in range(2):
        send(engine, small, "staff", 4, f"home-{i}")
    storage.create_organisation(engine, "Hillside Trust")
    storage.create_team(engine, "Hillside Trust", "Wards")
    storage.add_membership(engine, "mo@riverside.org", made.id, None, Role.MANAGER, "root")
    storage.add_membership(engine, "fa@riverside.org", made.id, None, Role.FACILITATOR, "root")
    return made


def test_organisation_summary_for_a_manager_includes_workshops_by_role(
        engine: Engine, org: storage.Organisation) -> None:
    manager = _person(engine, "mo@riverside.org")
    assert [o.name for o in managed_organisations(manager)] == ["Riverside Council"]
    summary = organisation_summary(engine, manager, org)
    day, home = summary.teams
    # Signed in, a manager's role opens workshops without their key: the latest shown session is the workshop.
    assert (day.team, day.session, day.respondents, day.locked) == ("Day services", "Workshop", 3, 0)
    assert (home.team, home.shown, home.respondents) == ("Home care", False, None)
    assert not any("workshop session" in note and "not included" in note for note in summary.notes)


def test_organisation_summary_refuses_who_does_not_manage_the_organisation(
        engine: Engine, org: storage.Organisation) -> None:
    facilitator = _person(engine, "fa@riverside.org")
    assert managed_organisations(facilitator) == []
    with pytest.raises(StorageError, match="Only the organisation's managers and admins can see all its teams."):
        organisation_summary(engine, facilitator, org)


def test_organisation_summary_is_the_same_after_retention_deletes_the_answers(
        engine: Engine, org: storage.Organisation) -> None:
    manager = _person(engine, "mo@riverside.org")
    moment = datetime(2030, 1, 1, tzinfo=timezone.utc)
    before = organisation_summary(engine, manager, org, now=moment)
    storage.set_retention_days(engine, org.id, 30)
    purged = run_retention(engine, datetime.now(timezone.utc) + timedelta(days=31), site_default=None)
    assert len(purged) == 3 and storage.responses_frame(engine, purged[0].assessment_id).empty
    after = organisation_summary(engine, manager, org, now=moment)
    assert after.teams == before.teams and after.means == before.means and after.trend == before.trend
    assert after.facts == before.facts


def test_organisation_view_and_export_are_in_the_audit_log(engine: Engine, org: storage.Organisation) -> None:
    manager = _person(engine, "mo@riverside.org")
    log_viewed(engine, manager, org)
    log_exported(engine, manager, org, "organisation summary (PDF)")
    logged = [(e.actor, e.action, e.target, e.details) for e in storage.entries(engine, {org.id})]
    assert logged == [
        ("mo@riverside.org", AuditAction.EXPORT, "Riverside Council · organisation summary (every team)",
         "organisation summary (PDF)"),
        ("mo@riverside.org", AuditAction.RESULTS_VIEWED, "Riverside Council · organisation summary (every team)", ""),
    ]


def test_organisation_summary_sees_a_new_answer_at_once(engine: Engine, org: storage.Organisation) -> None:
    manager = _person(engine, "mo@riverside.org")
    assert organisation_summary(engine, manager, org).teams[1].shown is False
    home = storage.list_assessments(engine, organisation_summary(engine, manager, org).teams[1].team_id)[0]
    send(engine, home, "staff", 2, "home-late")  # a third person: Home care can now be shown
    home_team = organisation_summary(engine, manager, org).teams[1]
    assert (home_team.shown, home_team.respondents) == (True, 3)
