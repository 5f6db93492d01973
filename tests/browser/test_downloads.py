"""Every download button works whenever it is clicked, also right after another download (issue 10 point 13)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from playwright.sync_api import Page, expect

import sqlalchemy as sa

import storage
from domain.vocabulary import ResponseSource
from tests.browser import seed
from tests.browser.conftest import UI_TIMEOUT, Server, shoot, wait_for_app


def _downloaded(page: Page, name: str) -> bytes:
    """Click the button called `name` and return the file it downloads."""
    with page.expect_download(timeout=10_000) as info:
        page.get_by_role("button", name=name).click()
    return Path(info.value.path()).read_bytes()


def _exports_logged(server: Server, assessment: storage.Assessment) -> list[str]:
    """What the audit log says was downloaded of this session."""
    with seed.opened(server.db_path) as engine, engine.connect() as connection:
        log = storage.tables.audit_log
        rows = connection.execute(sa.select(log.c.details).where(
            log.c.action == "export", log.c.target.contains(f"(session {assessment.id})"))).all()
    return sorted(row[0] for row in rows)


def test_downloads_in_quick_succession_each_give_a_file(page: Page, app_server: Server,
                                                        seeded_results: storage.Assessment) -> None:
    # The bug: "Download answers (XLSX)" clicked within a second of another download did nothing
    # (server log: MediaFileStorageError: Deferred file ... not found).
    page.goto(f"/results?a={seeded_results.link_token}")
    wait_for_app(page, timeout=60_000)  # the first run of a fresh server imports the chart stack
    expect(page.get_by_role("button", name="Download answers (XLSX)")).to_be_visible(timeout=UI_TIMEOUT)
    for _ in range(3):
        assert _downloaded(page, "Download answers (CSV)").decode("utf-8-sig").startswith("respondent,")
        workbook = _downloaded(page, "Download answers (XLSX)")
        assert zipfile.is_zipfile(io.BytesIO(workbook)), workbook[:200]
    # And straight after the page has rerun (a download's audit entry reruns it).
    assert zipfile.is_zipfile(io.BytesIO(_downloaded(page, "Download answers (XLSX)")))
    assert zipfile.is_zipfile(io.BytesIO(_downloaded(page, "Download answers (XLSX)")))
    wait_for_app(page)
    shoot(page, "downloads-quick-succession")
    # Every download is still recorded, although a click no longer reruns the page.
    assert _exports_logged(app_server, seeded_results) == ["answers (CSV)"] * 3 + ["answers (XLSX)"] * 5


def test_downloads_on_the_import_and_export_page(page: Page, app_server: Server) -> None:
    """The template, the answers and the team's data (built only when asked for) download one after another."""
    with seed.opened(app_server.db_path) as engine:
        assessment = seed.seed_self_assessment(engine, "Download team", [1, 2, 3, 4, 0, None])
        team = storage.get_team(engine, assessment.team_id)
    assert team is not None
    page.goto(f"/?team={team.link_token}")
    wait_for_app(page, timeout=60_000)
    page.goto(f"/data?a={assessment.link_token}")
    wait_for_app(page, timeout=60_000)
    # Nothing of the team's data is built until asked for.
    expect(page.get_by_role("button", name="Download the team's data (XLSX)")).to_have_count(0)
    page.get_by_role("button", name="Prepare the team's data").click()
    wait_for_app(page)
    for _ in range(2):
        template = _downloaded(page, "Download the CSV template").decode("utf-8-sig")
        assert template.splitlines()[0].startswith("respondent,perspective,statement")
        assert zipfile.is_zipfile(io.BytesIO(_downloaded(page, "Download the team's data (XLSX)")))
        assert _downloaded(page, "Download answers (CSV)").decode("utf-8-sig").startswith("respondent,")
        assert zipfile.is_zipfile(io.BytesIO(_downloaded(page, "Download answers (XLSX)")))
    shoot(page, "downloads-import-and-export")


def test_downloads_paper_packs_and_typing_in_paper_answers(page: Page, app_server: Server) -> None:
    """Issue 12 point 8: the facilitator prints the packs and types one in, in a real browser."""
    with seed.opened(app_server.db_path) as engine:
        workshop, key = seed.seed_workshop(engine, "Paper team")
    page.goto(f"/facilitate?a={workshop.id}")
    wait_for_app(page, timeout=60_000)
    page.get_by_label("Facilitator key").fill(key)
    page.get_by_role("button", name="Open").click()
    expect(page.get_by_role("tab", name="Session")).to_be_visible(timeout=UI_TIMEOUT)
    wait_for_app(page)
    page.get_by_role("tab", name="Session").click()
    wait_for_app(page)
    for name in ("Download the paper pack (PDF)", "Download the Easy Read paper pack (PDF)",
                 "Download the paper pack (PDF)"):
        data = _downloaded(page, name)
        assert data.startswith(b"%PDF") and len(data) > 10_000
    page.get_by_role("link", name="Type in paper answers").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Type in paper answers")).to_be_visible(timeout=UI_TIMEOUT)
    for number in range(1, 7):
        expect(page.get_by_role("heading", name=f"Statement {number} ·")).to_be_visible(timeout=UI_TIMEOUT)
        page.get_by_role("radiogroup", name="Now (the box ticked)").get_by_text("2: In between").click()
        wait_for_app(page)
        page.get_by_role("button", name="Next").click()
        wait_for_app(page)
    shoot(page, "paper-check-and-save")
    page.get_by_role("button", name="Save this person's answers").click()
    wait_for_app(page)
    expect(page.get_by_text("Saved 6 answers from paper.")).to_be_visible(timeout=UI_TIMEOUT)
    shoot(page, "paper-saved")
    with seed.opened(app_server.db_path) as engine:
        assert storage.sent_by_source(engine, workshop.id)[ResponseSource.PAPER] == 1
