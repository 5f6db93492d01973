"""Paper answers typed in by a facilitator (issue 12 point 8): counted like any other, and marked as from paper."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

import storage
from domain.vocabulary import ResponseSource
from questions.errors import ProjectError
from services.access import FULL_ACCESS
from services.paper import enter_paper_response, paper_pack_pdf, paper_responses
from services.results import results_for
from tests.services.conftest import quick_row, send


def _workshop(engine: Engine) -> storage.Assessment:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    workshop, _key = storage.create_workshop(engine, team.id, quick_row(engine), "Autumn", ("staff", "people_using_services"), 3)
    return workshop


def test_paper_responses_are_counted_and_marked(engine: Engine) -> None:
    workshop = _workshop(engine)
    send(engine, workshop, "staff", 2, "online-1")
    send(engine, workshop, "staff", 2, "online-2")
    bank = storage.load_bank_version(engine, workshop.bank_row_id)
    answers = {s.id: storage.Answer(s.id, 4, 4, "from the paper pack") for s in bank.statements}
    paper = enter_paper_response(engine, workshop, "staff", answers, "entry-1")
    # Saving the same entry again (a double click) stores it once.
    assert enter_paper_response(engine, workshop, "staff", answers, "entry-1").id == paper.id
    assert paper_responses(engine, workshop) == 1
    assert storage.sent_by_source(engine, workshop.id) == {ResponseSource.ONLINE: 2, ResponseSource.PAPER: 1}
    with engine.connect() as connection:
        r = storage.tables.respondents
        stored = dict(connection.execute(sa.select(r.c.id, r.c.source).where(r.c.assessment_id == workshop.id)).all())
    assert stored[paper.id] == "paper" and sorted(stored.values()) == ["online", "online", "paper"]
    results = results_for(engine, workshop, FULL_ACCESS)
    assert results.n_respondents == 3 and not results.withheld
    assert results.overall_score == pytest.approx((2 + 2 + 4) / 3 * 25)


def test_paper_response_to_a_closed_session_is_refused(engine: Engine) -> None:
    workshop = _workshop(engine)
    closed = storage.set_status(engine, workshop.id, "closed")
    assert not closed.is_open
    with pytest.raises(ProjectError):
        enter_paper_response(engine, closed, "staff", {}, "entry-2")
    assert paper_responses(engine, closed) == 0


def test_paper_pack_of_a_workshop_carries_its_join_code(engine: Engine, tmp_path: Path) -> None:
    workshop = _workshop(engine)
    assert workshop.join_code
    path = tmp_path / "pack.pdf"
    path.write_bytes(paper_pack_pdf(engine, workshop, f"http://x/assess?code={workshop.join_code}", easy_read=True))
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    assert workshop.join_code in text and "Autumn" in text
