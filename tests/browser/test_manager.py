"""The manager's view (issue 11 point 4) end to end: a real OpenID Connect sign-in, Chromium, `streamlit run`.

A manager of Org A sees both of its teams and none of Org B's; a team below the threshold reads "not enough
answers yet" with no numbers; the page does not scroll sideways on a phone; the PDF downloads and is logged.
"""

from __future__ import annotations

import io
import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, Page, ViewportSize, expect
from pypdf import PdfReader

import storage
from domain.vocabulary import AuditAction, Role
from storage import tables
from tests.browser import seed
from tests.browser.conftest import Server, free_port, wait_for_app
from tests.browser.test_mobile import assert_no_sideways_scroll
from tests.browser.test_signin import _start, sign_in

pytestmark = pytest.mark.browser

# Fail, never skip, when the provider is missing: a green run must mean sign-in was really tested.
from oidc_provider_mock import User, run_server_in_thread  # noqa: E402

Snap = Callable[[Page, str], Path]
USERS = [User(sub="mo", claims={"email": "mo@a.org", "email_verified": True, "name": "Mo"})]
LAPTOP: ViewportSize = {"width": 1280, "height": 720}
PHONE: ViewportSize = {"width": 390, "height": 844}
PROJECTOR: ViewportSize = {"width": 1920, "height": 1080}


@dataclass(frozen=True)
class World:
    """The signed-in server on a database with two organisations."""

    server: Server


def _session(engine: sa.Engine, team: storage.Team, title: str, levels: list[int], days_ago: int) -> None:
    """A self-assessment of the team, one sent response per level (every statement at that level), made long ago."""
    row = seed.quick_bank_row(engine)
    made = storage.create_assessment(engine, team.id, row, title, threshold=3,
                                     perspectives=("staff", "people_using_services"))
    bank = storage.load_bank_version(engine, row)
    for i, level in enumerate(levels):
        perspective = "staff" if i % 2 == 0 else "people_using_services"
        storage.submit_response(engine, made.id, perspective,
                                {s.id: storage.Answer(s.id, min(4, max(0, level + n % 3 - 1)), 4, "")
                                 for n, s in enumerate(bank.statements)}, f"{made.id}-{i}")
    with engine.begin() as connection:
        connection.execute(sa.update(tables.assessments).where(tables.assessments.c.id == made.id)
                           .values(created_at=made.created_at - timedelta(days=days_ago)))


def _seed(db_path: Path) -> None:
    """Org A: Alpha (two rounds, a quarter apart) and Beta (two answers); Org B: Gamma. Mo manages Org A."""
    with seed.opened(db_path) as engine:
        org_a = storage.create_organisation(engine, "Org A")
        storage.create_organisation(engine, "Org B")
        alpha = storage.create_team(engine, "Org A", "Alpha team")
        beta = storage.create_team(engine, "Org A", "Beta team")
        gamma = storage.create_team(engine, "Org B", "Gamma team")
        _session(engine, alpha, "Alpha spring", [1, 2, 2, 1, 2, 3], 120)
        _session(engine, alpha, "Alpha summer", [2, 3, 3, 4, 2, 3], 10)
        _session(engine, beta, "Beta first look", [4, 0], 5)
        _session(engine, gamma, "Gamma check", [3, 3, 3], 5)
        storage.add_membership(engine, "mo@a.org", org_a.id, None, Role.MANAGER, "root@example.org")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The provider, then the app in signed-in mode."""
    folder = tmp_path_factory.mktemp("manager")
    previous = os.environ.get("AUTHLIB_INSECURE_TRANSPORT")
    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"
    with run_server_in_thread(user_claims=USERS) as provider:
        issuer = f"http://localhost:{provider.server_port}"
        port = free_port()
        secrets_path = folder / "secrets.toml"
        secrets_path.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_hex(32)}"\n'
            'client_id = "coproduction-tests"\n'
            'client_secret = "not-a-real-secret"\n'
            f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n',
            encoding="utf-8",
        )
        db_path = folder / "manager.db"
        _seed(db_path)
        server = _start(db_path, secrets_path, port, folder / "streamlit.log")
        try:
            yield World(server)
        finally:
            server.stop()
    if previous is None:
        os.environ.pop("AUTHLIB_INSECURE_TRANSPORT", None)
    else:
        os.environ["AUTHLIB_INSECURE_TRANSPORT"] = previous


def _manager_page(browser: Browser, world: World, viewport: ViewportSize) -> Page:
    """Mo signed in, on the manager's view."""
    context = browser.new_context(base_url=world.server.url, viewport=viewport)
    context.set_default_timeout(20_000)
    page = context.new_page()
    sign_in(page, "mo")
    page.goto("/organisation")  # on a phone the sidebar with the link is folded away
    wait_for_app(page)
    expect(page.get_by_role("heading", name="All teams")).to_be_visible()
    return page


def test_manager_sees_both_teams_of_their_organisation_and_none_of_another(browser: Browser, world: World,
                                                                          snap: Snap) -> None:
    page = _manager_page(browser, world, LAPTOP)
    main = page.locator('[data-testid="stMain"]')
    # Team names as the radar section writes them (the table draws on a canvas).
    expect(main.get_by_text("Alpha team", exact=True).filter(visible=True).first).to_be_visible()
    expect(main.get_by_text("Beta team", exact=True).filter(visible=True).first).to_be_visible()
    expect(main.get_by_text("Gamma team")).to_have_count(0)
    expect(main.get_by_text("1 team has not enough answers yet").first).to_be_visible()
    # The heat map, Alpha's radar and the trend are drawn; Beta has no radar.
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(3)
    page.get_by_text("Heat map as text").click()
    heat = page.get_by_text("Beta team: not enough answers yet")
    expect(heat).to_be_visible()
    snap(page, "01-laptop")
    page.get_by_role("button", name="Prepare the organisation summary (PDF)").click()
    wait_for_app(page, timeout=60_000)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the organisation summary (PDF)").click()
    data = Path(download.value.path()).read_bytes()
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    assert "Organisation summary" in text and "Alpha team" in text and "Beta team" in text
    assert "Gamma" not in text
    with seed.opened(world.server.db_path) as engine:
        events = [(e.actor, e.action, e.details) for e in storage.entries(engine, None) if e.actor == "mo@a.org"]
    assert ("mo@a.org", AuditAction.RESULTS_VIEWED, "") in events
    assert ("mo@a.org", AuditAction.EXPORT, "organisation summary (PDF)") in events


@pytest.mark.parametrize("screen", ["phone", "projector"])
def test_manager_view_fits_a_phone_and_a_projector(browser: Browser, world: World, snap: Snap, screen: str) -> None:
    page = _manager_page(browser, world, PHONE if screen == "phone" else PROJECTOR)
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(3)
    # Vega draws after Streamlit is idle: wait for every chart's canvas or SVG.
    expect(page.locator('[data-testid="stVegaLiteChart"] canvas, [data-testid="stVegaLiteChart"] svg')
           .first).to_be_visible()
    snap(page, "02-" + screen)
    assert_no_sideways_scroll(page, "manager's view")
