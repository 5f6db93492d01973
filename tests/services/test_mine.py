"""A participant's own link: their answers by resume code, download, deletion, and "you said, we did".

Every test runs on SQLite and on PostgreSQL.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pandas as pd
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

import storage
from domain.vocabulary import AuditAction, PresenterStage, SessionStatus
from reports.spreadsheets import csv_bytes
from services.mine import (
    DELETED_DETAILS,
    delete_own_answers,
    open_own_link,
    own_answers_frame,
    own_answers_text,
    what_came_of_it,
)
from services.retention import run_retention
from storage import StorageError, tables
from tests.services.conftest import quick_row

UNKNOWN = ("No answers are stored under that code. Hint: Check the code and try again. If you deleted your "
           "answers, or the organisation's retention period has passed, they are gone and the code opens nothing "
           "any more.")


def _workshop(engine: Engine, threshold: int = 3) -> storage.Assessment:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    workshop, _key = storage.create_workshop(engine, team.id, quick_row(engine), "Spring workshop",
                                             ("staff", "carers"), threshold=threshold)
    return workshop


def _send(engine: Engine, assessment: storage.Assessment, token: str, level: int, perspective: str = "staff",
          comment: str = "") -> None:
    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    answers = {s.id: storage.Answer(s.id, level, 4, comment) for s in bank.statements}
    storage.submit_response(engine, assessment.id, perspective, answers, token)


def _rows(engine: Engine, table: sa.Table) -> int:
    with engine.connect() as connection:
        return int(connection.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def test_own_link_shows_only_this_persons_answers(db: Engine) -> None:
    workshop = _workshop(db)
    mine = storage.join(db, workshop.id, "carers", token="my-own-code-123456")
    storage.save_answer(db, mine.id, "quick-reciprocity", 1, 3, "=We are not asked")
    storage.save_answer(db, mine.id, "quick-assets", None, None, "")
    _send(db, workshop, "someone-else-code-1", 4, comment="A private remark")
    link = open_own_link(db, "  my-own-code-123456 ")
    assert link.assessment.id == workshop.id and not link.sent
    assert [(a.number, a.current, a.current_label, a.target, a.comment) for a in link.answers] == [
        (1, None, "Don't know / not applicable", None, ""), (2, 1, "More like From", 3, "=We are not asked")]
    assert link.answers[1].to_text.startswith("Everyone gives and receives help")
    other = open_own_link(db, "someone-else-code-1")
    assert {a.comment for a in other.answers} == {"A private remark"}
    assert "=We are not asked" not in own_answers_text(other)


def test_own_answers_download_holds_wording_ratings_and_comment(db: Engine) -> None:
    workshop = _workshop(db)
    mine = storage.join(db, workshop.id, "carers", token="my-own-code-123456")
    storage.save_answer(db, mine.id, "quick-reciprocity", 1, 3, "=We are not asked")
    link = open_own_link(db, "my-own-code-123456")
    frame = pd.read_csv(io.BytesIO(csv_bytes(own_answers_frame(link))), encoding="utf-8-sig")
    assert list(frame.columns) == ["number", "principle", "from", "to", "current", "current_label", "target",
                                   "target_label", "comment"]
    row = frame.iloc[0]
    assert (row["number"], row["principle"], row["current"], row["target"], row["comment"]) == (
        2, "Reciprocity and mutuality", 1, 3, "'=We are not asked")
    text = own_answers_text(link)
    assert "Statement 2 (Reciprocity and mutuality)" in text
    assert "  Where we are now: More like From" in text
    assert "  My comment: =We are not asked" in text
    assert "1 of 6 statements answered, not sent." in text


@pytest.mark.parametrize("code", ["", "   ", "no-such-code", None])
def test_own_link_wrong_code_is_explained(db: Engine, code: str | None) -> None:
    with pytest.raises(StorageError) as raised:
        open_own_link(db, code)
    assert str(raised.value) == UNKNOWN


def test_delete_removes_rows_and_code_opens_nothing(db: Engine) -> None:
    workshop = _workshop(db)
    for i in range(3):
        _send(db, workshop, f"other-code-{i}", 2)
    _send(db, workshop, "my-own-code-123456", 4, perspective="carers", comment="Mine")
    answers_before = _rows(db, tables.answers)
    assert delete_own_answers(db, "my-own-code-123456") == 6
    assert _rows(db, tables.answers) == answers_before - 6
    assert _rows(db, tables.respondents) == 3
    with db.connect() as connection:
        comments = connection.execute(sa.select(tables.answers.c.comment)).scalars().all()
    assert "Mine" not in comments
    with pytest.raises(StorageError) as raised:
        open_own_link(db, "my-own-code-123456")
    assert str(raised.value) == UNKNOWN
    with pytest.raises(StorageError):
        delete_own_answers(db, "my-own-code-123456")
    # Logged, without the code, the perspective or the browser.
    entry = storage.entries(db, None)[0]
    assert (entry.action, entry.actor, entry.details) == (AuditAction.DELETION, "someone without an account",
                                                          DELETED_DETAILS)
    assert "Spring workshop" in entry.target
    assert "my-own-code" not in entry.target + entry.details and "carers" not in entry.target + entry.details


def test_results_wait_until_shown_or_closed(db: Engine) -> None:
    workshop = _workshop(db)
    for i in range(3):
        _send(db, workshop, f"code-{i}", 3)
    link = open_own_link(db, "code-0")
    assert what_came_of_it(db, link) is None
    storage.set_presenter(db, workshop.id, stage=PresenterStage.PROGRESS)
    assert what_came_of_it(db, link) is None
    storage.set_presenter(db, workshop.id, stage=PresenterStage.RESULTS)
    shown = what_came_of_it(db, link)
    assert shown is not None and shown.withheld is None and shown.overall_score == 75
    storage.set_presenter(db, workshop.id, stage=PresenterStage.JOIN)
    storage.set_status(db, workshop.id, SessionStatus.CLOSED)
    storage.add_action(db, workshop.id, "assets", "Ask carers to co-chair", status="in progress")
    closed = what_came_of_it(db, link)
    assert closed is not None
    assert [(a.description, a.status) for a in closed.actions] == [("Ask carers to co-chair", "in progress")]


def test_self_assessment_results_wait_until_closed(db: Engine) -> None:
    team = storage.create_team(db, "Riverside Council", "Day services")
    spring = storage.create_assessment(db, team.id, quick_row(db), "Spring", threshold=1)
    _send(db, spring, "code-0", 2)
    link = open_own_link(db, "code-0")
    assert what_came_of_it(db, link) is None
    storage.set_status(db, spring.id, SessionStatus.CLOSED)
    shown = what_came_of_it(db, link)
    assert shown is not None and shown.overall_score == 50


def test_results_after_deletion_leave_the_person_out_and_keep_the_threshold(db: Engine) -> None:
    workshop = _workshop(db)
    for i, level in enumerate((1, 2, 3)):
        _send(db, workshop, f"code-{i}", level)
    storage.set_status(db, workshop.id, SessionStatus.CLOSED)
    before = what_came_of_it(db, open_own_link(db, "code-0"))
    assert before is not None and before.n_respondents == 3 and before.overall_score == 50
    delete_own_answers(db, "code-2")
    after = what_came_of_it(db, open_own_link(db, "code-0"))
    # Two people left, below the threshold of three: nothing is shown that would give away the third.
    assert after is not None and after.group.n_answered == 2
    assert after.withheld is not None and after.overall_score is None and after.n_respondents == 0
    assert all(not row.shown for row in after.statement_rows)


def test_results_of_others_in_the_team_are_not_opened(db: Engine) -> None:
    workshop = _workshop(db, threshold=1)
    _send(db, workshop, "code-0", 3)
    earlier = storage.create_assessment(db, workshop.team_id, quick_row(db), "Earlier", threshold=1)
    _send(db, earlier, "earlier-0", 1)
    storage.set_status(db, workshop.id, SessionStatus.CLOSED)
    shown = what_came_of_it(db, open_own_link(db, "code-0"))
    assert shown is not None and shown.trend == () and shown.baseline is None


def test_code_opens_nothing_after_the_retention_period(db: Engine) -> None:
    workshop = _workshop(db, threshold=1)
    _send(db, workshop, "code-0", 3)
    closed = storage.set_status(db, workshop.id, SessionStatus.CLOSED)
    assert closed.closed_at is not None
    assert len(run_retention(db, closed.closed_at + timedelta(days=31), site_default=30)) == 1
    with pytest.raises(StorageError) as raised:
        open_own_link(db, "code-0")
    assert str(raised.value) == UNKNOWN
