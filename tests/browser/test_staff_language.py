"""A facilitator picks Welsh in the sidebar: the view, its menu and the presenter link follow."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

import storage
from tests.browser import seed
from tests.browser.conftest import Server, wait_for_app


def test_facilitator_view_in_welsh_picked_in_the_sidebar(page: Page, app_server: Server,
                                                         snap: Callable[[Page, str], Path]) -> None:
    with seed.opened(app_server.db_path) as engine:
        team = storage.create_team(engine, "Riverside Council", f"Welsh {uuid.uuid4().hex[:6]}")
        row = next(b.id for b in storage.list_banks(engine) if b.bank_id == "coproduction-full" and b.builtin)
        workshop, key = storage.create_workshop(engine, team.id, row, "Gweithdy Mawrth", ("staff", "carers"), 3)
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"/facilitate?a={workshop.id}")
    wait_for_app(page)
    page.get_by_label("Facilitator key").fill(key)
    page.get_by_role("button", name="Open").click()
    wait_for_app(page)
    page.get_by_test_id("stSidebar").get_by_text("Cymraeg").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Golwg yr hwylusydd")).to_be_visible()
    expect(page.get_by_text("Cod ymuno a chod QR")).to_be_visible()
    expect(page.get_by_test_id("stSidebarNav").get_by_text("Gweithdy newydd")).to_be_visible()  # the menu too
    link = page.get_by_role("link", name="Agor y modd cyflwynydd")
    assert "lang=cy" in (link.get_attribute("href") or "")
    snap(page, "laptop")
