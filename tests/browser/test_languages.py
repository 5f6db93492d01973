"""Participants on phones in their own language (issue 13 points 4 and 5): one workshop, one result."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy.engine import Engine

import storage
from services.access import FULL_ACCESS
from services.results import results_for
from storage import tables
from tests.browser import flows, seed
from tests.browser.conftest import Server, wait_for_app

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], Path]
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 1}
PICKER = "Language / Iaith / اللغة"
# What each language calls the parts of the form a participant presses or reads.
WORDS = {
    "cy": {"perspective": "O ba safbwynt rydych chi'n ateb?", "start": "Dechrau", "now": "Ble mae eich ymarfer nawr?",
           "next": "Nesaf", "review": "Adolygu", "heading": "Adolygu ac anfon", "send": "Anfon fy atebion",
           "thanks": "Diolch: mae eich atebion wedi cyrraedd.", "resume": "Eich cod ailddechrau yw"},
    "ar": {"perspective": "من أي وجهة نظر تجيب؟", "start": "ابدأ", "now": "أين تقف ممارستك الآن؟",
           "next": "التالي", "review": "مراجعة", "heading": "المراجعة والإرسال", "send": "أرسل إجاباتي",
           "thanks": "شكرًا لك: وصلت إجاباتك.", "resume": "رمز الاستئناف الخاص بك هو"},
}


def phone(browser: Browser, server: Server) -> tuple[BrowserContext, Page]:
    """A fresh phone: its own cookies and Streamlit session."""
    context = browser.new_context(base_url=server.url, **PHONE)  # type: ignore[arg-type]
    context.set_default_timeout(20_000)
    return context, context.new_page()


def perspective_label(server: Server, workshop: storage.Assessment, language: str, perspective: str) -> str:
    """How the form names a point of view in a language (the bank's translation where it has one)."""
    with seed.opened(server.db_path) as engine:
        bank = storage.load_bank_version(engine, workshop.bank_row_id).in_language(language)
    return next(p.label for p in bank.perspectives if p.id == perspective)


def join_in(page: Page, code: str, language: str, name: str, perspective: str) -> None:
    """Open the join link, pick the language by its own name, choose a point of view (as labelled) and start."""
    page.goto(f"/assess?code={code}")
    wait_for_app(page)
    flows.choose(page, PICKER, name)
    words = WORDS[language]
    group = flows.radio_group(page, words["perspective"])
    expect(group).to_be_visible()
    flows.pick(group, perspective)
    page.get_by_role("button", name=words["start"], exact=True).click()
    expect(page.get_by_text(words["resume"])).to_be_visible()
    wait_for_app(page)


def answer_all_in(page: Page, language: str, level: int, snap: Snap | None = None) -> None:
    """Answer every step at `level` (chosen by its number, whatever the label's language), then send."""
    words = WORDS[language]
    for step in range(flows.QUICK_STEPS):
        groups = flows.radio_group(page, words["now"])
        expect(groups.first).to_be_visible()
        for index in range(groups.count()):
            flows.pick(groups.nth(index), f"{level} ·")
            expect(groups.nth(index).locator('[data-testid="stRadioOption"][data-selected="true"]')).to_have_count(1)
            wait_for_app(page)
        if snap is not None and step == 0:
            snap(page, f"{language}-form")
        before = flows.step_heading(page)
        page.get_by_role("button", name=re.compile(f"^({words['next']}|{words['review']})$")).click()
        expect(page.locator('[data-testid="stHeading"] h2').first).not_to_have_text(before)
        wait_for_app(page)
    expect(page.get_by_role("heading", name=words["heading"])).to_be_visible()
    page.get_by_role("button", name=words["send"]).click()
    expect(page.get_by_text(words["thanks"])).to_be_visible()
    wait_for_app(page)


def test_welsh_and_english_participants_land_in_one_result(browser: Browser, app_server: Server, snap: Snap) -> None:
    """A Welsh and an English phone answer the same workshop; the facilitator counts both in one result."""
    with seed.opened(app_server.db_path) as engine:
        workshop, key = seed.seed_workshop(engine, f"Languages {uuid.uuid4().hex[:6]}", threshold=2)
    code = str(workshop.join_code)

    welsh_context, welsh = phone(browser, app_server)
    english_context, english = phone(browser, app_server)
    try:
        join_in(welsh, code, "cy", "Cymraeg", perspective_label(app_server, workshop, "cy", "staff"))
        answer_all_in(welsh, "cy", 4, snap)
        snap(welsh, "cy-sent")
        flows.join_and_answer(english, code, "People who use services", "Mostly like From")
    finally:
        welsh_context.close()
        english_context.close()

    with seed.opened(app_server.db_path) as engine:
        frame = storage.responses_frame(engine, workshop.id)
        languages = sorted(str(storage.get_respondent(engine, token).language)  # type: ignore[union-attr]
                           for token in _tokens(engine, workshop.id))
        result = results_for(engine, workshop, FULL_ACCESS, history=False)
    # Both answered the same statements by id; the Welsh 4s and the English 0s meet in the middle.
    assert languages == ["None", "cy"]
    by_person = frame.groupby("respondent")["statement"].apply(lambda ids: tuple(sorted(ids)))
    assert len(by_person) == 2 and by_person.iloc[0] == by_person.iloc[1]
    assert result.n_respondents == 2 and result.withheld is None
    assert {row.statement: row.mean for row in result.statement_rows} == {sid: 2.0 for sid in by_person.iloc[0]}

    # The facilitator's screen (English) counts both.
    page = browser.new_page(base_url=app_server.url)
    try:
        page.goto(f"/facilitate?a={workshop.id}")
        wait_for_app(page)
        page.get_by_label("Facilitator key").fill(key)
        page.get_by_role("button", name="Open").click()
        wait_for_app(page)
        expect(flows.sent_metric(page)).to_have_text("2")
    finally:
        page.close()


def _tokens(engine: Engine, assessment_id: int) -> list[str]:
    """The resume codes of a session's respondents (straight from the table: no service lists them)."""
    with engine.connect() as connection:
        return list(connection.execute(sa.select(tables.respondents.c.token)
                                       .where(tables.respondents.c.assessment_id == assessment_id)).scalars())


def test_arabic_form_reads_right_to_left_on_a_phone(browser: Browser, app_server: Server, snap: Snap) -> None:
    """390x844 in Arabic: the page is laid out right to left, nothing scrolls sideways, and it can be sent."""
    with seed.opened(app_server.db_path) as engine:
        workshop, _key = seed.seed_workshop(engine, f"Arabic {uuid.uuid4().hex[:6]}", threshold=2)
    context, page = phone(browser, app_server)
    try:
        join_in(page, str(workshop.join_code), "ar", "العربية", perspective_label(app_server, workshop, "ar", "carers"))
        main = page.locator('[data-testid="stMain"]')
        assert main.evaluate("element => getComputedStyle(element).direction") == "rtl"
        sizes = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        assert sizes[0] <= sizes[1] + 1, sizes
        # Right to left: on a phone the scale is one column read top down, each option hugging the right edge.
        options = flows.radio_group(page, WORDS["ar"]["now"]).first.locator('[data-testid="stRadioOption"]')
        first, second = options.nth(0).bounding_box(), options.nth(1).bounding_box()
        assert first is not None and second is not None
        assert first["y"] < second["y"], (first, second)
        assert abs((first["x"] + first["width"]) - (second["x"] + second["width"])) < 2, (first, second)
        assert first["x"] + first["width"] > 390 - 40 and first["x"] > 390 / 3, first
        answer_all_in(page, "ar", 3, snap)
        snap(page, "ar-sent")
    finally:
        context.close()
