"""Admin › Data retention (issue 11 point 6): an organisation's admins set the period; it is audited."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy.engine import Engine

import storage
from domain.vocabulary import AuditAction, Role
from services.retention import run_retention
from tests.views.conftest import bank_row, open_page, seed_answers
from tests.views.signed_in import open_signed_in, texts


@pytest.fixture
def organisation(engine: Engine) -> storage.Organisation:
    """Riverside Council with an admin (ann) and a manager (mo)."""
    made = storage.create_organisation(engine, "Riverside Council")
    storage.add_membership(engine, "ann@riverside.org", made.id, None, Role.ADMIN, "root")
    storage.add_membership(engine, "mo@riverside.org", made.id, None, Role.MANAGER, "ann@riverside.org")
    return made


def test_admin_retention_an_admin_sets_the_period(engine: Engine, organisation: storage.Organisation,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COPRO_RETENTION_DAYS", raising=False)
    at = open_signed_in("views/admin_retention.py", "ann@riverside.org")
    assert not at.exception
    assert "Now: individual answers are kept until the team is deleted" in texts(at).replace("\\", "")
    at.radio(key=f"retention_choice_{organisation.id}").set_value("days")
    at.number_input(key=f"retention_days_{organisation.id}").set_value(400)
    at.button[0].click()
    at.run()
    assert not at.exception
    assert storage.retention_settings(engine) == {organisation.id: 400}
    assert "Saved: individual answers are deleted 400 days after" in texts(at).replace("\\", "")
    logged = [e for e in storage.entries(engine, {organisation.id}) if e.action is AuditAction.RETENTION_CHANGED]
    assert [e.actor for e in logged] == ["ann@riverside.org"]


def test_admin_retention_a_manager_is_not_offered_it_and_another_admin_sees_only_theirs(
        engine: Engine, organisation: storage.Organisation) -> None:
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        open_signed_in("views/admin_retention.py", "mo@riverside.org")
    other = storage.create_organisation(engine, "Hillside Trust")
    storage.add_membership(engine, "bob@hillside.org", other.id, None, Role.ADMIN, "root")
    at = open_signed_in("views/admin_retention.py", "bob@hillside.org")
    assert not at.exception
    assert [h.value for h in at.header] == ["Hillside Trust"]
    assert [r.key for r in at.main.radio] == [f"retention_choice_{other.id}"]


def test_admin_retention_the_app_starts_one_daily_check_per_process(engine: Engine) -> None:
    def checks() -> int:
        return sum(1 for thread in threading.enumerate() if thread.name == "retention-check")

    before = checks()
    for _ in range(2):
        assert not open_page("views/home.py").exception
    assert checks() - before <= 1, "one checking thread per process and database, however many page runs"
    assert checks() >= 1


def test_results_page_after_retention_shows_the_kept_scores(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Open mode with COPRO_RETENTION_DAYS: after the check, the results page is drawn from the snapshot."""
    team = storage.create_team(engine, "Riverside Council", "Day services")
    assessment = storage.create_assessment(engine, team.id, bank_row(engine, "coproduction-full"), "Spring")
    seed_answers(engine, assessment, "coproduction-full", 4)
    before = open_page("views/results.py", a=str(assessment.id))
    monkeypatch.setenv("COPRO_RETENTION_DAYS", "30")
    assert len(run_retention(engine, datetime.now(timezone.utc) + timedelta(days=31))) == 1
    after = open_page("views/results.py", a=str(assessment.id))
    assert not after.exception
    assert after.metric[0].value == before.metric[0].value
    tables_before = [e.proto.body for e in before.get("html") if "<div class=\"copro-table\"" in e.proto.body]
    tables_after = [e.proto.body for e in after.get("html") if "<div class=\"copro-table\"" in e.proto.body]
    assert tables_before and tables_after == tables_before
    assert any("deleted on" in info.value and "retention period" in info.value for info in after.info)
