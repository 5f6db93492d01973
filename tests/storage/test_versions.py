"""Session versions: a change to a session's answers always changes its fingerprint (the manager's view reuses results)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy.engine import Engine

from storage import (
    Answer,
    AuditLine,
    StoredBank,
    Team,
    create_assessment,
    join,
    purge_answers,
    save_answer,
    session_versions,
    set_status,
    submit,
    submit_response,
)


def test_session_versions_change_with_every_answer_send_close_and_purge(engine: Engine, team: Team,
                                                                      stored_bank: StoredBank) -> None:
    session = create_assessment(engine, team.id, stored_bank.id, "Spring")
    other = create_assessment(engine, team.id, stored_bank.id, "Other")
    seen = [session_versions(engine, [session.id, other.id])]
    respondent = join(engine, session.id, "staff")
    save_answer(engine, respondent.id, "assets-1", 2, 3, "")
    seen.append(session_versions(engine, [session.id, other.id]))
    save_answer(engine, respondent.id, "assets-1", 3, 3, "")  # the same answer changed
    seen.append(session_versions(engine, [session.id, other.id]))
    submit(engine, respondent.id)
    seen.append(session_versions(engine, [session.id, other.id]))
    submit_response(engine, session.id, "carers", {"assets-1": Answer("assets-1", 1, 4, "")}, "whole-1")
    seen.append(session_versions(engine, [session.id, other.id]))
    set_status(engine, session.id, "closed")
    seen.append(session_versions(engine, [session.id, other.id]))
    later = datetime.now(timezone.utc) + timedelta(days=400)
    assert purge_answers(engine, session.id, later, 365, lambda _a: "{}", AuditLine("t", "t", None, ""), later) == 2
    seen.append(session_versions(engine, [session.id, other.id]))
    assert len({versions[session.id] for versions in seen}) == len(seen)
    assert len({versions[other.id] for versions in seen}) == 1, "another session's fingerprint is its own"
    assert session_versions(engine, []) == {}
