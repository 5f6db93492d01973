"""The PowerPoint download: built only when clicked, from the results as stored at that moment."""

from __future__ import annotations

from domain.records import Assessment
from i18n import _, current_language, use_language
from services.results import results_for
from ui.access import BROWSER
from ui.context import engine
from ui.downloads import offer_file

PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"


def _slides(assessment: Assessment) -> bytes:
    """The deck, drawn from a fresh read (the page's model may be a few seconds old)."""
    from reports.slides import slides_for  # the slides stack loads only when asked for

    return slides_for(results_for(engine(), assessment, BROWSER))


def _slides_in(assessment: Assessment, language: str) -> bytes:
    """The deck in the viewer's language (built when clicked, after the page run that chose the language)."""
    with use_language(language):
        return _slides(assessment)


def slides_download(assessment: Assessment, stem: str) -> None:
    """Download the workshop's results as slides to paste into a deck."""
    language = current_language()
    offer_file(_("Download slides (PowerPoint)"), lambda: _slides_in(assessment, language), f"{stem}.pptx", PPTX,
               key=f"pptx_{assessment.id}", audit=(assessment, "slides (PowerPoint)"),
               help=_("Title, radar, scores by principle, top disagreements, agreed ratings and actions."))
