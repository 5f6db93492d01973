"""Retention (issue 11 point 6): the daily check deletes answers past the period and keeps what was shown.

Every test passes the clock (`now`) instead of waiting; each runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import dataclasses
import io
import threading
from datetime import datetime, timedelta, timezone
from typing import Any

import pytest
import sqlalchemy as sa
from pypdf import PdfReader
from sqlalchemy.engine import Engine

import storage
from domain.vocabulary import AuditAction, Role, SessionStatus
from reports.parts import Results
from reports.pdf import render_pdf
from services.access import FULL_ACCESS, Viewer, access_for
from services.retention import (
    NEVER,
    effective_days,
    retention_setting,
    run_daily,
    run_retention,
    set_retention,
    site_default_days,
)
from services.results import results_for
from storage import StorageError, tables
from tests.services.conftest import quick_row

DAYS = 30


def _send(engine: Engine, assessment: storage.Assessment, perspective: str, levels: list[int | None],
          token: str, comment: str = "") -> None:
    """One sent response with one level per statement of the quick bank (None: don't know)."""
    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    answers = {s.id: storage.Answer(s.id, level, None if level is None else 4, comment)
               for s, level in zip(bank.statements, levels, strict=True)}
    storage.submit_response(engine, assessment.id, perspective, answers, token)


def _seed(engine: Engine) -> tuple[storage.Assessment, storage.Assessment]:
    """A closed spring session (4 staff, 1 carer, a don't-know cell) with a plan, and an open autumn one."""
    team = storage.create_team(engine, "Riverside Council", "Day services")
    spring = storage.create_assessment(engine, team.id, quick_row(engine), "Spring", threshold=3,
                                       perspectives=("staff", "carers", "managers"))
    staff: list[list[int | None]] = [[0, 1, 2, 3, 4, 4], [1, 1, 2, 3, 4, None], [2, 3, 2, 3, 0, None],
                                     [4, 4, 0, 1, 2, None]]
    for i, levels in enumerate(staff):
        _send(engine, spring, "staff", levels, f"spring-staff-{i}", comment="our manager never listens")
    _send(engine, spring, "carers", [3, 3, 3, 3, 3, 3], "spring-carer-0")
    storage.set_agreed(engine, spring.id, "quick-assets", 2, "We agreed on 2")
    storage.add_action(engine, spring.id, "assets", "Ask carers to co-chair", status="in progress")
    # Spring ran and closed 60 days ago; autumn is running now.
    spring = _backdate(engine, storage.set_status(engine, spring.id, SessionStatus.CLOSED), 60)
    autumn = storage.create_assessment(engine, team.id, quick_row(engine), "Autumn", threshold=3,
                                       perspectives=("staff", "carers", "managers"))
    for i in range(3):
        _send(engine, autumn, "staff", [3, 3, 3, 4, 4, 2], f"autumn-staff-{i}")
    return spring, autumn


def _backdate(engine: Engine, assessment: storage.Assessment, days: int) -> storage.Assessment:
    """Move a session and its answers `days` into the past, as if it had run then."""
    a, r, ans = tables.assessments, tables.respondents, tables.answers
    shift = timedelta(days=days)
    respondent_ids = sa.select(r.c.id).where(r.c.assessment_id == assessment.id)
    with engine.begin() as connection:
        for row in connection.execute(sa.select(ans.c.id, ans.c.updated_at)
                                      .where(ans.c.respondent_id.in_(respondent_ids))).all():
            connection.execute(sa.update(ans).where(ans.c.id == row.id).values(updated_at=row.updated_at - shift))
        for row in connection.execute(sa.select(r).where(r.c.assessment_id == assessment.id)).all():
            connection.execute(sa.update(r).where(r.c.id == row.id).values(
                created_at=row.created_at - shift, submitted_at=row.submitted_at and row.submitted_at - shift))
        connection.execute(sa.update(a).where(a.c.id == assessment.id).values(
            created_at=assessment.created_at - shift, closed_at=assessment.closed_at and assessment.closed_at - shift))
    moved = storage.get_assessment(engine, assessment.id)
    assert moved is not None
    return moved


def _organisation_days(engine: Engine, days: int | None) -> None:
    """Set the period of the seeded organisation directly (the admin page is tested below)."""
    organisation = storage.list_organisations(engine)[0]
    storage.set_retention_days(engine, organisation.id, days)


def _stored(engine: Engine) -> dict[str, int]:
    """How many rows each table holds."""
    with engine.connect() as connection:
        return {name: int(connection.execute(sa.select(sa.func.count()).select_from(tables.metadata.tables[name]))
                          .scalar_one())
                for name in ("respondents", "answers", "agreed", "actions", "session_snapshots", "audit_log")}


def shown(results: Results) -> dict[str, Any]:
    """Every number and text a results view shows, without the run's time and the retention note."""
    fields = {f.name: getattr(results, f.name) for f in dataclasses.fields(results)}
    # Comments are individual answers: deleted with them, so they are not among the kept numbers.
    for name in ("generated_at", "group", "radar", "comments"):
        fields.pop(name)
    fields["notes"] = tuple(n for n in results.notes if "retention period" not in n)
    fields["radar"] = results.radar.to_dict("records")
    return fields


def _later(assessment: storage.Assessment, days: float) -> datetime:
    """A fake clock `days` after the session closed (or was made)."""
    return (assessment.closed_at or assessment.created_at) + timedelta(days=days)


def _after_autumn(days: float) -> datetime:
    """A fake clock `days` after now (autumn's answers are being given now)."""
    return datetime.now(timezone.utc) + timedelta(days=days)


def test_run_retention_before_the_period_changes_nothing(db: Engine) -> None:
    spring, _autumn = _seed(db)
    _organisation_days(db, DAYS)
    before = _stored(db)
    assert run_retention(db, _later(spring, DAYS - 0.01)) == []
    assert _stored(db) == before


def test_run_retention_after_the_period_keeps_the_shown_numbers_and_deletes_the_answers(db: Engine) -> None:
    spring, autumn = _seed(db)
    _organisation_days(db, DAYS)
    spring_before = shown(results_for(db, spring, FULL_ACCESS))
    autumn_before = shown(results_for(db, autumn, FULL_ACCESS))
    assert spring_before["perspective_scores"] and autumn_before["changes"], "the seed shows perspectives and a change"
    stored = _stored(db)
    now = _later(spring, DAYS + 1)

    done = run_retention(db, now)

    assert [(p.assessment_id, p.respondents) for p in done] == [(spring.id, 5)], "autumn's answers are recent"
    assert storage.responses_frame(db, spring.id).empty
    assert storage.get_respondent(db, "spring-staff-0") is None, "the resume codes (tokens) are gone too"
    assert len(storage.responses_frame(db, autumn.id)) == 18
    after = _stored(db)
    assert after["respondents"] == stored["respondents"] - 5 and after["answers"] == stored["answers"] - 30
    assert (after["agreed"], after["actions"]) == (stored["agreed"], stored["actions"]), "not individual answers"
    # Results, baseline, change and trend: the same shown numbers from the snapshot.
    spring_after = results_for(db, spring, FULL_ACCESS)
    assert shown(spring_after) == spring_before
    assert shown(results_for(db, autumn, FULL_ACCESS)) == autumn_before
    assert any("deleted on" in note and "retention period" in note for note in spring_after.notes)
    kept = storage.snapshot_of(db, spring.id)
    assert kept is not None and "our manager never listens" not in kept.scored and "spring-staff" not in kept.scored
    closed = storage.get_assessment(db, spring.id)
    assert closed is not None and closed.status is SessionStatus.CLOSED and closed.closed_at == spring.closed_at
    logged = [e for e in storage.entries(db, None) if e.action is AuditAction.ANSWERS_DELETED]
    assert [(e.actor, e.target) for e in logged] == [
        ("daily retention check", f"Riverside Council · Day services (team {spring.team_id}) · Spring (session {spring.id})")]

    # A second run, even much later for spring, changes nothing.
    assert run_retention(db, now + timedelta(days=1)) == []
    assert _stored(db) == after


def test_run_retention_the_team_pdf_reads_the_same_after(db: Engine) -> None:
    spring, _autumn = _seed(db)
    _organisation_days(db, DAYS)
    moment = datetime(2030, 1, 1, tzinfo=timezone.utc)
    before = results_for(db, spring, FULL_ACCESS, now=moment)
    run_retention(db, _later(spring, DAYS + 1))
    after = results_for(db, spring, FULL_ACCESS, now=moment)
    assert after.notes != before.notes, "the note says when the answers were deleted"
    assert _pdf_text(dataclasses.replace(after, notes=before.notes)) == _pdf_text(before)


def _pdf_text(results: Results) -> str:
    """The text of the team PDF (without its radar image)."""
    data = render_pdf(results)
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_run_retention_counts_from_the_last_answer_of_a_session_never_closed(db: Engine) -> None:
    spring, autumn = _seed(db)
    _organisation_days(db, DAYS)
    last = storage.retention_candidates(db)[-1].last_answer_at
    assert last is not None
    assert [p.assessment_id for p in run_retention(db, last + timedelta(days=DAYS - 0.01))] == [spring.id]
    assert [p.assessment_id for p in run_retention(db, last + timedelta(days=DAYS))] == [autumn.id]
    closed = storage.get_assessment(db, autumn.id)
    assert closed is not None and closed.status is SessionStatus.CLOSED, "nobody can answer it again"


def test_purge_answers_skips_a_session_answered_after_it_was_found_due(db: Engine) -> None:
    _spring, autumn = _seed(db)
    # The check read the list a moment ago; someone answered since: the transaction sees the new answer.
    line = storage.AuditLine("test", "autumn", None, "")
    answered = datetime.now(timezone.utc) - timedelta(minutes=5)
    assert storage.purge_answers(db, autumn.id, answered, DAYS, lambda _frame: "{}", line, answered) is None
    assert len(storage.responses_frame(db, autumn.id)) == 18


def test_run_retention_replicas_at_once_purge_each_session_once(db: Engine) -> None:
    spring, autumn = _seed(db)
    _organisation_days(db, DAYS)
    now = _after_autumn(DAYS + 1)
    barrier = threading.Barrier(4)
    results: list[list[int]] = []
    errors: list[BaseException] = []

    def replica() -> None:
        barrier.wait()
        try:
            results.append([p.assessment_id for p in run_retention(db, now)])
        except BaseException as error:  # noqa: BLE001 - asserted below
            errors.append(error)

    threads = [threading.Thread(target=replica) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(i for found in results for i in found) == [spring.id, autumn.id]
    assert _stored(db)["session_snapshots"] == 2
    assert len([e for e in storage.entries(db, None) if e.action is AuditAction.ANSWERS_DELETED]) == 2


def test_run_retention_is_off_unless_configured(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    spring, _autumn = _seed(db)
    ten_years = _after_autumn(3650)
    monkeypatch.delenv("COPRO_RETENTION_DAYS", raising=False)
    assert run_retention(db, ten_years) == []
    # Open mode: the site default from the environment.
    monkeypatch.setenv("COPRO_RETENTION_DAYS", "365")
    _organisation_days(db, NEVER)
    assert run_retention(db, ten_years) == [], "an organisation that chose 'never' keeps its answers"
    _organisation_days(db, None)
    assert [p.assessment_id for p in run_retention(db, ten_years)] == [spring.id, spring.id + 1]


def test_run_daily_runs_at_most_once_a_day_across_replicas(db: Engine) -> None:
    spring, _autumn = _seed(db)
    _organisation_days(db, DAYS)
    start = _later(spring, 1)
    assert run_daily(db, start, site_default=None) == []
    assert run_daily(db, start + timedelta(hours=23), site_default=None) is None, "another replica ran it today"
    assert storage.last_run(db, "retention") == start
    assert [p.assessment_id for p in run_daily(db, _later(spring, DAYS + 1), site_default=None) or []] == [spring.id]


@pytest.mark.parametrize(("value", "days"), [("", None), ("0", None), ("never", None), (" 90 ", 90)])
def test_site_default_days_reads_the_setting(value: str, days: int | None) -> None:
    assert site_default_days(value) == days


@pytest.mark.parametrize("value", ["thirty", "-5", "99999"])
def test_site_default_days_refuses_a_bad_setting(value: str) -> None:
    with pytest.raises(StorageError) as caught:
        site_default_days(value)
    assert str(caught.value) == (f"COPRO_RETENTION_DAYS is {value!r}: expected a whole number of days from 1 to "
                                 "3,650. Hint: Leave it unset to keep answers.")


@pytest.mark.parametrize(("stored", "default", "days"), [(None, None, None), (None, 90, 90), (NEVER, 90, None),
                                                           (30, None, 30), (30, 90, 30)])
def test_effective_days_the_organisation_setting_wins(stored: int | None, default: int | None,
                                                      days: int | None) -> None:
    assert effective_days(stored, default) == days


def test_set_retention_needs_an_admin_and_is_in_the_audit_log(db: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COPRO_RETENTION_DAYS", raising=False)
    organisation = storage.create_organisation(db, "Riverside Council")
    storage.add_membership(db, "ann@riverside.org", organisation.id, None, Role.ADMIN, "root")
    storage.add_membership(db, "mo@riverside.org", organisation.id, None, Role.MANAGER, "ann@riverside.org")
    admin = access_for(db, Viewer(signed_in_mode=True, email="ann@riverside.org", device="d1"))
    manager = access_for(db, Viewer(signed_in_mode=True, email="mo@riverside.org", device="d2"))
    with pytest.raises(StorageError, match="Only an admin of the organisation can set how long answers are kept."):
        set_retention(db, manager, organisation, 30)
    assert retention_setting(db, admin, organisation).days is None
    assert set_retention(db, admin, organisation, 365).days == 365
    assert set_retention(db, admin, organisation, 365).days == 365, "saving the same again logs nothing"
    with pytest.raises(StorageError, match="A retention period must be a whole number of days from 1 to 3,650"):
        set_retention(db, admin, organisation, 5000)
    logged = [e for e in storage.entries(db, {organisation.id}) if e.action is AuditAction.RETENTION_CHANGED]
    assert [(e.actor, e.details) for e in logged] == [(
        "ann@riverside.org",
        "individual answers: deleted 365 days after the session closes or its last answer "
        "(was: kept until the team is deleted)")]
