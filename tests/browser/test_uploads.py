"""Uploads through the browser: a custom bank, and an answers CSV that is validated before anything is saved."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import storage
from questions.loader import builtin_bank_paths, load_builtin
from tests.browser import seed
from tests.browser.conftest import Server, wait_for_app

pytestmark = pytest.mark.browser

DATA = Path(__file__).resolve().parents[1] / "data"
UI_TIMEOUT = 20_000
Snap = Callable[[Page, str], Path]


def upload(page: Page, path: Path) -> None:
    """Give a file to the page's (first) file uploader and wait for the rerun."""
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(str(path))
    wait_for_app(page)


def test_uploads_bad_bank_is_explained_and_a_good_one_is_added(page: Page, app_server: Server, snap: Snap, tmp_path: Path) -> None:
    page.goto("/banks")
    wait_for_app(page)
    upload(page, DATA / "bad_banks" / "three_faults.yaml")
    alert = page.get_by_text("The bank was not added")
    expect(alert).to_be_visible(timeout=UI_TIMEOUT)
    expect(page.get_by_text("principles[0].statements[0].to: expected text, found empty text.")).to_be_visible()
    snap(page, "01-bad-bank")

    custom_id = f"my-bank-{uuid.uuid4().hex[:6]}"
    text = builtin_bank_paths()["coproduction-quick"].read_text(encoding="utf-8")
    custom = tmp_path / "custom.yaml"
    version = f'version: "{load_builtin("coproduction-quick").version}"'  # whatever version is shipped now
    custom.write_text(text.replace("id: coproduction-quick", f"id: {custom_id}", 1).replace(version, 'version: "2.0"', 1), encoding="utf-8")
    page.reload()
    wait_for_app(page)
    upload(page, custom)
    expect(page.get_by_text("is available for new assessments")).to_be_visible(timeout=UI_TIMEOUT)
    snap(page, "02-good-bank")
    with seed.opened(app_server.db_path) as engine:
        assert [(b.bank_id, b.version, b.builtin) for b in storage.list_banks(engine) if b.bank_id == custom_id] == [(custom_id, "2.0", False)]


def test_uploads_bad_answers_file_saves_nothing_and_good_one_imports(page: Page, app_server: Server, snap: Snap) -> None:
    with seed.opened(app_server.db_path) as engine:
        team = storage.create_team(engine, "Seeded Council", f"Import team {uuid.uuid4().hex[:6]}")
        assessment = storage.create_assessment(engine, team.id, seed.quick_bank_row(engine), "Paper round")
    page.goto(f"/?team={team.link_token}")  # open mode: importing needs the team, given by its link
    wait_for_app(page)
    page.goto(f"/data?a={assessment.link_token}")
    wait_for_app(page)
    upload(page, DATA / "bad_responses" / "out_of_range.csv")
    expect(page.get_by_text("The file was not imported: nothing has been saved")).to_be_visible(timeout=UI_TIMEOUT)
    expect(page.get_by_text("row 2, column current", exact=False).first).to_be_visible()
    snap(page, "01-bad-csv")
    with seed.opened(app_server.db_path) as engine:
        assert storage.progress(engine, assessment.id) == (0, 0)

    page.reload()
    wait_for_app(page)
    upload(page, DATA / "bad_responses" / "bom_semicolons_valid.csv")
    page.get_by_role("button", name="Import these answers").click()
    expect(page.get_by_text("Imported 2 respondents.")).to_be_visible(timeout=UI_TIMEOUT)
    snap(page, "02-imported")
    with seed.opened(app_server.db_path) as engine:
        assert storage.progress(engine, assessment.id) == (2, 2)
