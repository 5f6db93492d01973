"""The organisation summary PDF (issue 11 point 4): real PDFs, names printed literally, nothing hidden."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from reports.org_pdf import build_organisation_pdf, render_organisation_pdf
from reports.organisation import OrganisationInput, TeamSessions, build_organisation
from tests.reports.test_organisation import ALPHA, NOW, organisation, people, results


def _text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


def test_build_organisation_pdf_shows_the_teams_charts_and_method() -> None:
    summary = organisation(people({"b1": ("staff", 4), "b2": ("carers", 0)}))
    data = build_organisation_pdf(summary)
    assert data.startswith(b"%PDF-")
    pages, text = _text(data)
    flat = re.sub(r"\s+", " ", text)
    assert pages >= 3
    for expected in ("Organisation summary", "Riverside Council", "Beta <b>&</b> (not enough answers yet)",
                     "Delta (no assessment yet)", "Latest assessment by team", "Scores by principle",
                     "Each team's radar", "The organisation over time", "Where perspectives differ most",
                     "How the figures are worked out", "Oct–Dec 2026"):
        assert expected in flat, expected
    assert PdfReader(io.BytesIO(data)).pages[1].images, "the heat map is drawn in"


def test_render_organisation_pdf_with_no_team_to_show_says_so() -> None:
    summary = build_organisation(OrganisationInput("Cyngor Gwynedd ŵŷ", NOW, (
        TeamSessions(1, "Tîm <script>", (results(ALPHA.head(0)),)),)))
    pages, text = _text(render_organisation_pdf(summary))
    assert pages == 1
    assert "Cyngor Gwynedd ŵŷ" in text and "Tîm <script>" in text and "not enough answers yet" in text
    assert "Scores by principle" not in text
