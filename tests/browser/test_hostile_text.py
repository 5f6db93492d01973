"""Issue 10 point 15: text from an uploaded bank, a team name or a session title is shown literally on every page.

A hostile bank (Markdown image, link and raw HTML in its perspective, scale, don't-know, principle and statement
texts) and a hostile team, organisation and session titles are stored, then every page a team, a participant and
a facilitator open is visited in Chromium. A local HTTP server stands in for the tracker and the phishing site:
it must never be asked for anything, no link to it may exist in the page, and the text must read literally.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Page, expect

import storage
from questions.loader import builtin_bank_paths, load_bank_text
from tests.browser import seed
from tests.browser.conftest import Server, free_port, shoot, wait_for_app

pytestmark = pytest.mark.browser


class _Tracker(BaseHTTPRequestHandler):
    """Counts every request: a tracking pixel or a followed link would land here."""

    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        type(self).hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (http.server's signature)
        """Quiet."""


@pytest.fixture
def tracker() -> Iterator[tuple[str, list[str]]]:
    """A local server standing in for a tracker; yields its address and the paths it was asked for."""
    _Tracker.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _Tracker)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", _Tracker.hits
    finally:
        server.shutdown()


def hostile(address: str, what: str) -> str:
    """Text that, read as Markdown or HTML, would load a picture from `address` and show a link to it."""
    return f"{what} ![t]({address}/p{what}) [Verify]({address}/l{what}) <img src=\"{address}/h{what}\"> :red[x]"


def hostile_bank_yaml(address: str) -> str:
    """The quick bank with every label people see replaced by hostile text (still a valid bank)."""
    data = yaml.safe_load(builtin_bank_paths()["coproduction-quick"].read_text(encoding="utf-8"))
    data["id"] = "hostile-quick"
    data["title"] = hostile(address, "title")
    for number, perspective in enumerate(data["perspectives"]):
        perspective["label"] = hostile(address, f"perspective{number}")
    for level in data["scale"]["levels"]:
        level["label"] = hostile(address, f"level{level['value']}")
    data["scale"]["dont_know"] = hostile(address, "dontknow")
    for number, principle in enumerate(data["principles"]):
        principle["name"] = hostile(address, f"principle{number}")
        principle["statements"][0]["from"] = hostile(address, f"from{number}")
        principle["statements"][0]["to"] = hostile(address, f"to{number}")
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def seed_hostile(db_path: Path, address: str) -> tuple[storage.Assessment, storage.Assessment, str, str]:
    """A hostile team with a sent self-assessment and a workshop on the hostile bank; returns both, key, team link."""
    text = hostile_bank_yaml(address)
    bank = load_bank_text(text, "hostile.yaml")
    with seed.opened(db_path) as engine:
        row = storage.save_bank(engine, bank, text)
        team = storage.create_team(engine, hostile(address, "org"), hostile(address, "team"))
        own = storage.create_assessment(engine, team.id, row.id, hostile(address, "assessment"), mode="self",
                                        threshold=1)
        perspectives = tuple(p.id for p in bank.perspectives)
        workshop, key = storage.create_workshop(engine, team.id, row.id, hostile(address, "workshop"),
                                                perspectives, 1)
        for number, assessment in enumerate((own, workshop)):
            for level, perspective in enumerate(perspectives[:3]):
                answers = {s.id: storage.Answer(s.id, level + 1, 4, hostile(address, f"comment{level}"))
                           for s in bank.statements}
                storage.submit_response(engine, assessment.id, perspective, answers, f"hostile-{number}-{level}")
        assert team.link_token
        stored = storage.get_assessment(engine, own.id)
        assert stored is not None
        return stored, workshop, key, team.link_token


def assert_literal(page: Page, address: str, hits: list[str], name: str, shown: bool = True) -> None:
    """Nothing was fetched from the tracker, no link or image points at it, and the text reads literally."""
    wait_for_app(page)
    page.wait_for_timeout(300)  # a pixel would be requested while the page draws
    assert hits == [], f"{name}: the browser fetched {hits}"
    links = page.eval_on_selector_all(
        f"a[href^='{address}']",
        "els => els.map(e => (e.closest('[data-testid^=st]:not([data-testid=stMarkdownContainer])') || e)"
        ".getAttribute('data-testid') + ': ' + e.textContent)")
    assert links == [], f"{name}: links to the tracker are shown in {links}"
    assert page.locator(f"img[src^='{address}']").count() == 0, f"{name}: an image from the tracker is shown"
    if shown:
        shown_text = str(page.evaluate(
            "() => document.body.innerText + [...document.querySelectorAll('input')].map(i => i.value).join(' ')"))
        assert "[Verify](" in shown_text, f"{name}: the hostile text is not shown literally"


def test_hostile_bank_and_team_text_shown_literally_on_every_page(
        page: Page, server_factory: Callable[[Path], Server], tmp_path: Path,
        tracker: tuple[str, list[str]]) -> None:
    address, hits = tracker
    server = server_factory(tmp_path / "hostile.db")
    own, workshop, key, team_link = seed_hostile(server.db_path, address)
    visits: list[tuple[str, str]] = [
        ("home", f"{server.url}/?team={team_link}"),
        ("results", f"{server.url}/results?a={own.link_token}"),
        ("workshop", f"{server.url}/workshop?team={team_link}"),
        ("data", f"{server.url}/data?a={own.link_token}"),
    ]
    for name, address_to_open in visits:
        page.goto(address_to_open)
        wait_for_app(page)
        shoot(page, f"hostile-{name}")
        assert_literal(page, address, hits, name)
    # Results: every tab draws labels (statements, perspectives, comments).
    page.goto(f"{server.url}/results?a={own.link_token}")
    wait_for_app(page)
    for tab in page.get_by_role("tab").all():
        tab.click()
        assert_literal(page, address, hits, f"results tab {tab.inner_text()}")
    # A participant: the join form's perspectives, then a step's scale and don't-know labels.
    page.goto(f"{server.url}/assess?code={workshop.join_code}")
    assert_literal(page, address, hits, "join")
    page.get_by_role("radiogroup").first.get_by_role("radio").first.check(force=True)
    page.get_by_role("button", name="Start").click()
    wait_for_app(page)
    expect(page.get_by_role("radiogroup").first).to_be_visible()
    assert_literal(page, address, hits, "answer step")
    shoot(page, "hostile-answer-step")
    # The facilitator: every tab, then presenter mode.
    page.goto(f"{server.url}/facilitate?a={workshop.id}")
    wait_for_app(page)
    page.get_by_label("Facilitator key").fill(key)
    page.get_by_role("button", name="Open").click()
    wait_for_app(page)
    for tab in page.get_by_role("tab").all():
        tab.click()
        assert_literal(page, address, hits, f"facilitator tab {tab.inner_text()}")
    shoot(page, "hostile-facilitate")
    page.goto(f"{server.url}/present?a={workshop.id}")
    assert_literal(page, address, hits, "presenter")
    page.goto(f"{server.url}/banks")
    wait_for_app(page)
    assert hits == []
