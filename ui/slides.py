"""The PowerPoint download: built only when clicked, from the results as stored at that moment."""

from __future__ import annotations

from domain.records import Assessment
from services.results import results_for
from ui.access import BROWSER
from ui.context import engine
from ui.downloads import offer_file

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def _slides(assessment: Assessment) -> bytes:
    """The deck, drawn from a fresh read (the page's model may be a few seconds old)."""
    from reports.slides import slides_for  # the slides stack loads only when asked for

    return slides_for(results_for(engine(), assessment, BROWSER))


def slides_download(assessment: Assessment, stem: str) -> None:
    """Download the workshop's results as slides to paste into a deck."""
    offer_file("Download slides (PowerPoint)", lambda: _slides(assessment), f"{stem}.pptx", PPTX,
               key=f"pptx_{assessment.id}", audit=(assessment, "slides (PowerPoint)"),
               help="Title, radar, scores by principle, top disagreements, agreed ratings and actions.")
