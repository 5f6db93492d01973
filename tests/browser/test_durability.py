"""Durability: answers survive SIGKILL of the server, checked in the database and in the browser."""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

import storage
from tests.browser import flows, seed
from tests.browser.conftest import Server, wait_for_app

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], Path]
LEVELS = ["Mostly like To", "In between", "Don't know", "More like From", "Mostly like From", "More like To"]
EXPECTED = [4.0, 2.0, math.nan, 1.0, 0.0, 3.0]


def _same(found: list[float], expected: list[float]) -> bool:
    """Equal lists where NaN (don't know) equals NaN."""
    return len(found) == len(expected) and all(
        (math.isnan(a) and math.isnan(b)) or a == b for a, b in zip(found, expected, strict=True)
    )


def test_durability_answers_survive_sigkill(
    browser: Browser, server_factory: Callable[[Path], Server], tmp_path: Path, snap: Snap
) -> None:
    """Answer half, SIGKILL, resume on a new server, send, SIGKILL again: every answer is still there."""
    db = tmp_path / "durable.db"
    engine = seed.engine_for(db)
    try:
        workshop, key = seed.seed_workshop(engine, "Durable team", threshold=1)
        statements = [s.id for s in storage.load_bank_version(engine, workshop.bank_row_id).statements]
    finally:
        engine.dispose()

    first = server_factory(db)
    context = browser.new_context()
    context.set_default_timeout(20_000)
    try:
        page = context.new_page()
        page.goto(f"{first.url}/assess?code={workshop.join_code}")
        wait_for_app(page)
        flows.pick_perspective(page, "Managers and leaders")
        token = flows.query(page, "r")
        for level in LEVELS[:3]:
            flows.answer_step(page, [level])
            flows.next_step(page)
        first.kill()  # autosaved answers, never sent: they must survive a crash too

        second = server_factory(db)
        page.goto(f"{second.url}/assess?code={workshop.join_code}&r={token}")
        wait_for_app(page)
        groups = flows.radio_group(page, "Where is your practice now?")
        # The new server reopens at the first unanswered step; walk back through the saved ones.
        for step in (2, 1, 0):
            flows.previous_step(page)
            expect(groups.first).to_be_visible()
            assert LEVELS[step] in (flows.selected_option(groups.first) or ""), f"step {step + 1} lost its answer"
        for _ in range(3):
            flows.next_step(page)
        for level in LEVELS[3:]:
            flows.answer_step(page, [level])
            flows.next_step(page)
        flows.send_answers(page)
        second.kill()

        third = server_factory(db)
        check = seed.engine_for(db)
        try:
            frame = storage.responses_frame(check, workshop.id, submitted_only=True)
        finally:
            check.dispose()
        assert list(frame["statement"]) == statements
        assert _same(list(frame["current"]), EXPECTED), list(frame["current"])
        assert set(frame["perspective"]) == {"managers"}

        page.goto(f"{third.url}/results?a={workshop.id}")
        wait_for_app(page)
        page.get_by_label("Facilitator key").fill(key)
        page.get_by_role("button", name="Open").click()
        wait_for_app(page)
        expect(page.get_by_text(re.compile(r"^1 respondent( ·|$)"))).to_be_visible()
        snap(page, "results-after-restart")
        with page.expect_download() as info:
            page.get_by_role("button", name="Download answers (CSV)").click()
        rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_bytes().decode("utf-8-sig"))))
        # The download shuffles rows (order reveals nothing) and, as the screen, leaves out the statement nobody
        # rated (its only answer is "don't know"): read the rest back by statement.
        by_statement = {r["statement"]: float(r["current"]) for r in rows}
        rated = [(s, level) for s, level in zip(statements, EXPECTED, strict=True) if not math.isnan(level)]
        assert len(rows) == len(rated) and by_statement == dict(rated), rows
    finally:
        context.close()
