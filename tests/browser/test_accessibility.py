"""Accessibility: axe-core on every page; no serious or critical violation of the app's own making."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

import storage
from tests.browser import flows, seed
from tests.browser.conftest import REPO, Server, shoot, wait_for_app

pytestmark = pytest.mark.browser

REPORTS = REPO / "test-output" / "a11y"
BLOCKING = {"serious", "critical"}
# Streamlit's own chrome, out of the app's reach: rule id -> (container the nodes must sit in, why).
ALLOWED: dict[str, tuple[str, str]] = {
    "list": (
        '[data-testid="stSidebarNav"]',
        "Streamlit's sectioned sidebar navigation wraps each section in a <div> directly inside its <ul>",
    ),
    "listitem": (
        '[data-testid="stSidebarNav"]',
        "same markup seen from the <li> side: the items' parent is Streamlit's section <div>, not the <ul>",
    ),
}
# Violations the app must fix: none are known. (Caption contrast and the QR code's alt text were fixed.)
KNOWN_APP_BUGS: dict[tuple[str, str], str] = {}
PAGES = ["home", "assess", "results", "workshop", "facilitate", "data", "banks"]
Violations = list[dict[str, Any]]


def _open(page: Page, name: str, results: storage.Assessment, workshop: tuple[storage.Assessment, str],
          team_link: str) -> None:
    """Bring `page` to the state worth checking for page `name` (the facilitator view with live results)."""
    session, key = workshop
    if name == "home":
        page.goto(f"/?team={team_link}")
    elif name == "assess":
        page.goto(f"/assess?code={session.join_code}")
        wait_for_app(page)
        flows.pick_perspective(page, "Staff and volunteers")  # a question step, not the join form
    elif name == "results":
        page.goto(f"/results?a={results.link_token}")
    elif name == "workshop":
        page.goto(f"/workshop?team={team_link}")
    elif name == "facilitate":
        page.goto(f"/facilitate?a={session.id}")
        wait_for_app(page)
        page.get_by_label("Facilitator key").fill(key)
        page.get_by_role("button", name="Open").click()
        wait_for_app(page)
        page.locator('[data-testid="stVegaLiteChart"]').first.wait_for()
    elif name == "data":
        page.goto(f"/data?a={results.link_token}")
    elif name == "banks":
        page.goto("/banks")
    wait_for_app(page)


def _inside(page: Page, target: list[Any], container: str) -> bool:
    """Whether the node axe reported (a CSS selector) lies inside `container`."""
    if len(target) != 1 or not isinstance(target[0], str):
        return False  # shadow DOM or frames: never allowlisted
    return bool(page.evaluate(
        "([sel, box]) => { const el = document.querySelector(sel); return !!el && !!el.closest(box); }",
        [target[0], container],
    ))


def _blocking(page: Page, violations: Violations) -> Violations:
    """Serious and critical violations, minus allowlisted nodes in Streamlit's chrome."""
    kept = []
    for violation in violations:
        if violation["impact"] not in BLOCKING:
            continue
        allowed = ALLOWED.get(violation["id"])
        nodes = [n for n in violation["nodes"] if not (allowed and _inside(page, n["target"], allowed[0]))]
        if nodes:
            kept.append({**violation, "nodes": nodes})
    return kept


def _describe(violations: Violations) -> str:
    """One line per violation and node: rule, impact, help, selector, HTML."""
    lines = []
    for v in violations:
        for node in v["nodes"]:
            lines.append(f"{v['id']} ({v['impact']}): {v['help']} -- {node['target']} {node['html'][:120]}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def axe_results(
    browser: Browser,
    app_server: Server,
    seeded_results: storage.Assessment,
    seeded_live_workshop: tuple[storage.Assessment, str],
) -> Iterator[dict[str, Violations]]:
    """Visit each page once and keep its blocking violations (every violation goes to test-output/a11y/)."""
    context = browser.new_context(base_url=app_server.url)
    context.set_default_timeout(20_000)
    page = context.new_page()
    axe = Axe()
    REPORTS.mkdir(parents=True, exist_ok=True)
    found: dict[str, Violations] = {}
    for name in PAGES:
        _open(page, name, seeded_results, seeded_live_workshop, seed.team_link(app_server.db_path, seeded_results.team_id))
        shoot(page, f"a11y-{name}")
        violations = axe.run(page).response["violations"]
        (REPORTS / f"{name}.json").write_text(json.dumps(violations, indent=2), encoding="utf-8")
        found[name] = _blocking(page, violations)
    yield found
    context.close()


@pytest.mark.parametrize("name", PAGES)
def test_accessibility_page_has_no_serious_violations(axe_results: dict[str, Violations], name: str) -> None:
    """No serious/critical violation besides Streamlit's chrome and the app bugs tracked below."""
    unexpected = [v for v in axe_results[name] if (name, v["id"]) not in KNOWN_APP_BUGS]
    assert not unexpected, f"{name}:\n{_describe(unexpected)}"


def test_accessibility_allowlist_is_still_needed(axe_results: dict[str, Violations]) -> None:
    """Every allowlisted rule still shows up somewhere, so the allowlist cannot silently go stale."""
    seen = set()
    for name in PAGES:
        report = json.loads((REPORTS / f"{name}.json").read_text(encoding="utf-8"))
        seen |= {v["id"] for v in report if v["impact"] in BLOCKING}
    assert set(ALLOWED) <= seen, f"no longer reported: {sorted(set(ALLOWED) - seen)}"
