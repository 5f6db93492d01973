"""A facilitated workshop: participants in their own browsers, the facilitator's live view, the key gate."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

import storage

from tests.browser import flows
from tests.browser.conftest import wait_for_app

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], Path]
PARTICIPANTS = [
    ("Staff and volunteers", "In between"),
    ("People who use services", "More like From"),
    ("Carers and family members", "Mostly like To"),
]
# The live panel refreshes every 3 s: allow a few cycles on a busy 2-core machine.
LIVE_TIMEOUT = 20_000


def participant_page(new_context: Callable[..., BrowserContext]) -> Page:
    """A fresh browser context: its own cookies and Streamlit session, like another person's phone."""
    context = new_context()
    context.set_default_timeout(20_000)
    return context.new_page()


def test_workshop_live_view_updates_without_reload(page: Page, new_context: Callable[..., BrowserContext], snap: Snap) -> None:
    """Three participants send answers; the facilitator's counter and radar follow without a reload."""
    team = flows.create_team(page, "Riverside Council", f"Workshop team {uuid.uuid4().hex[:6]}")
    code, key, assessment_id = flows.create_workshop(page, team, threshold=3)
    assert len(key) >= 8
    snap(page, "01-created")
    page.get_by_role("link", name="Open the facilitator view").click()
    wait_for_app(page)
    assert flows.query(page, "a") == assessment_id
    expect(flows.sent_metric(page)).to_have_text("0")
    expect(page.get_by_text("Results appear when at least 3 people have sent their answers.")).to_be_visible()
    snap(page, "02-facilitator-empty")

    # Any navigation of the facilitator's page would count as a reload.
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)

    for number, (perspective, level) in enumerate(PARTICIPANTS, start=1):
        phone = participant_page(new_context)
        flows.join_and_answer(phone, code, perspective, level)
        if number == 1:
            snap(phone, "03-participant-sent")
        expect(flows.sent_metric(page)).to_have_text(str(number), timeout=LIVE_TIMEOUT)
        phone.context.close()

    live_radar = page.locator('[data-testid="stVegaLiteChart"]').first
    expect(live_radar.locator("svg, canvas").first).to_be_visible(timeout=LIVE_TIMEOUT)
    expect(page.get_by_text("Spread of answers, disagreements first")).to_be_visible()
    wait_for_app(page)
    snap(page, "04-facilitator-live")
    assert navigations == [], f"the facilitator page navigated: {navigations}"


def test_facilitate_without_key_shows_only_the_key_form(
    page: Page, seeded_workshop: tuple[storage.Assessment, str], snap: Snap
) -> None:
    """Someone with the link but no key sees the key form only; a wrong key is refused, the right one opens."""
    workshop, key = seeded_workshop
    page.goto(f"/facilitate?a={workshop.id}")
    wait_for_app(page)
    expect(page.get_by_label("Facilitator key")).to_be_visible()
    expect(page.locator('[data-testid="stMetric"]')).to_have_count(0)
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(0)
    expect(page.get_by_text("Answers sent")).to_have_count(0)
    expect(page.get_by_role("tab")).to_have_count(0)
    snap(page, "01-key-form")

    page.get_by_label("Facilitator key").fill("not-the-key")
    page.get_by_role("button", name="Open").click()
    wait_for_app(page)
    expect(page.get_by_text("That key does not match this session.")).to_be_visible()
    expect(page.locator('[data-testid="stMetric"]')).to_have_count(0)
    snap(page, "02-wrong-key")

    page.get_by_label("Facilitator key").fill(key)
    page.get_by_role("button", name="Open").click()
    wait_for_app(page)
    expect(flows.sent_metric(page)).to_be_visible()
    expect(page.get_by_text("That key does not match this session.")).to_have_count(0)
    snap(page, "03-right-key")


def test_facilitate_spread_chart_rows_are_readable(
    page: Page, seeded_live_workshop: tuple[storage.Assessment, str], snap: Snap
) -> None:
    """Each statement's bar in the live spread chart is at least 16 px high, so labels do not overlap."""
    workshop, key = seeded_live_workshop
    page.goto(f"/facilitate?a={workshop.id}")
    wait_for_app(page)
    page.get_by_label("Facilitator key").fill(key)
    page.get_by_role("button", name="Open").click()
    spread = page.locator('[data-testid="stVegaLiteChart"]').nth(1)
    expect(spread.locator("svg.marks")).to_be_visible()
    wait_for_app(page)
    snap(page, "live")
    heights = spread.locator(".mark-rect path").evaluate_all("els => els.map(e => e.getBoundingClientRect().height)")
    assert heights, "the spread chart draws no bars"
    assert min(heights) >= 16, f"bar heights {sorted(set(round(h, 1) for h in heights))} px"
