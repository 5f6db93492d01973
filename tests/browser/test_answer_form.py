"""The answer form shows what is stored: Back, progress and review; each step starts at its top; taps saved."""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

import storage
from questions.schema import Bank
from tests.browser import flows, seed
from tests.browser.conftest import Server, wait_for_app

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], Path]
PHONE: dict[str, object] = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 1}
LAPTOP: dict[str, object] = {"viewport": {"width": 1280, "height": 720}}
OPTIONS = (*flows.LEVEL_LABELS, "Don't know")
CURRENT = "Where is your practice now?"


def full_session(server: Server) -> tuple[storage.Assessment, Bank]:
    """An open self-assessment (threshold 1) on the full bank: six steps of six statements."""
    with seed.opened(server.db_path) as engine:
        team = storage.create_team(engine, "Riverside Council", f"Form {uuid.uuid4().hex[:6]}")
        row = next(b.id for b in storage.list_banks(engine) if b.bank_id == "coproduction-full" and b.builtin)
        assessment = storage.create_assessment(engine, team.id, row, "Spring check", threshold=1)
        return assessment, storage.load_bank_version(engine, row)


def device(browser: Browser, server: Server, size: dict[str, object]) -> tuple[BrowserContext, Page]:
    """A new browser (its own cookies and session) at this size."""
    context = browser.new_context(base_url=server.url, **size)  # type: ignore[arg-type]
    context.set_default_timeout(20_000)
    return context, context.new_page()


def stored(server: Server, token: str) -> dict[str, int | None]:
    """The current rating stored for each answered statement of the respondent with this token."""
    with seed.opened(server.db_path) as engine:
        respondent = storage.get_respondent(engine, token)
        assert respondent is not None
        return {sid: answer.current for sid, answer in storage.get_answers(engine, respondent.id).items()}


def level_for(number: int) -> str:
    """A different answer per statement, so a blank or another statement's answer cannot pass."""
    return flows.LEVEL_LABELS[number % 5]


def assert_step_top_in_view(page: Page, where: str) -> None:
    """The new step's heading is on screen, not thousands of pixels above it."""
    page.wait_for_timeout(600)  # the scroll runs as the step is laid out
    heading = page.locator('[data-testid="stHeading"] h2').first
    box = heading.bounding_box()
    viewport = page.viewport_size
    assert box is not None and viewport is not None
    assert 0 <= box["y"] and box["y"] + box["height"] <= viewport["height"], f"{where}: heading at {box}"


def shown_progress(page: Page) -> str:
    """The progress bar's text."""
    text = page.get_by_text(re.compile(r"^\d+ of \d+ statements answered"))
    expect(text).to_be_visible()
    return text.inner_text().strip()


def selected_on_step(page: Page) -> list[str | None]:
    """The option shown as chosen for each statement of this step, in page order."""
    groups = flows.radio_group(page, CURRENT)
    return [flows.selected_option(groups.nth(i)) for i in range(groups.count())]


def test_answer_form_phone_back_shows_stored_answers_and_steps_start_at_the_top(
    browser: Browser, app_server: Server, snap: Snap
) -> None:
    """Issue 10 points 1 and 2, issue 12 point 5: answer all 36 on a phone, go Back: everything stored is shown."""
    assessment, bank = full_session(app_server)
    context, page = device(browser, app_server, PHONE)
    try:
        page.goto(f"/assess?code={assessment.join_code}")
        wait_for_app(page)
        flows.pick_perspective(page, "People who use services")
        snap(page, "01-step1")
        number = 0
        for step in range(len(bank.principles)):
            levels = [level_for(number + i) for i in range(len(bank.principles[step].statements))]
            number += len(levels)
            flows.answer_step(page, levels)
            flows.next_step(page)
            if step < len(bank.principles) - 1:
                assert_step_top_in_view(page, f"after Next to step {step + 2}")
        expect(page.get_by_text("Every statement has an answer.")).to_be_visible()
        expect(page.get_by_text("no answer yet")).to_have_count(0)
        token = flows.query(page, "r")
        assert token is not None and len(stored(app_server, token)) == 36
        for step in reversed(range(len(bank.principles))):
            flows.previous_step(page)
            assert_step_top_in_view(page, f"after Back to step {step + 1}")
            first = sum(len(p.statements) for p in bank.principles[:step])
            expected = [level_for(first + i) for i in range(len(bank.principles[step].statements))]
            assert [s and s.split(" · ")[-1] for s in selected_on_step(page)] == expected, f"step {step + 1}"
            assert shown_progress(page).startswith("36 of 36 statements answered")
            if step == 0:
                break
        snap(page, "02-back-to-step1")
        # The scale reads in order, one option under the other.
        boxes = [flows.radio_group(page, CURRENT).first.locator('[data-testid="stRadioOption"]').nth(i).bounding_box()
                 for i in range(len(OPTIONS))]
        assert all(b is not None for b in boxes)
        lefts = {round(b["x"]) for b in boxes if b}
        tops = [b["y"] for b in boxes if b]
        assert len(lefts) == 1 and tops == sorted(tops) and len(set(tops)) == len(tops), boxes
        # Forward again to the review: still nothing missing.
        for _ in range(len(bank.principles)):
            flows.next_step(page)
        expect(page.get_by_text("Every statement has an answer.")).to_be_visible()
        expect(page.get_by_text("no answer yet")).to_have_count(0)
    finally:
        context.close()


def test_answer_form_open_panel_does_not_carry_over_to_the_next_step(
    browser: Browser, app_server: Server, snap: Snap
) -> None:
    """Issue 10 point 4: "Add a target or a comment" opened on statement 2 is not open on statement 8."""
    assessment, bank = full_session(app_server)
    context, page = device(browser, app_server, LAPTOP)
    try:
        page.goto(f"/assess?code={assessment.join_code}")
        wait_for_app(page)
        flows.pick_perspective(page, "Staff and volunteers")
        panels = page.get_by_text("Add a target or a comment (optional)")
        expect(panels).to_have_count(len(bank.principles[0].statements))
        panels.nth(1).click()  # statement 2
        expect(page.get_by_role("radiogroup", name="Where do you want to be?")).to_have_count(1)
        wait_for_app(page)
        flows.next_step(page)
        expect(page.get_by_text("Statement 8", exact=True)).to_be_visible()
        page.wait_for_timeout(300)
        snap(page, "step2")
        # Statement 8 sits where statement 2 was: its panel is closed, as is every other.
        expect(page.get_by_role("radiogroup", name="Where do you want to be?")).to_have_count(0)
    finally:
        context.close()


def test_answer_form_resumes_with_a_typed_lower_case_code(browser: Browser, app_server: Server, snap: Snap) -> None:
    """Issue 12 point 6: the resume code is four groups of four; typed in lower case on another device, it resumes."""
    assessment, bank = full_session(app_server)
    context, page = device(browser, app_server, PHONE)
    other, later = device(browser, app_server, PHONE)
    try:
        page.goto(f"/assess?code={assessment.join_code}")
        wait_for_app(page)
        flows.pick_perspective(page, "Carers and family members")
        flows.answer_step(page, ["In between"] * len(bank.principles[0].statements))
        info = page.get_by_text("Your resume code is").inner_text()
        found = re.search(r"\b([2-9A-HJKMNP-TV-Z]{4}(?:-[2-9A-HJKMNP-TV-Z]{4}){3})\b", info)
        assert found is not None, info
        code = found.group(1)
        later.goto("/assess")
        wait_for_app(later)
        later.get_by_label("Join code").fill(code.lower().replace("-", " "))
        later.get_by_role("button", name="Join").click()
        expect(later.get_by_text(f"Your resume code is {code}")).to_be_visible()
        wait_for_app(later)
        assert flows.query(later, "r") == code.replace("-", "")
        expect(later.locator('[data-testid="stHeading"] h2').first).to_have_text(bank.principles[1].name)
        flows.previous_step(later)
        assert [s and s.split(" · ")[-1] for s in selected_on_step(later)] == ["In between"] * 6
        snap(later, "resumed")
    finally:
        context.close()
        other.close()


def test_answer_form_200_fast_taps_by_two_people_end_as_the_screens_show(
    browser: Browser, app_server: Server, snap: Snap
) -> None:
    """Issue 10 point 3: 200 fast taps across six statements by two people; the database equals each screen."""
    assessment, bank = full_session(app_server)
    people = [device(browser, app_server, PHONE), device(browser, app_server, PHONE)]
    try:
        tokens = []
        for (_context, page), perspective in zip(people, ("Staff and volunteers", "Managers and leaders"), strict=True):
            page.goto(f"/assess?code={assessment.join_code}")
            wait_for_app(page)
            flows.pick_perspective(page, perspective)
            token = flows.query(page, "r")
            assert token is not None
            tokens.append(token)
        rng = random.Random(10)
        for tap in range(200):
            _context, page = people[tap % 2]
            group = flows.radio_group(page, CURRENT).nth(rng.randrange(6))
            group.locator('[data-testid="stRadioOption"]').nth(rng.randrange(len(OPTIONS))).click()
            page.wait_for_timeout(rng.choice([0, 10, 40]))
        ids = [s.id for s in bank.principles[0].statements]
        for (_context, page), token in zip(people, tokens, strict=True):
            wait_for_app(page, timeout=60_000, settle=1000)
            shown = selected_on_step(page)
            in_database = stored(app_server, token)
            expected: list[str | None] = []
            for sid in ids:
                if sid not in in_database:
                    expected.append(None)
                elif in_database[sid] is None:
                    expected.append("Don't know")
                else:
                    expected.append(flows.LEVEL_LABELS[int(str(in_database[sid]))])
            assert [s and ("Don't know" if s.startswith("Don't know") else s.split(" · ")[-1]) for s in shown] == expected
            saved_marks = page.get_by_text("Saved", exact=True).count()
            assert saved_marks == len(in_database)
            assert shown_progress(page).startswith(f"{len(in_database)} of 36 statements answered")
            expect(page.get_by_text("not saved yet")).to_have_count(0)
        snap(people[0][1], "after-200-taps")
    finally:
        for context, _page in people:
            context.close()


def menu(page: Page) -> list[str]:
    """The page names the sidebar menu offers."""
    links = page.locator('[data-testid="stSidebarNav"] a')
    expect(links.first).to_be_visible()
    return [links.nth(i).inner_text().strip().splitlines()[-1] for i in range(links.count())]


def test_participant_is_not_offered_the_facilitators_pages(browser: Browser, app_server: Server, snap: Snap) -> None:
    """Issue 12 point 5: someone who joined by code sees Home and Answer; a team member on Home still sees all."""
    assessment, _bank = full_session(app_server)
    context, page = device(browser, app_server, LAPTOP)
    staff, home = device(browser, app_server, LAPTOP)
    try:
        page.goto(f"/assess?code={assessment.join_code}")
        wait_for_app(page)
        flows.pick_perspective(page, "Staff and volunteers")
        assert menu(page) == ["Home", "Answer"]
        snap(page, "participant")
        # The team's own browser (it holds the team's link) is offered everything.
        home.goto(f"/?team={seed.team_link(app_server.db_path, assessment.team_id)}")
        wait_for_app(home)
        offered = menu(home)
        assert {"Results", "New workshop", "Facilitator view", "Import and export"} <= set(offered), offered
    finally:
        context.close()
        staff.close()
