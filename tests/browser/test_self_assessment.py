"""A new team's journey: create the team, rate the quick bank together, see and download the results."""

from __future__ import annotations

import csv
import io
import math
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect
from pypdf import PdfReader

import storage

from tests.browser import flows
from tests.browser.conftest import UI_TIMEOUT, wait_for_app

pytestmark = pytest.mark.browser

Snap = Callable[[Page, str], Path]
# One answer per quick-bank step, every level and "don't know" once.
LEVELS = ["Mostly like From", "More like From", "In between", "More like To", "Mostly like To", "Don't know"]
EXPECTED_CURRENT = [0.0, 1.0, 2.0, 3.0, 4.0, None]  # don't know is an empty cell
HEADER = ["respondent", "perspective", "statement", "current", "target", "comment"]
QUICK_STATEMENTS = [
    "quick-assets", "quick-reciprocity", "quick-networks",
    "quick-valuing_work", "quick-blurring_roles", "quick-facilitating",
]


def radar(page: Page) -> Locator:
    """The first Vega-Lite chart on the page (the radar on Results)."""
    return page.locator('[data-testid="stVegaLiteChart"]').first


def test_self_assessment_new_team_answers_and_downloads(page: Page, snap: Snap, tmp_path: Path) -> None:
    """Create a team, answer every step with a reload mid-way, send, see the radar, download CSV and PDF."""
    team_name = f"Day services {uuid.uuid4().hex[:6]}"
    flows.create_team(page, "Riverside Council", team_name)
    snap(page, "01-team")
    code = flows.create_self_assessment(page, "Quick check", mode="Together")
    snap(page, "02-created")

    page.get_by_role("link", name="Start answering now").click()
    wait_for_app(page)
    assert flows.query(page, "code") == code
    flows.pick_perspective(page, "Staff and volunteers")
    token = flows.query(page, "r")
    assert token, page.url
    snap(page, "03-step1")

    headings = []
    for level in LEVELS[:3]:
        headings.append(flows.step_heading(page))
        flows.answer_step(page, [level])
        flows.next_step(page)
    fourth = flows.step_heading(page)

    # A reload starts a new Streamlit session: the ?r= token brings the saved answers back,
    # and the form reopens at the first step that still has no answer.
    page.reload()
    wait_for_app(page)
    assert flows.query(page, "r") == token
    snap(page, "04-after-reload")
    assert flows.step_heading(page) == fourth
    groups = flows.radio_group(page, "Where is your practice now?")
    for step in (2, 1, 0):
        flows.previous_step(page)
        assert flows.step_heading(page) == headings[step]
        expect(groups.first).to_be_visible(timeout=UI_TIMEOUT)
        assert LEVELS[step] in (flows.selected_option(groups.first) or ""), f"step {step + 1} lost its answer after reload"
    for _ in range(3):
        flows.next_step(page)

    for level in LEVELS[3:]:
        flows.answer_step(page, [level])
        flows.next_step(page)
    expect(page.get_by_text("Every statement has an answer.")).to_be_visible(timeout=UI_TIMEOUT)
    snap(page, "05-review")
    flows.send_answers(page)
    snap(page, "06-sent")

    page.get_by_role("link", name="See the team's results").click()
    wait_for_app(page)
    expect(page.get_by_role("heading", name="Results", exact=True)).to_be_visible(timeout=UI_TIMEOUT)
    expect(radar(page).locator("svg, canvas").first).to_be_visible(timeout=UI_TIMEOUT)
    snap(page, "07-results")

    with page.expect_download() as info:
        page.get_by_role("button", name="Download answers (CSV)").click()
    rows = list(csv.reader(io.StringIO(Path(info.value.path()).read_bytes().decode("utf-8-sig"))))
    assert rows[0] == HEADER
    # Rows are shuffled, and the statement only answered "don't know" is hidden, as on the screen (issue 10 point 11).
    body = sorted(rows[1:], key=lambda row: QUICK_STATEMENTS.index(row[2]))
    assert [row[2] for row in body] == QUICK_STATEMENTS[:-1]
    assert [float(row[3]) if row[3] else None for row in body] == EXPECTED_CURRENT[:-1]
    assert {row[1] for row in body} == {"staff"}
    assert len({row[0] for row in body}) == 1

    page.get_by_role("button", name="Prepare the PDF summary").click()
    download_pdf = page.get_by_role("button", name="Download the PDF summary")
    expect(download_pdf).to_be_visible(timeout=30_000)
    wait_for_app(page)
    with page.expect_download() as info:
        download_pdf.click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    text = "".join(p.extract_text() or "" for p in reader.pages)
    assert team_name in text
    snap(page, "08-pdf-ready")


def test_results_radar_is_square_and_shows_its_legend(page: Page, snap: Snap, seeded_results: storage.Assessment) -> None:
    """The radar keeps its own proportions (no stretching) and its legend lies inside the drawing."""
    page.goto(f"/results?a={seeded_results.link_token}")
    wait_for_app(page)
    svg = radar(page).locator("svg.marks").first
    expect(svg).to_be_visible(timeout=UI_TIMEOUT)
    snap(page, "radar")
    box = svg.bounding_box()
    assert box is not None
    # Side labels widen the drawing a little; stretching to the column width would make it ~1.5x wider.
    assert 0.8 <= box["width"] / box["height"] <= 1.5, box
    legend = page.evaluate(
        """() => { const svg = document.querySelector('[data-testid="stVegaLiteChart"] svg.marks');
                   const g = svg.querySelector('.role-legend');
                   if (!g) return null;
                   const r = g.getBoundingClientRect(), s = svg.getBoundingClientRect();
                   return {top: r.top - s.top, bottom: r.bottom - s.top, height: s.height, text: g.textContent}; }"""
    )
    assert legend is not None, "the radar has no legend"
    assert "Current" in legend["text"] and "Target" in legend["text"]
    assert legend["bottom"] <= legend["height"] + 1 and not math.isnan(legend["top"]), (
        f"legend drawn at y={legend['top']:.0f}-{legend['bottom']:.0f} in a {legend['height']:.0f} px high chart"
    )
