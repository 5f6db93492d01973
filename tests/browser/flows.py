"""User journeys shared by the browser tests: the clicks a person makes, as functions."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Locator, Page, expect

from tests.browser.conftest import UI_TIMEOUT, wait_for_app

QUICK_BANK = "Co-production self-reflection (quick)"
LEVEL_LABELS = ("Mostly like From", "More like From", "In between", "More like To", "Mostly like To")
QUICK_STEPS = 6  # one statement per principle
JOIN_CODE = re.compile(r"[A-Z0-9]{4,}(?:-[A-Z0-9]{3,})+")


def query(page: Page, name: str) -> str | None:
    """A query parameter of the page's current address."""
    values = parse_qs(urlsplit(page.url).query).get(name)
    return values[0] if values else None


def choose(page: Page, label: str, option: str) -> None:
    """Pick the option starting with `option` in the selectbox labelled `label`."""
    box = page.get_by_role("combobox", name=label)
    expect(box).to_be_visible(timeout=UI_TIMEOUT)
    if (box.input_value() or "").startswith(option):
        return
    listbox = page.get_by_role("listbox")
    for _ in range(3):  # a click landing during a rerun can leave the list closed
        box.click()
        try:
            expect(listbox).to_be_visible(timeout=3000)
            break
        except AssertionError:
            box.press("Escape")
    listbox.get_by_role("option").filter(has_text=option).first.click()
    expect(box).to_have_value(re.compile(f"^{re.escape(option)}"), timeout=UI_TIMEOUT)


def radio_group(page: Page, label: str) -> Locator:
    """The radio group with this accessible label (several: the nth is chosen by the caller)."""
    return page.get_by_role("radiogroup", name=label)


def pick(group: Locator, option: str) -> None:
    """Click the one radio option whose text contains `option` (the input itself is visually hidden)."""
    group.locator('[data-testid="stRadioOption"]').filter(has_text=option).click()


def selected_option(group: Locator) -> str | None:
    """Text of the selected option of a radio group, None when nothing is chosen."""
    chosen = group.locator('[data-testid="stRadioOption"][data-selected="true"]')
    return chosen.inner_text().strip() if chosen.count() else None


def create_team(page: Page, organisation: str, name: str) -> str:
    """Create a team on Home and return its id (from ?team=)."""
    page.goto("/")
    wait_for_app(page)
    expander = page.get_by_text(re.compile(r"^Create (a|another) team$"))
    if not page.get_by_label("Organisation").is_visible():
        expander.click()  # collapsed once other teams exist
    page.get_by_label("Organisation").fill(organisation)
    page.get_by_label("Team or service").fill(name)
    page.get_by_role("button", name="Create team").click()
    expect(page.get_by_role("heading", name=f"Assessments of {name}")).to_be_visible(timeout=UI_TIMEOUT)
    wait_for_app(page)
    team = query(page, "team")
    assert team is not None, page.url
    return team


def create_self_assessment(page: Page, title: str, bank: str = QUICK_BANK, mode: str = "Together") -> str:
    """Fill Home's "Start a new self-assessment" form and return the join code it shows."""
    page.get_by_label("Title").fill(title)
    choose(page, "Question bank", bank)
    pick(radio_group(page, "How will you answer?"), mode)
    page.get_by_role("button", name="Create", exact=True).click()
    success = page.get_by_text("Created. Share the code")
    expect(success).to_be_visible(timeout=UI_TIMEOUT)
    wait_for_app(page)
    found = JOIN_CODE.search(success.inner_text())
    assert found is not None, success.inner_text()
    return found.group(0)


def pick_perspective(page: Page, label: str) -> None:
    """On /assess before joining: choose the point of view and start."""
    group = radio_group(page, "Which point of view are you answering from?")
    expect(group).to_be_visible(timeout=UI_TIMEOUT)
    pick(group, label)
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.get_by_text("Your resume code is")).to_be_visible(timeout=UI_TIMEOUT)
    wait_for_app(page)


def answer_step(page: Page, levels: list[str]) -> None:
    """Choose one level per statement shown on the current step (in page order)."""
    groups = radio_group(page, "Where is your practice now?")
    expect(groups.first).to_be_visible(timeout=UI_TIMEOUT)
    assert groups.count() == len(levels), f"{groups.count()} statements on this step, {len(levels)} answers given"
    for index, level in enumerate(levels):
        pick(groups.nth(index), level)
        # Each choice saves through a callback and a rerun: let it land before the next click.
        expect(groups.nth(index).locator('[data-testid="stRadioOption"][data-selected="true"]')).to_have_count(1, timeout=UI_TIMEOUT)
        wait_for_app(page)


def step_heading(page: Page) -> str:
    """The principle name shown as the step's heading."""
    return page.locator('[data-testid="stHeading"] h2').first.inner_text().strip()


def next_step(page: Page) -> None:
    """Press Next (or Review on the last step) and wait for the new step."""
    before = step_heading(page)
    page.get_by_role("button", name=re.compile(r"^(Next|Review)$")).click()
    expect(page.locator('[data-testid="stHeading"] h2').first).not_to_have_text(before, timeout=UI_TIMEOUT)
    wait_for_app(page)


def previous_step(page: Page) -> None:
    """Press Back and wait for the previous step."""
    before = step_heading(page)
    page.get_by_role("button", name="Back", exact=True).click()
    expect(page.locator('[data-testid="stHeading"] h2').first).not_to_have_text(before, timeout=UI_TIMEOUT)
    wait_for_app(page)


def send_answers(page: Page) -> None:
    """On the review step: send and wait for the thank-you."""
    expect(page.get_by_role("heading", name="Review and send")).to_be_visible(timeout=UI_TIMEOUT)
    page.get_by_role("button", name="Send my answers").click()
    expect(page.get_by_text("Thank you: your answers are in.")).to_be_visible(timeout=UI_TIMEOUT)
    wait_for_app(page)


def answer_everything(page: Page, level: str, steps: int = QUICK_STEPS) -> None:
    """Answer every statement of every step with `level`, then send."""
    for _ in range(steps):
        count = radio_group(page, "Where is your practice now?").count()
        answer_step(page, [level] * count)
        next_step(page)
    send_answers(page)


def create_workshop(page: Page, team: str, threshold: int = 3, title: str = "Workshop") -> tuple[str, str, str]:
    """Create a workshop on /workshop; returns (join code, facilitator key, the session's link secret)."""
    page.goto(f"/workshop?team={team}")
    wait_for_app(page)
    choose(page, "Question bank", QUICK_BANK)
    page.get_by_label("Session title").fill(title)
    page.get_by_label("Anonymity threshold: show a group only when it has at least").fill(str(threshold))
    page.get_by_role("button", name="Create session").click()
    expect(page.get_by_text("Your facilitator key is shown only once.")).to_be_visible(timeout=UI_TIMEOUT)
    wait_for_app(page)
    key = page.locator('[data-testid="stCode"]').first.inner_text().strip()
    code = page.locator('[data-testid="stMain"] h2').first.inner_text().strip()
    link = page.get_by_role("link", name="Open the facilitator view")
    href = link.get_attribute("href") or ""
    found = re.search(r"[?&]a=([A-Za-z0-9_-]+)", href)  # the session's unguessable link (issue 11)
    assert found is not None and JOIN_CODE.fullmatch(code), (href, code)
    return code, key, found.group(1)


def join_and_answer(page: Page, code: str, perspective: str, level: str) -> None:
    """A participant: open the join link, pick a point of view, answer everything and send."""
    page.goto(f"/assess?code={code}")
    wait_for_app(page)
    pick_perspective(page, perspective)
    answer_everything(page, level)


def sent_metric(page: Page) -> Locator:
    """The value of the facilitator's "Answers sent" metric."""
    metric = page.locator('[data-testid="stMetric"]').filter(has_text="Answers sent")
    return metric.locator('[data-testid="stMetricValue"]')
