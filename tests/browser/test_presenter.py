"""Presenter mode on a projector (issue 12 points 1-2): one screen per stage, keyboard, the facilitator's device."""

from __future__ import annotations

import math
import random
import re
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Locator, Page, expect

import storage
from domain.vocabulary import GrantKind
from reports.parts import Results
from services.access import FULL_ACCESS
from services.results import results_for
from tests.browser import seed
from tests.browser.conftest import SCREENSHOTS, Server, wait_for_app

pytestmark = pytest.mark.browser

Workshop = tuple[storage.Assessment, str]
PROJECTORS = [(1280, 720), (1920, 1080)]
REFRESH = 20_000  # the presenter and the discussion refresh every 3 s: a few cycles on a busy machine


@pytest.fixture(scope="module")
def full_workshop(app_server: Server) -> Workshop:
    """A workshop on the full bank (36 statements): eight people sent, three are still answering."""
    with seed.opened(app_server.db_path) as engine:
        team = storage.create_team(engine, "Riverside Council", f"Presenter {uuid.uuid4().hex[:6]}")
        row = next(b.id for b in storage.list_banks(engine) if b.bank_id == "coproduction-full" and b.builtin)
        bank = storage.load_bank_version(engine, row)
        workshop, key = storage.create_workshop(engine, team.id, row, "March workshop",
                                                tuple(p.id for p in bank.perspectives), 3)
        rng = random.Random(7)
        for person in range(8):
            answers = {s.id: storage.Answer(s.id, rng.choice([0, 1, 2, 2, 3, 3, 4, None]), None, "")
                       for s in bank.statements}
            storage.submit_response(engine, workshop.id, ("staff", "carers", "managers")[person % 3], answers,
                                    f"presenter-{workshop.id}-{person}")
        for person in range(3):
            answering = storage.join(engine, workshop.id, "staff")
            for statement in bank.statements[: 6 * (person + 1)]:
                storage.save_answer(engine, answering.id, statement.id, 2, None, "")
    return workshop, key


@pytest.fixture
def browser_page(new_context: Callable[..., BrowserContext]) -> Callable[..., Page]:
    """New pages in their own contexts (another device each, on the shared server); pytest-playwright closes them."""

    def make(width: int, height: int) -> Page:
        context = new_context(viewport={"width": width, "height": height})
        context.set_default_timeout(20_000)
        return context.new_page()

    return make


def unlock(page: Page, path: str, workshop: Workshop) -> None:
    """Open a facilitator page of the workshop and give its key."""
    page.goto(f"{path}?a={workshop[0].id}")
    wait_for_app(page)
    page.get_by_label("Facilitator key").fill(workshop[1])
    page.get_by_role("button", name="Open").click()
    wait_for_app(page)


def results(server: Server, workshop: storage.Assessment) -> Results:
    """The results model of the workshop as the app builds it."""
    with seed.opened(server.db_path) as engine:
        return results_for(engine, workshop, FULL_ACCESS, history=False)


def in_first_screen(page: Page, element: Locator) -> None:
    """The element is drawn, and wholly inside the viewport as the page opened (nothing to scroll to)."""
    expect(element).to_be_visible()
    box = element.bounding_box()
    size = page.viewport_size
    assert box is not None and size is not None
    assert box["x"] >= 0 and box["y"] >= 0, box
    assert box["x"] + box["width"] <= size["width"] + 1 and box["y"] + box["height"] <= size["height"] + 1, (box, size)


def nothing_scrolls(page: Page) -> None:
    """Neither the page nor Streamlit's main area can scroll, down or sideways."""
    overflow = page.evaluate("""() => { const m = document.querySelector('[data-testid="stMain"]');
      const d = document.documentElement;
      return [m.scrollHeight - m.clientHeight, m.scrollWidth - m.clientWidth,
              d.scrollHeight - innerHeight, d.scrollWidth - innerWidth]; }""")
    assert max(overflow) <= 1, f"overflow (main down, main across, page down, page across): {overflow}"


def screenshot(page: Page, name: str) -> None:
    """What the room sees: the viewport only, as the projector shows it; and axe-core finds nothing serious in it."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"presenter-{name}.png"))
    violations = Axe().run(page).response["violations"]
    serious = [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}" for v in violations
               if v["impact"] in ("serious", "critical")]
    assert not serious, f"{name}: {serious}"


@pytest.mark.parametrize("size", PROJECTORS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_presenter_each_stage_fits_the_projector(app_server: Server, full_workshop: Workshop,
                                                 browser_page: Callable[..., Page], size: tuple[int, int]) -> None:
    """Issue 12 point 1: join code, QR and link; counts and steps; radar, score and disagreements on one screen."""
    workshop, _key = full_workshop
    label = f"{size[0]}x{size[1]}"
    page = browser_page(*size)
    unlock(page, "/present", full_workshop)
    page.get_by_role("button", name="Join code").click()
    wait_for_app(page)
    code = page.locator(".copro-p .code")
    expect(code).to_have_text(str(workshop.join_code))
    in_first_screen(page, code)
    assert (code.bounding_box() or {"height": 0})["height"] >= 80, "the join code is readable from the back"
    in_first_screen(page, page.get_by_role("img", name=re.compile(r"^QR code that opens \S+assess\?code=")))
    in_first_screen(page, page.locator(".copro-p .link"))
    expect(page.locator('[data-testid="stSidebar"]')).to_be_hidden()
    nothing_scrolls(page)
    screenshot(page, f"{label}-join")

    page.get_by_role("button", name="Progress").click()
    wait_for_app(page)
    expect(page.locator(".copro-p .number b")).to_have_text(["11", "3", "8"])
    expect(page.locator(".copro-p .step .count")).to_have_text(
        ["11 of 11", "10 of 11", "9 of 11", "8 of 11", "8 of 11", "8 of 11"])
    nothing_scrolls(page)
    screenshot(page, f"{label}-progress")

    page.get_by_role("button", name="Results").click()
    radar = page.locator('[data-testid="stVegaLiteChart"]')
    expect(radar.locator("svg.marks")).to_be_visible(timeout=REFRESH)
    wait_for_app(page)
    model = results(app_server, workshop)
    in_first_screen(page, radar)
    score = page.locator(".copro-p.score b")
    expect(score).to_have_text(f"{model.overall_score:.0f}")
    in_first_screen(page, score)
    spots = page.locator(".copro-p .spot")
    expect(spots).to_have_count(len(model.hot_spots))
    for spot, expected in zip(spots.all(), model.hot_spots):
        expect(spot).to_contain_text(expected.to_text)
        in_first_screen(page, spot)
    # The numbers on the radar: each principle's score, as written beside its point.
    drawn = set(radar.locator("svg text").evaluate_all("els => els.map(e => e.textContent)"))
    for row in model.principle_rows:
        assert row.score is not None
        assert drawn & {str(math.floor(row.score)), str(math.ceil(row.score))}, (row.name, row.score, drawn)
    nothing_scrolls(page)
    screenshot(page, f"{label}-results")


def test_presenter_discussion_by_keyboard_with_the_facilitators_phone(
    app_server: Server, full_workshop: Workshop, browser_page: Callable[..., Page]
) -> None:
    """Issue 12 point 2: arrow keys move the statement; the facilitator's phone follows, saves, and moves it too."""
    workshop, _key = full_workshop
    model = results(app_server, workshop)
    texts = {row.statement: row.to_text for row in model.statement_rows}
    order = list(model.discussion_order)
    projector = browser_page(1280, 720)
    unlock(projector, "/present", full_workshop)
    projector.get_by_role("button", name="Results").click()
    wait_for_app(projector)
    projector.keyboard.press("ArrowRight")
    kicker = projector.locator(".copro-p .kicker").first
    expect(kicker).to_contain_text("Statement 1 of 36", timeout=REFRESH)
    expect(projector.locator(".copro-p .pair")).to_contain_text(texts[order[0]])
    projector.keyboard.press("ArrowRight")
    expect(kicker).to_contain_text("Statement 2 of 36", timeout=REFRESH)
    expect(projector.locator(".copro-p .pair")).to_contain_text(texts[order[1]])
    wait_for_app(projector)
    screenshot(projector, "1280x720-discussion")
    nothing_scrolls(projector)

    phone = browser_page(390, 844)
    unlock(phone, "/facilitate", full_workshop)
    phone.get_by_role("tab", name="Discussion").click()
    wait_for_app(phone)
    discussing = phone.get_by_role("tabpanel", name="Discussion")
    expect(discussing.get_by_text(texts[order[1]], exact=True)).to_be_visible()
    # The projector moves on by keyboard: the phone follows without a tap.
    projector.keyboard.press("ArrowRight")
    expect(kicker).to_contain_text("Statement 3 of 36", timeout=REFRESH)
    expect(discussing.get_by_text(texts[order[2]], exact=True)).to_be_visible(timeout=REFRESH)
    wait_for_app(phone)
    rating = discussing.get_by_role("radiogroup", name="Agreed group rating")
    rating.locator('[data-testid="stRadioOption"]').filter(has_text="More like To").click()
    discussing.get_by_role("button", name="Save the agreed rating").click()
    wait_for_app(phone)
    expect(discussing.locator('[data-testid="stAlertContentSuccess"]').filter(has_text="Saved")).to_be_visible()
    expect(projector.locator(".copro-p .agreed")).to_have_text("Agreed: 3 · More like To", timeout=REFRESH)
    with seed.opened(app_server.db_path) as engine:
        assert storage.agreed_ratings(engine, workshop.id)[order[2]].rating == 3
    # And the phone moves the projector on.
    discussing.get_by_role("button", name="Next statement").click()
    wait_for_app(phone)
    expect(kicker).to_contain_text("Statement 4 of 36", timeout=REFRESH)
    projector.keyboard.press("ArrowLeft")
    expect(kicker).to_contain_text("Statement 3 of 36", timeout=REFRESH)
    expect(discussing.get_by_text(texts[order[2]], exact=True)).to_be_visible(timeout=REFRESH)
    phone.screenshot(path=str(SCREENSHOTS / "presenter-phone-control.png"), full_page=True)


def test_presenter_refresh_checks_access_again(app_server: Server, full_workshop: Workshop,
                                               browser_page: Callable[..., Page]) -> None:
    """A revoked unlock ("Lock on every other device") stops the projector at its next refresh, without a reload."""
    workshop, _key = full_workshop
    projector = browser_page(1280, 720)
    unlock(projector, "/present", full_workshop)
    # A fresh page load: this browser is let in by its stored unlock alone, as on the workshop day.
    projector.reload()
    wait_for_app(projector)
    expect(projector.locator(".copro-p").first).to_be_visible()
    expect(projector.get_by_label("Facilitator key")).to_have_count(0)
    with seed.opened(app_server.db_path) as engine:
        assert storage.revoke_object(engine, GrantKind.FACILITATOR, workshop.id) >= 1
    expect(projector.get_by_label("Facilitator key")).to_be_visible(timeout=REFRESH)
    expect(projector.locator(".copro-p")).to_have_count(0)
    expect(projector.get_by_text(re.compile("This view is for the facilitator"))).to_be_visible()
