"""Issue 10 point 5 (participant's half): a form that is open when the session closes says so at once."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

import storage
from domain.vocabulary import SessionStatus
from tests.browser import flows, seed
from tests.browser.conftest import Server, wait_for_app

pytestmark = pytest.mark.browser

CLOSED = "This session has been closed, so no more answers can be added or sent."


def test_closing_shows_on_an_open_form_without_a_tap_and_keeps_saved_answers(page: Page, app_server: Server) -> None:
    with seed.opened(app_server.db_path) as engine:
        workshop, _key = seed.seed_workshop(engine, "Closing team")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/assess?code={workshop.join_code}")
    wait_for_app(page)
    flows.pick_perspective(page, "Staff and volunteers")
    flows.answer_step(page, ["In between"])
    token = flows.query(page, "r")
    assert token
    with seed.opened(app_server.db_path) as engine:
        storage.set_status(engine, workshop.id, SessionStatus.CLOSED)
    # Nobody taps: the page's watcher notices within seconds.
    expect(page.get_by_text(CLOSED)).to_be_visible(timeout=20_000)
    expect(flows.radio_group(page, "Where is your practice now?")).to_have_count(0)
    with seed.opened(app_server.db_path) as engine:
        respondent = storage.get_respondent(engine, token)
        assert respondent is not None and respondent.submitted_at is None
        frame = storage.responses_frame(engine, workshop.id, submitted_only=False)
    assert list(frame["current"]) == [2.0]  # what they had saved is kept
