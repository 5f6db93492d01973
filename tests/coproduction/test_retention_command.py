"""`python -m coproduction retention` (issue 11 point 6): the cron job that deletes answers past the period."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

import storage
from storage import tables
from tests.coproduction.test_cli import run
from tests.storage.engines import sqlite_engine


def _old_session(tmp_path: Path, days_ago: int) -> tuple[str, int]:
    """A database holding one closed session of three answers, closed `days_ago` days ago."""
    engine = sqlite_engine(tmp_path)
    storage.install_builtin_banks(engine)
    team = storage.create_team(engine, "Riverside Council", "Day services")
    row = next(b.id for b in storage.list_banks(engine) if b.bank_id == "coproduction-quick")
    assessment = storage.create_assessment(engine, team.id, row, "Spring")
    bank = storage.load_bank_version(engine, row)
    for i in range(3):
        storage.submit_response(engine, assessment.id, "staff",
                                {s.id: storage.Answer(s.id, i, 4, "") for s in bank.statements}, f"t-{i}")
    closed = storage.set_status(engine, assessment.id, "closed")
    assert closed.closed_at is not None
    shift = timedelta(days=days_ago)
    with engine.begin() as connection:
        connection.execute(sa.update(tables.assessments).values(closed_at=closed.closed_at - shift,
                                                                created_at=closed.created_at - shift))
        connection.execute(sa.update(tables.answers).values(updated_at=closed.closed_at - shift))
        connection.execute(sa.update(tables.respondents).values(created_at=closed.closed_at - shift,
                                                                submitted_at=closed.closed_at - shift))
    engine.dispose()
    return f"sqlite:///{tmp_path / 'test.db'}", assessment.id


def test_retention_command_deletes_answers_past_the_period(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COPRO_RETENTION_DAYS", raising=False)
    url, assessment_id = _old_session(tmp_path, 40)
    code, out, err = run(capsys, "retention", "--database", url)
    assert (code, err) == (0, "")
    assert out == ("Sessions without their own organisation setting: answers kept until the team is deleted.\n"
                   "0 sessions past the retention period.\n")
    code, out, _ = run(capsys, "retention", "--database", url, "--days", "30", "--dry-run")
    assert out.splitlines()[1:] == [f"Due (30 days): Riverside Council · Day services · Spring (session {assessment_id})",
                                    "1 session is due; nothing was deleted (--dry-run)."]
    monkeypatch.setenv("COPRO_RETENTION_DAYS", "30")
    code, out, _ = run(capsys, "retention", "--database", url)
    assert code == 0
    assert out.splitlines()[1:] == [
        f"Deleted the answers of 3 respondents: Riverside Council · Day services · Spring (session {assessment_id}); "
        "its scores are kept.", "1 session past the retention period."]
    code, out, _ = run(capsys, "retention", "--database", url)
    assert out.splitlines()[-1] == "0 sessions past the retention period.", "a second run changes nothing"


def test_retention_command_bad_setting_prints_the_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    url, _ = _old_session(tmp_path, 1)
    monkeypatch.setenv("COPRO_RETENTION_DAYS", "a year")
    code, out, err = run(capsys, "retention", "--database", url)
    assert code == 1 and out == ""
    assert "COPRO_RETENTION_DAYS is 'a year': expected a whole number of days from 1 to 3,650." in err
