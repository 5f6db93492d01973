"""Open mode (issue 11) and the facilitator's unlock (issue 10 point 9), in Chromium against `streamlit run`."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, expect

import storage
from tests.browser import seed
from tests.browser.conftest import Server, wait_for_app

pytestmark = pytest.mark.browser
Snap = Callable[[Page, str], Path]


def _fresh(new_context: Callable[..., BrowserContext]) -> Page:
    """A browser that was given nothing: its own cookies, no links, no keys (relative addresses: the shared server)."""
    context = new_context()
    context.set_default_timeout(20_000)
    return context.new_page()


def _seeded(server: Server) -> tuple[storage.Team, storage.Assessment]:
    """A team someone else made, with a self-assessment one person answered (results visible at threshold 1)."""
    with seed.opened(server.db_path) as engine:
        assessment = seed.seed_self_assessment(engine, f"Someone else's team {uuid.uuid4().hex[:6]}",
                                               [0, 1, 2, 3, 4, None])
        team = storage.get_team(engine, assessment.team_id)
    assert team is not None
    return team, assessment


def test_access_open_fresh_browser_cannot_open_results_by_guessing_ids(
    new_context: Callable[..., BrowserContext], app_server: Server, snap: Snap,
) -> None:
    team, assessment = _seeded(app_server)
    page = _fresh(new_context)
    page.goto("/")
    wait_for_app(page)
    expect(page.get_by_text("Open mode: no accounts.")).to_be_visible()
    expect(page.get_by_text(team.name)).to_have_count(0)
    snap(page, "01-home-fresh")
    for guess in sorted({1, 2, 3, assessment.id}):
        page.goto(f"/results?a={guess}")
        wait_for_app(page)
        expect(page.get_by_text("Open results from your team's page on the Home page.")).to_be_visible()
        expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(0)
        expect(page.get_by_text(assessment.title)).to_have_count(0)
    snap(page, "02-results-guessed")
    # The unguessable link does open it, and this browser lists it on Home afterwards.
    page.goto(f"/results?a={assessment.link_token}")
    wait_for_app(page)
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible()
    page.goto("/")
    wait_for_app(page)
    expect(page.get_by_role("link", name=assessment.title)).to_be_visible()


def test_access_open_fresh_browser_cannot_import_export_or_delete_a_team(
    new_context: Callable[..., BrowserContext], app_server: Server, snap: Snap,
) -> None:
    team, assessment = _seeded(app_server)
    page = _fresh(new_context)
    page.goto(f"/data?a={assessment.id}")
    wait_for_app(page)
    expect(page.get_by_text("Open this page from an assessment on your team's page (Home).")).to_be_visible()
    for absent in ("Delete everything", "Download the team's data (XLSX)", "Browse files"):
        expect(page.get_by_role("button", name=absent)).to_have_count(0)
    snap(page, "01-data-guessed")
    # Even with the results link (given to read the results), the team's data stays out of reach.
    page.goto(f"/data?a={assessment.link_token}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Export answers")).to_be_visible()
    expect(page.get_by_text("Importing answers needs the team")).to_be_visible()
    for absent in ("Delete everything", "Download the team's data (XLSX)", "Browse files"):
        expect(page.get_by_role("button", name=absent)).to_have_count(0)
    expect(page.get_by_text("Delete this team and all its data")).to_have_count(0)
    snap(page, "02-data-with-results-link")
    with seed.opened(app_server.db_path) as engine:
        assert storage.get_team(engine, team.id) is not None


def test_access_open_team_link_gives_the_team_and_survives_a_restart(
    new_context: Callable[..., BrowserContext], server_factory: Callable[[Path], Server], tmp_path: Path, snap: Snap,
) -> None:
    db_path = tmp_path / "restart.db"
    first = server_factory(db_path)
    team, _ = _seeded(first)
    page = _fresh(new_context)
    page.goto(f"{first.url}/?team={team.link_token}")
    wait_for_app(page)
    expect(page.get_by_role("heading", name=f"Assessments of {team.name}")).to_be_visible()
    first.stop()
    # Another replica (or this one restarted): the grant is in the database, the device id in the cookie.
    second = server_factory(db_path)
    page.goto(f"{second.url}/")
    wait_for_app(page)
    expect(page.get_by_role("combobox", name="Open a team")).to_be_visible()
    expect(page.get_by_text(team.name).first).to_be_visible()
    snap(page, "01-home-after-restart")


def test_access_facilitator_stays_unlocked_across_reload_and_restart(
    new_context: Callable[..., BrowserContext], server_factory: Callable[[Path], Server], tmp_path: Path, snap: Snap,
) -> None:
    """Issue 10 point 9: the key is asked once per browser, not on every reload; locking ends other browsers."""
    db_path = tmp_path / "unlock.db"
    first = server_factory(db_path)
    with seed.opened(db_path) as engine:
        workshop, key = seed.seed_workshop(engine, "Unlock team")
    page = _fresh(new_context)
    page.goto(f"{first.url}/facilitate?a={workshop.id}")
    wait_for_app(page)
    page.get_by_label("Facilitator key").fill(key)
    page.get_by_role("button", name="Open").click()
    wait_for_app(page)
    expect(page.get_by_role("tab", name="Live")).to_be_visible()
    page.reload()
    wait_for_app(page)
    expect(page.get_by_label("Facilitator key")).to_have_count(0)
    expect(page.get_by_role("tab", name="Live")).to_be_visible()
    first.stop()
    second = server_factory(db_path)
    page.goto(f"{second.url}/facilitate?a={workshop.link_token}")
    wait_for_app(page)
    expect(page.get_by_label("Facilitator key")).to_have_count(0)
    expect(page.get_by_role("tab", name="Live")).to_be_visible()
    snap(page, "01-unlocked-after-restart")
    # The key is still needed in any other browser, and nothing but its hash is stored.
    other = _fresh(new_context)
    other.goto(f"{second.url}/facilitate?a={workshop.link_token}")
    wait_for_app(other)
    expect(other.get_by_label("Facilitator key")).to_be_visible()
    with seed.opened(db_path) as engine, engine.connect() as connection:
        stored = " ".join(str(v) for row in connection.exec_driver_sql("SELECT * FROM device_grants").all() for v in row)
        assert key not in stored
        cookies = [c["value"] for c in page.context.cookies() if c["name"] == "copro_device"]
        assert cookies and all(value not in stored for value in cookies)
