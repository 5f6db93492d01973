"""Signed-in mode (issue 11) end to end: Chromium, `streamlit run` and a real OpenID Connect provider.

The provider is oidc-provider-mock, run in a thread by the test: it serves the real authorization-code
flow (discovery, authorize, token, userinfo, end session), and st.login talks to it through Authlib.
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

import storage
from domain.vocabulary import Role
from tests.browser import flows, seed
from tests.browser.conftest import REPO, START_TIMEOUT, Server, _healthy, free_port, wait_for_app

pytestmark = pytest.mark.browser

# Fail, never skip, when the provider is missing: a green run must mean sign-in was really tested.
from oidc_provider_mock import User, run_server_in_thread  # noqa: E402


@dataclass(frozen=True)
class World:
    """The signed-in server, and what the two organisations hold."""

    server: Server
    provider: str
    alpha: storage.Assessment   # Org A's team Alpha, a self-assessment with one sent response
    beta: storage.Assessment    # Org B's team Beta, the same
    beta_bank: str              # title of a bank Org B uploaded
    beta_team: str


USERS = [
    User(sub="alice", claims={"email": "alice@a.org", "email_verified": True, "name": "Alice"}),
    User(sub="bob", claims={"email": "bob@b.org", "email_verified": True, "name": "Bob"}),
    User(sub="mo", claims={"email": "mo@a.org", "email_verified": True, "name": "Mo"}),
]


def _start(db_path: Path, secrets_path: Path, port: int, log_path: Path) -> Server:
    """`streamlit run` on a chosen port (the redirect URI names it), reading sign-in settings from secrets_path."""
    env = {**os.environ, "COPRO_DATABASE_URL": f"sqlite:///{db_path}", "COPRO_ADMINS": "root@example.org"}
    env.pop("COPRO_PUBLIC_URL", None)
    command = [
        sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", "--secrets.files", str(secrets_path),
    ]
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = Server(process, f"http://127.0.0.1:{port}", db_path, log_path)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early:\n{server.log_tail()}")
        if _healthy(server.url):
            return server
        time.sleep(0.25)
    server.stop()
    raise RuntimeError(f"streamlit was not healthy:\n{server.log_tail()}")


def _seed(db_path: Path) -> tuple[storage.Assessment, storage.Assessment, str]:
    """Two organisations, a team each with results, roles for alice, bob and mo, and a bank of Org B's."""
    with seed.opened(db_path) as engine:
        org_a, org_b = storage.create_organisation(engine, "Org A"), storage.create_organisation(engine, "Org B")
        alpha_team = storage.create_team(engine, "Org A", "Alpha team")
        beta_team = storage.create_team(engine, "Org B", "Beta team")
        assessments = []
        for team in (alpha_team, beta_team):
            made = storage.create_assessment(engine, team.id, seed.quick_bank_row(engine), f"{team.name} check",
                                             threshold=1)
            bank = storage.load_bank_version(engine, made.bank_row_id)
            storage.submit_response(engine, made.id, "staff",
                                    {s.id: storage.Answer(s.id, 3, 4, "") for s in bank.statements}, f"t-{made.id}")
            assessments.append(made)
        storage.add_membership(engine, "alice@a.org", org_a.id, None, Role.ADMIN, "root@example.org")
        storage.add_membership(engine, "bob@b.org", org_b.id, None, Role.ADMIN, "root@example.org")
        storage.add_membership(engine, "mo@a.org", org_a.id, alpha_team.id, Role.MEMBER, "alice@a.org")
        quick = storage.get_bank(engine, seed.quick_bank_row(engine))
        assert quick is not None
        text = quick.yaml_text.replace("id: coproduction-quick", "id: beta-secret-bank", 1).replace(
            "title: Co-production self-reflection (quick)", "title: Beta's private wording", 1)
        from questions.loader import load_bank_text

        storage.save_bank(engine, load_bank_text(text, "beta.yaml"), text, organisation_id=org_b.id)
    return assessments[0], assessments[1], "Beta's private wording"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The OpenID Connect provider, then the app in signed-in mode on a fresh database."""
    folder = tmp_path_factory.mktemp("signin")
    previous = os.environ.get("AUTHLIB_INSECURE_TRANSPORT")
    os.environ["AUTHLIB_INSECURE_TRANSPORT"] = "1"  # the provider runs on plain http on this machine only
    with run_server_in_thread(user_claims=USERS) as provider:
        issuer = f"http://localhost:{provider.server_port}"
        port = free_port()
        secrets_path = folder / "secrets.toml"
        # Written here, never in the repo: [auth] is what turns signed-in mode on.
        secrets_path.write_text(
            "[auth]\n"
            f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
            f'cookie_secret = "{secrets.token_hex(32)}"\n'
            'client_id = "coproduction-tests"\n'
            'client_secret = "not-a-real-secret"\n'
            f'server_metadata_url = "{issuer}/.well-known/openid-configuration"\n',
            encoding="utf-8",
        )
        db_path = folder / "signin.db"
        with seed.opened(db_path):
            pass  # migrated and the built-in banks installed before the seed
        alpha, beta, bank = _seed(db_path)
        server = _start(db_path, secrets_path, port, folder / "streamlit.log")
        try:
            yield World(server, issuer, alpha, beta, bank, "Beta team")
        finally:
            server.stop()
    if previous is None:
        os.environ.pop("AUTHLIB_INSECURE_TRANSPORT", None)
    else:
        os.environ["AUTHLIB_INSECURE_TRANSPORT"] = previous


def _new_page(browser: Browser, world: World, viewport: ViewportSize | None = None) -> Page:
    """A fresh browser: no cookies, nobody signed in."""
    context = browser.new_context(base_url=world.server.url, viewport=viewport or {"width": 1280, "height": 720})
    context.set_default_timeout(20_000)
    return context.new_page()


def sign_in(page: Page, who: str) -> None:
    """Home's Sign in, the provider's page (choose the user), and back in the app signed in."""
    page.goto("/")
    wait_for_app(page)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_url("**/oauth2/authorize**")
    page.get_by_role("button", name=who, exact=True).click()
    page.wait_for_url("http://127.0.0.1:*/**")
    wait_for_app(page)
    # The address is shown literally: an invisible word joiner before "@" keeps Markdown from linking it.
    expect(page.get_by_text(re.compile(f"^Signed in as {who}\u2060?@"))).to_be_visible()


def _refused(page: Page, address: str, text: str) -> None:
    """Opening `address` shows `text` and none of the other organisation's results."""
    page.goto(address)
    wait_for_app(page)
    expect(page.get_by_text(text).first).to_be_visible()
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(0)


def test_signin_two_organisations_never_reach_each_other(browser: Browser, world: World, snap: object) -> None:
    page = _new_page(browser, world)
    sign_in(page, "alice")
    expect(page.get_by_role("heading", name="Assessments of Alpha team")).to_be_visible()
    expect(page.get_by_text("Beta team")).to_have_count(0)
    snap(page, "01-alice-home")  # type: ignore[operator]
    beta = world.beta
    missing = "Open results from your team's page on the Home page."
    for address in (f"/results?a={beta.id}", f"/results?a={beta.link_token}"):
        _refused(page, address, missing)
    _refused(page, f"/data?a={beta.id}", "Open this page from an assessment on your team's page (Home).")
    _refused(page, f"/data?a={beta.link_token}", "Open this page from an assessment on your team's page (Home).")
    expect(page.get_by_role("button", name="Download the team's data (XLSX)")).to_have_count(0)
    # Her own team's results open.
    page.goto(f"/results?a={world.alpha.link_token}")
    wait_for_app(page)
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible()
    # Banks: Org B's upload is not offered to Org A.
    page.goto("/banks")
    wait_for_app(page)
    flows.choose(page, "Bank", "Co-production")
    page.get_by_role("combobox", name="Bank").click()
    expect(page.get_by_role("option", name=world.beta_bank)).to_have_count(0)
    page.keyboard.press("Escape")
    # The audit log holds Org A's events only (Alice's sign-in and what she opened), never Bob's.
    page.goto("/audit")
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Audit log")).to_be_visible()
    table = page.locator('[data-testid="stDataFrame"]')
    expect(table).to_be_visible()
    snap(page, "02-alice-audit")  # type: ignore[operator]

    bob = _new_page(browser, world)
    sign_in(bob, "bob")
    expect(bob.get_by_role("heading", name="Assessments of Beta team")).to_be_visible()
    expect(bob.get_by_text("Alpha team")).to_have_count(0)
    _refused(bob, f"/results?a={world.alpha.link_token}", missing)
    bob.goto("/audit")
    wait_for_app(bob)
    with seed.opened(world.server.db_path) as engine:
        org_b = next(o.id for o in storage.list_organisations(engine) if o.name == "Org B")
        actors = {e.actor for e in storage.entries(engine, {org_b})}
    assert actors == {"bob@b.org"}, actors
    csv = bob.get_by_role("button", name="Download the whole log (CSV)")
    with bob.expect_download() as download:
        csv.click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert "bob@b.org" in text and "alice@a.org" not in text and "Alpha team" not in text


def test_signin_a_member_cannot_open_the_manager_view(browser: Browser, world: World) -> None:
    page = _new_page(browser, world)
    sign_in(page, "mo")
    expect(page.get_by_role("heading", name="Assessments of Alpha team")).to_be_visible()
    expect(page.get_by_role("link", name="All teams")).to_have_count(0)
    for address in ("/organisation", "/audit", "/people"):
        page.goto(address)
        wait_for_app(page)
        expect(page.get_by_role("heading", name="All teams")).to_have_count(0)
        expect(page.get_by_role("heading", name="Audit log")).to_have_count(0)
        expect(page.get_by_role("heading", name="People and roles")).to_have_count(0)
    # A member sees the team's results.
    page.goto(f"/results?a={world.alpha.link_token}")
    wait_for_app(page)
    expect(page.locator('[data-testid="stVegaLiteChart"]').first).to_be_visible()


def test_signin_signing_out_ends_access_even_for_a_copied_cookie(browser: Browser, world: World) -> None:
    page = _new_page(browser, world)
    sign_in(page, "alice")
    copied = page.context.cookies()
    page.get_by_role("button", name="Sign out").click()
    # The provider's end-session page, then back to the app.
    page.get_by_role("button", name="End session").click()
    page.wait_for_url("http://127.0.0.1:*/**")
    wait_for_app(page)
    expect(page.get_by_role("button", name="Sign in", exact=True)).to_be_visible()
    page.goto(f"/results?a={world.alpha.link_token}")
    wait_for_app(page)
    expect(page.locator('[data-testid="stVegaLiteChart"]')).to_have_count(0)
    # Someone who copied the identity cookie before the sign-out gets nothing either: the sign-in is over.
    thief = browser.new_context(base_url=world.server.url)
    thief.add_cookies(copied)  # type: ignore[arg-type]
    stolen = thief.new_page()
    stolen.goto(f"/results?a={world.alpha.link_token}")
    wait_for_app(stolen)
    expect(stolen.get_by_text("You have signed out: sign in again to carry on.")).to_be_visible()
    expect(stolen.locator('[data-testid="stVegaLiteChart"]')).to_have_count(0)


def test_signin_participants_answer_without_an_account(browser: Browser, world: World) -> None:
    """Issue 11 point 2: join by code, answer, resume by code and the thank-you page, with nobody signed in."""
    phone = _new_page(browser, world, viewport={"width": 390, "height": 844})
    phone.goto("/")
    wait_for_app(phone)
    expect(phone.get_by_text("People answering with a code need no account.")).to_be_visible()
    phone.goto(f"/assess?code={world.alpha.join_code}")
    wait_for_app(phone)
    flows.pick_perspective(phone, "Staff and volunteers")
    token = flows.query(phone, "r")
    assert token
    flows.answer_everything(phone, "More like To")
    expect(phone.get_by_text("Thank you: your answers are in.")).to_be_visible()
    # Resume by code: another browser with nothing but the resume code finds the same response.
    other = _new_page(browser, world, viewport={"width": 390, "height": 844})
    other.goto(f"/assess?code={token}")
    wait_for_app(other)
    expect(other.get_by_text("Thank you: your answers are in.")).to_be_visible()
    with seed.opened(world.server.db_path) as engine:
        respondent = storage.get_respondent(engine, token)
        assert respondent is not None and respondent.submitted_at is not None
        assert len(storage.get_answers(engine, respondent.id)) == 6
