"""A participant on a phone-sized screen joins a workshop and answers without sideways scrolling."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

import storage
from tests.browser import flows
from tests.browser.conftest import Server, wait_for_app

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], Path]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 1}
OVERFLOW_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  return {
    document: document.documentElement.scrollWidth, window: window.innerWidth,
    main: main ? main.scrollWidth : 0, mainVisible: main ? main.clientWidth : 0,
  };
}"""


def assert_no_sideways_scroll(page: Page, where: str) -> None:
    """Neither the document nor Streamlit's scrolling main area is wider than the screen."""
    sizes = page.evaluate(OVERFLOW_JS)
    assert sizes["document"] <= sizes["window"] + 1, f"{where}: document {sizes}"
    assert sizes["main"] <= sizes["mainVisible"] + 1, f"{where}: main area {sizes}"


def test_mobile_participant_joins_and_answers(
    browser: Browser, app_server: Server, seeded_workshop: tuple[storage.Assessment, str], snap: Snap
) -> None:
    """390x844: join with the code, answer all six steps, send; no horizontal scrollbar on the way."""
    workshop, _key = seeded_workshop
    context = browser.new_context(base_url=app_server.url, **PHONE)  # type: ignore[arg-type]
    context.set_default_timeout(20_000)
    try:
        page = context.new_page()
        page.goto(f"/assess?code={workshop.join_code}")
        wait_for_app(page)
        snap(page, "01-join")
        assert_no_sideways_scroll(page, "join form")
        flows.pick_perspective(page, "People who use services")
        snap(page, "02-step1")
        assert_no_sideways_scroll(page, "step 1")
        for step in range(flows.QUICK_STEPS):
            flows.answer_step(page, ["More like To"])
            assert_no_sideways_scroll(page, f"step {step + 1}")
            flows.next_step(page)
        snap(page, "03-review")
        assert_no_sideways_scroll(page, "review")
        flows.send_answers(page)
        expect(page.get_by_text("Watch the facilitator's screen")).to_be_visible()
        snap(page, "04-sent")
        assert_no_sideways_scroll(page, "sent")
    finally:
        context.close()
