"""The facilitator's screens during a workshop (issue 10, points 5, 7, 8 and 10): what is stored is what is shown."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect
from pptx import Presentation
from pptx.shapes.graphfrm import GraphicFrame

import storage
from tests.browser import seed
from tests.browser.conftest import Server, wait_for_app

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], Path]
QUICK = ("quick-assets", "quick-reciprocity", "quick-networks", "quick-valuing_work", "quick-blurring_roles",
         "quick-facilitating")
PERSPECTIVES = ("staff", "carers", "managers")


def send(db: Path, workshop: storage.Assessment, people: list[dict[str, int | None]], tag: str) -> None:
    """One sent response per dict (statement -> answer; unlisted statements get 2), as participants' phones would."""
    with seed.opened(db) as engine:
        for number, levels in enumerate(people):
            answers = {sid: storage.Answer(sid, levels.get(sid, 2), None, "") for sid in QUICK}
            storage.submit_response(engine, workshop.id, PERSPECTIVES[number % 3], answers, f"{tag}-{number}")


def to_text(db: Path, workshop: storage.Assessment, statement: str) -> str:
    """The To wording of a statement, as the discussion shows it."""
    with seed.opened(db) as engine:
        return storage.load_bank_version(engine, workshop.bank_row_id).statement(statement).to_text


def new_workshop(server: Server, people: list[dict[str, int | None]]) -> tuple[storage.Assessment, str]:
    """An open workshop on the quick bank (threshold 3) with these sent responses."""
    with seed.opened(server.db_path) as engine:
        workshop, key = seed.seed_workshop(engine, f"Facilitation {uuid.uuid4().hex[:6]}")
    send(server.db_path, workshop, people, f"first-{workshop.id}")
    return workshop, key


def open_facilitator(page: Page, workshop: storage.Assessment, key: str) -> None:
    """The facilitator opens the workshop's view with its key."""
    page.goto(f"/facilitate?a={workshop.id}")
    wait_for_app(page)
    page.get_by_label("Facilitator key").fill(key)
    page.get_by_role("button", name="Open").click()
    expect(page.get_by_role("tab", name="Discussion")).to_be_visible()
    wait_for_app(page)


def panel(page: Page, name: str = "Discussion") -> Locator:
    """The open tab's panel (hidden tabs may hold the same texts)."""
    return page.get_by_role("tabpanel", name=name)


def open_tab(page: Page, name: str) -> None:
    """Click one of the facilitator view's tabs."""
    page.get_by_role("tab", name=name).click()
    wait_for_app(page)


def test_facilitation_agreed_rating_saved_while_answers_arrive_stays_on_its_statement(
    page: Page, app_server: Server, snap: Snap
) -> None:
    """Issue 10 point 7: answers re-sort the list between showing the form and Save; the rating is still stored."""
    # quick-networks splits the first three people; every other statement has them agreeing.
    workshop, key = new_workshop(app_server, [{"quick-networks": 0}, {"quick-networks": 4}, {"quick-networks": 2}])
    networks = to_text(app_server.db_path, workshop, "quick-networks")
    facilitating = to_text(app_server.db_path, workshop, "quick-facilitating")
    open_facilitator(page, workshop, key)
    open_tab(page, "Discussion")
    expect(panel(page).get_by_text(networks, exact=True)).to_be_visible()
    rating = page.get_by_role("radiogroup", name="Agreed group rating")
    rating.locator('[data-testid="stRadioOption"]').filter(has_text="More like To").click()
    page.get_by_label("Notes from the discussion").fill("Links beyond staff: <b>ask</b> the peer group")

    # Three more people send: now quick-facilitating is where the group disagrees most.
    send(app_server.db_path, workshop,
         [{"quick-facilitating": 0}, {"quick-facilitating": 4}, {"quick-facilitating": 0}], f"late-{workshop.id}")
    page.get_by_role("button", name="Save the agreed rating").click()
    wait_for_app(page)
    snap(page, "saved")

    with seed.opened(app_server.db_path) as engine:
        agreed = storage.agreed_ratings(engine, workshop.id)
    assert {sid: (a.rating, a.notes) for sid, a in agreed.items()} == {
        "quick-networks": (3, "Links beyond staff: <b>ask</b> the peer group")}
    expect(page.locator('[data-testid="stAlertContentSuccess"]').filter(has_text="Saved")).to_be_visible()
    expect(panel(page).get_by_text(networks, exact=True)).to_be_visible()
    expect(panel(page).get_by_text(facilitating, exact=True)).to_have_count(0)
    expect(page.get_by_role("tab", name="Discussion", selected=True)).to_be_visible()


def test_facilitation_tabs_show_what_is_stored_each_time_they_are_opened(
    page: Page, app_server: Server, snap: Snap
) -> None:
    """Issue 10 point 8: Full results, Actions and Discussion show stored state; every statement is discussed."""
    # Two of the three say "don't know" to quick-valuing_work: too few answers to show it.
    workshop, key = new_workshop(app_server, [{"quick-valuing_work": None}, {"quick-valuing_work": None},
                                              {"quick-assets": 4}])
    open_facilitator(page, workshop, key)
    open_tab(page, "Full results")
    expect(panel(page, "Full results").get_by_text(re.compile(r"^3 respondents"))).to_be_visible()

    # Meanwhile a fourth person sends and someone adds an action from another device.
    send(app_server.db_path, workshop, [{"quick-assets": 0}], f"fourth-{workshop.id}")
    with seed.opened(app_server.db_path) as engine:
        storage.add_action(engine, workshop.id, "networks", "Invite the peer group to plan the open day", "Sam",
                           None, "planned")
    open_tab(page, "Actions")
    expect(panel(page, "Actions").get_by_text("Invite the peer group to plan the open day").first).to_be_visible()
    open_tab(page, "Full results")
    expect(panel(page, "Full results").get_by_text(re.compile(r"^4 respondents"))).to_be_visible()
    snap(page, "full-results")

    # Disagreements first holds all six statements; the one too few answered comes last, marked.
    open_tab(page, "Discussion")
    expect(panel(page).get_by_text("Statement 1 of 6", exact=False)).to_be_visible()
    for _ in range(5):
        page.get_by_role("button", name="Next statement").click()
        wait_for_app(page)
    expect(panel(page).get_by_text("Statement 6 of 6", exact=False)).to_be_visible()
    expect(panel(page).get_by_text(to_text(app_server.db_path, workshop, "quick-valuing_work"), exact=True)).to_be_visible()
    expect(panel(page).get_by_text("too few answers to show", exact=False).first).to_be_visible()
    expect(page.get_by_role("button", name="Next statement")).to_be_disabled()
    snap(page, "last-statement")


def test_facilitation_action_added_from_the_discussion(page: Page, app_server: Server, snap: Snap) -> None:
    """Issue 10 point 10: an action for the statement being discussed, without leaving the discussion."""
    workshop, key = new_workshop(app_server, [{"quick-blurring_roles": 0}, {"quick-blurring_roles": 4}, {}])
    blurring = to_text(app_server.db_path, workshop, "quick-blurring_roles")
    open_facilitator(page, workshop, key)
    open_tab(page, "Discussion")
    expect(panel(page).get_by_text(blurring, exact=True)).to_be_visible()
    form = panel(page).locator('[data-testid="stForm"]').filter(has=page.get_by_role("button", name="Add action"))
    form.get_by_label("What will we do?").fill("Co-chair the planning group with a person who uses the service")
    form.get_by_label("Who will lead it?").fill("Priya")
    form.get_by_role("button", name="Add action").click()
    wait_for_app(page)
    snap(page, "added")

    with seed.opened(app_server.db_path) as engine:
        actions = storage.list_actions(engine, workshop.id)
    assert [(a.principle, a.description, a.owner) for a in actions] == [
        ("blurring_roles", "Co-chair the planning group with a person who uses the service", "Priya")]
    expect(page.locator('[data-testid="stAlertContentSuccess"]').filter(has_text="Action added")).to_be_visible()
    expect(panel(page).get_by_text(blurring, exact=True)).to_be_visible()
    expect(page.get_by_role("tab", name="Discussion", selected=True)).to_be_visible()


def test_facilitation_closing_asks_for_confirmation(page: Page, app_server: Server, snap: Snap) -> None:
    """Issue 10 point 5 (facilitator's half): Close asks first; Keep it open changes nothing."""
    workshop, key = new_workshop(app_server, [{}, {}, {}])

    def status() -> str:
        with seed.opened(app_server.db_path) as engine:
            found = storage.get_assessment(engine, workshop.id)
        assert found is not None
        return str(found.status)

    open_facilitator(page, workshop, key)
    open_tab(page, "Session")
    page.get_by_role("button", name="Close the session").click()
    wait_for_app(page)
    expect(page.get_by_text("Close the session now?", exact=False)).to_be_visible()
    snap(page, "asked")
    assert status() == "open"
    page.get_by_role("button", name="Keep it open").click()
    wait_for_app(page)
    assert status() == "open"
    expect(page.get_by_text("The session is open", exact=False)).to_be_visible()

    page.get_by_role("button", name="Close the session").click()
    wait_for_app(page)
    page.get_by_role("button", name="Yes, close the session").click()
    wait_for_app(page)
    assert status() == "closed"
    expect(page.get_by_text("The session is closed", exact=False)).to_be_visible()
    expect(page.get_by_role("tab", name="Session", selected=True)).to_be_visible()


def test_facilitation_slides_download_opens_in_powerpoint(page: Page, app_server: Server) -> None:
    """Issue 12 point 3: the Session tab's slides download, built when clicked, is a deck of the results."""
    workshop, key = new_workshop(app_server, [{"quick-assets": 0}, {"quick-assets": 4}, {}])
    with seed.opened(app_server.db_path) as engine:
        storage.add_action(engine, workshop.id, "assets", "Ask people what they are good at", "Sam", None, "planned")
    open_facilitator(page, workshop, key)
    open_tab(page, "Session")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download slides (PowerPoint)").click()
    assert download.value.suggested_filename == f"coproduction-workshop-{workshop.id}.pptx"
    deck = Presentation(str(download.value.path()))
    titles = [slide.shapes.title.text for slide in deck.slides if slide.shapes.title is not None]
    assert titles == [workshop.title, "Where we are, by principle", "Scores by principle", "Where we disagree most",
                      "Agreed ratings", "Actions"]
    cells = [cell.text for shape in list(deck.slides)[-1].shapes if isinstance(shape, GraphicFrame) and shape.has_table
             for row in shape.table.rows for cell in row.cells]
    assert "Ask people what they are good at" in cells


def test_facilitation_comments_show_by_statement_only_where_it_is_shown(page: Page, app_server: Server,
                                                                        snap: Snap) -> None:
    """Issue 10 point 12 (facilitator's half), issue 12 point 2: comments in the discussion and on the projector."""
    with seed.opened(app_server.db_path) as engine:
        workshop, key = seed.seed_workshop(engine, f"Comments {uuid.uuid4().hex[:6]}")
        people: list[dict[str, tuple[int | None, str]]] = [
            {"quick-networks": (0, "Peer groups fade when staff leave"), "quick-valuing_work": (3, "Only I said this")},
            {"quick-networks": (4, ""), "quick-valuing_work": (None, "")},
            {"quick-networks": (2, "We could <b>ask</b> the library"), "quick-valuing_work": (None, "")},
        ]
        for number, given in enumerate(people):
            answers = {}
            for sid in QUICK:
                level, comment = given.get(sid, (2, ""))
                answers[sid] = storage.Answer(sid, level, None, comment)
            storage.submit_response(engine, workshop.id, PERSPECTIVES[number], answers, f"comments-{workshop.id}-{number}")
    open_facilitator(page, workshop, key)
    open_tab(page, "Discussion")
    discussing = panel(page)
    expect(discussing.get_by_text(to_text(app_server.db_path, workshop, "quick-networks"), exact=True)).to_be_visible()
    comments = discussing.locator('[data-testid="stMarkdownContainer"] li')
    expect(comments).to_have_text(["Peer groups fade when staff leave", "We could <b>ask</b> the library"],
                                  use_inner_text=True)
    expect(discussing.get_by_text("Staff and volunteers")).to_have_count(0)
    snap(page, "comments")

    # The projector shows them too, large, beside the spread.
    page.goto(f"/present?a={workshop.id}")
    wait_for_app(page)
    page.get_by_role("button", name="Discussion").click()
    projected = page.locator(".copro-p .comments li")
    expect(projected).to_have_text(["Peer groups fade when staff leave", "We could <b>ask</b> the library"])

    # valuing_work has one real answer: hidden, and so is what its one answerer wrote.
    with seed.opened(app_server.db_path) as engine:
        storage.set_presenter(engine, workshop.id, statement_id="quick-valuing_work")
    expect(page.locator(".copro-p .kicker").first).to_contain_text("Statement 6 of 6", timeout=20_000)
    expect(page.get_by_text("Only I said this")).to_have_count(0)
    expect(page.locator(".copro-p .comments")).to_have_count(0)
    page.goto(f"/facilitate?a={workshop.id}")  # this browser stays unlocked: no key asked
    wait_for_app(page)
    open_tab(page, "Discussion")
    expect(panel(page).get_by_text("too few answers to show", exact=False).first).to_be_visible()
    expect(page.get_by_text("Only I said this")).to_have_count(0)
