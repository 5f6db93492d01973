"""Results on a phone (issue 12 point 4): every chart fits the screen's width, statements read as cards."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

import storage
from tests.browser import seed
from tests.browser.conftest import Server, wait_for_app
from tests.browser.test_mobile import PHONE, assert_no_sideways_scroll

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], Path]
TABS = ("Radar", "Perspectives", "Statements", "Trend")


def open_results(page: Page, server: Server, assessment: storage.Assessment) -> None:
    """Open the team's link (so earlier rounds count in the trend), then the session's results."""
    page.goto(f"/?team={seed.team_link(server.db_path, assessment.team_id)}")
    wait_for_app(page)
    page.goto(f"/results?a={assessment.link_token}")
    wait_for_app(page)


def within_width(page: Page, element: Locator, what: str) -> None:
    """The element's box lies between the left and right edges of the screen."""
    box = element.bounding_box()
    width = (page.viewport_size or {"width": 0})["width"]
    assert box is not None, what
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, f"{what}: {box} on a {width} px screen"


def charts_fit(page: Page, panel: Locator, where: str) -> None:
    """Every chart drawn in the panel (its SVG, not only its frame) lies within the screen's width."""
    charts = panel.locator('[data-testid="stVegaLiteChart"]')
    for index in range(charts.count()):
        drawing = charts.nth(index).locator("svg.marks")
        expect(drawing).to_be_visible()
        within_width(page, drawing, f"{where}, chart {index + 1}")


def test_phone_results_fit_the_screen(browser: Browser, app_server: Server, full_results: storage.Assessment,
                                      snap: Snap) -> None:
    """390x844: no sideways scrolling on any tab; the radar and every chart are within the screen's width."""
    context = browser.new_context(base_url=app_server.url, **PHONE)  # type: ignore[arg-type]
    context.set_default_timeout(20_000)
    try:
        page = context.new_page()
        open_results(page, app_server, full_results)
        radar = page.locator('[data-testid="stVegaLiteChart"] svg.marks').first
        expect(radar).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        within_width(page, radar, "the radar")
        box = radar.bounding_box()
        assert box is not None and abs(box["width"] - box["height"]) <= 0.25 * box["width"], f"not square: {box}"
        snap(page, "radar")
        for name in TABS:
            page.get_by_role("tab", name=name).click()
            panel = page.get_by_role("tabpanel", name=name)
            expect(panel).to_be_visible()
            wait_for_app(page)
            assert_no_sideways_scroll(page, f"{name} tab")
            charts_fit(page, panel, f"{name} tab")
            if name == "Trend":  # two rounds: the trend is drawn, not only explained
                expect(panel.locator('[data-testid="stVegaLiteChart"] svg.marks')).to_be_visible()
            snap(page, name.lower())
    finally:
        context.close()


def test_phone_results_statements_read_as_cards(browser: Browser, app_server: Server,
                                                full_results: storage.Assessment) -> None:
    """390x844: the Statements tab lists each statement as a card (number, wording, score), not a scroll box."""
    with seed.opened(app_server.db_path) as engine:
        bank = storage.load_bank_version(engine, full_results.bank_row_id)
    context = browser.new_context(base_url=app_server.url, **PHONE)  # type: ignore[arg-type]
    context.set_default_timeout(20_000)
    try:
        page = context.new_page()
        page.goto(f"/results?a={full_results.link_token}")
        wait_for_app(page)
        page.get_by_role("tab", name="Statements").click()
        panel = page.get_by_role("tabpanel", name="Statements")
        wait_for_app(page)
        expect(panel.locator('[data-testid="stDataFrame"]')).to_have_count(0)
        cards = panel.locator(".copro-card")
        expect(cards).to_have_count(len(bank.statements))
        for number in (1, len(bank.statements)):
            card = cards.nth(number - 1)
            statement = bank.statements[number - 1]
            expect(card).to_contain_text(f"{number}.")
            expect(card).to_contain_text(statement.to_text)
            expect(card).to_contain_text("Score")
            within_width(page, card, f"card {number}")
    finally:
        context.close()
