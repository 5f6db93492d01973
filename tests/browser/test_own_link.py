"""A participant's own link on a phone: answer and send, come back with the code, see what came of it, delete."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

import storage
from domain.vocabulary import ActionStatus, PresenterStage, SessionStatus
from services.answering import resume_code
from tests.browser import flows, seed
from tests.browser.conftest import Server, wait_for_app
from tests.browser.test_accessibility import _blocking, _describe
from tests.browser.test_mobile import PHONE, assert_no_sideways_scroll

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], Path]


def test_own_link_on_a_phone_shows_answers_results_actions_then_deletes(
    browser: Browser, app_server: Server, snap: Snap
) -> None:
    """390x844: send in a workshop, follow the thank-you link, see own answers, then the shared results and an
    action as the facilitator updates it, download, delete; the code then opens nothing. axe-core finds no serious
    or critical violation on the page."""
    with seed.opened(app_server.db_path) as engine:
        workshop, _key = seed.seed_workshop(engine, "Own link team")
        seed.send_responses(engine, workshop, {"carers": 1, "managers": 3})
    context = browser.new_context(base_url=app_server.url, accept_downloads=True, **PHONE)  # type: ignore[arg-type]
    context.set_default_timeout(20_000)
    try:
        page = context.new_page()
        flows.join_and_answer(page, str(workshop.join_code), "People who use services", "In between")
        code = flows.query(page, "r")
        assert code
        # Shown in the readable groups people write down (K7M4-QP9X-…), the address keeps the plain code.
        expect(page.get_by_text(f"Your code is {resume_code(code)}. Keep it")).to_be_visible()
        snap(page, "00-thank-you")
        assert_no_sideways_scroll(page, "thank-you page")
        page.get_by_role("link", name="Your answers and what came of them").click()
        expect(page.get_by_role("heading", name="Your answers", exact=True)).to_be_visible()
        wait_for_app(page)
        assert flows.query(page, "r") == code and "/mine" in page.url
        expect(page.get_by_text("Statement 6", exact=False)).to_be_visible()
        expect(page.get_by_text("Where you are now: In between").first).to_be_visible()
        expect(page.get_by_text("appear here once the facilitator shows the results")).to_be_visible()
        snap(page, "01-answers-before-results")
        assert_no_sideways_scroll(page, "own answers")

        with page.expect_download() as download:
            page.get_by_role("button", name="Download my answers (CSV)").click()
        frame = pd.read_csv(io.BytesIO(Path(download.value.path()).read_bytes()), encoding="utf-8-sig")
        assert list(frame["number"]) == [1, 2, 3, 4, 5, 6] and set(frame["current"]) == {2}

        # The facilitator shows the results on the projector and adds an action.
        with seed.opened(app_server.db_path) as engine:
            storage.set_presenter(engine, workshop.id, stage=PresenterStage.RESULTS)
            action = storage.add_action(engine, workshop.id, "assets", "Invite carers to plan the open day",
                                        status=ActionStatus.PLANNED)
        page.reload()
        wait_for_app(page)
        metric = page.locator('[data-testid="stMetric"]').filter(has_text="Overall score")
        expect(metric.locator('[data-testid="stMetricValue"]')).to_have_text("50")
        expect(page.get_by_text("Invite carers to plan the open day")).to_be_visible()
        expect(page.get_by_text("Recognising people as assets · planned")).to_be_visible()

        # The team updates the action and closes the workshop: the page follows what storage holds.
        with seed.opened(app_server.db_path) as engine:
            storage.update_action(engine, action.id, status=ActionStatus.IN_PROGRESS, owner="Sam",
                                  description=action.description, due_date=None)
            storage.set_presenter(engine, workshop.id, stage=PresenterStage.JOIN)
            storage.set_status(engine, workshop.id, SessionStatus.CLOSED)
        page.reload()
        wait_for_app(page)
        expect(page.get_by_text("Recognising people as assets · in progress")).to_be_visible()
        expect(metric.locator('[data-testid="stMetricValue"]')).to_have_text("50")
        snap(page, "02-you-said-we-did")
        assert_no_sideways_scroll(page, "you said, we did")  # charts fit; wide tables scroll inside themselves
        blocking = _blocking(page, Axe().run(page).response["violations"])
        assert blocking == [], _describe(blocking)

        page.get_by_role("button", name="Delete my answers").click()
        expect(page.get_by_text("Delete your answers for good?")).to_be_visible()
        wait_for_app(page)
        snap(page, "03-confirm-delete")
        page.get_by_role("button", name="Yes, delete them").click()
        expect(page.get_by_text("Your answers are deleted.")).to_be_visible()
        wait_for_app(page)
        snap(page, "04-deleted")
        assert_no_sideways_scroll(page, "deleted")
        with seed.opened(app_server.db_path) as engine:
            assert storage.get_respondent(engine, code) is None
            assert storage.progress(engine, workshop.id)[1] == 2
        page.goto(f"/mine?r={code}")
        wait_for_app(page)
        expect(page.get_by_text("No answers are stored under that code.")).to_be_visible()
    finally:
        context.close()
