"""What a person sees on a phone, a laptop and a projector (issue 12, "Done when").

The answer form, the Easy Read form and the results page at 390x844, 1280x720 and 1920x1080: a screenshot
of each (test-output/screenshots/screens-*.png), nothing scrolls sideways, and axe-core finds no serious or
critical violation in the app's own markup. The presenter view has its own tests (test_presenter.py).
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

import storage
from tests.browser import seed
from tests.browser.conftest import UI_TIMEOUT, Server, shoot, wait_for_app
from tests.browser.test_accessibility import REPORTS, _blocking, _describe
from tests.browser.test_mobile import assert_no_sideways_scroll

pytestmark = pytest.mark.browser

SIZES = [(390, 844), (1280, 720), (1920, 1080)]
SCREENS = ["form", "easy-read-form", "results"]
# Standard or Easy Read wording of the same controls (the Easy Read wording is being rolled out form-wide).
PERSPECTIVE = re.compile(r"^(Which point of view are you answering from\?|Which of these is you\?)$")
NOW = re.compile(r"^(Where is your practice now\?|How are things now\?)$")


def open_form(page: Page, code: str, easy_read: bool) -> None:
    """Join with the code, choose a point of view and start: the first question step."""
    page.goto(f"/assess?code={code}" + ("&er=1" if easy_read else ""))
    wait_for_app(page)
    group = page.get_by_role("radiogroup", name=PERSPECTIVE)
    expect(group).to_be_visible(timeout=UI_TIMEOUT)
    group.locator('[data-testid="stRadioOption"]').filter(has_text="People who use services").click()
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.get_by_role("radiogroup", name=NOW).first).to_be_visible(timeout=UI_TIMEOUT)
    wait_for_app(page)
    toggle = page.locator('[data-testid="stCheckbox"]').filter(has_text="Easy Read").locator("input")
    if toggle.is_checked() != easy_read:
        toggle.click(force=True)  # the input is drawn as a switch over it
        wait_for_app(page)
    assert toggle.is_checked() == easy_read


def open_results(page: Page, server: Server, assessment: storage.Assessment) -> None:
    """The team's link (earlier rounds join the trend), then the results with the radar drawn."""
    page.goto(f"/?team={seed.team_link(server.db_path, assessment.team_id)}")
    wait_for_app(page)
    page.goto(f"/results?a={assessment.link_token}")
    wait_for_app(page)
    expect(page.locator('[data-testid="stVegaLiteChart"] svg.marks').first).to_be_visible()
    wait_for_app(page)


def serious_violations(page: Page, name: str) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations, minus the allowlisted nodes of Streamlit's own navigation."""
    violations = Axe().run(page).response["violations"]
    REPORTS.mkdir(parents=True, exist_ok=True)
    (REPORTS / f"{name}.json").write_text(json.dumps(violations, indent=2), encoding="utf-8")
    return _blocking(page, violations)


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_screen_fits_and_has_no_serious_accessibility_violation(
    browser: Browser, app_server: Server, seeded_workshop: tuple[storage.Assessment, str],
    full_results: storage.Assessment, screen: str, size: tuple[int, int],
) -> None:
    """A screenshot; no sideways scrolling; the first thing to do or read is on the first screen; axe finds nothing serious."""
    width, height = size
    phone = width < 600
    context = browser.new_context(base_url=app_server.url, viewport={"width": width, "height": height},
                                  is_mobile=phone, has_touch=phone)
    context.set_default_timeout(20_000)
    name = f"screens-{screen}-{width}x{height}"
    try:
        page = context.new_page()
        if screen == "results":
            open_results(page, app_server, full_results)
            first = page.locator('[data-testid="stMetric"]').first  # the overall score
        else:
            workshop, _key = seeded_workshop
            assert workshop.join_code is not None
            open_form(page, workshop.join_code, easy_read=screen == "easy-read-form")
            first = page.locator('[data-testid="stHeading"] h2').first  # the step's principle
        page.screenshot(path=str(shoot(page, name).with_name(f"{name}-first-screen.png")))
        assert_no_sideways_scroll(page, name)
        box = first.bounding_box()
        assert box is not None and 0 <= box["y"] < height and box["x"] + box["width"] <= width + 1, (name, box)
        blocking = serious_violations(page, name)
        assert not blocking, f"{name}:\n{_describe(blocking)}"
    finally:
        context.close()
