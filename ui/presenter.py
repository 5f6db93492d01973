"""Presenter mode's screens: one stage at a time, large, refreshed from storage, with keyboard Back/Next."""

from __future__ import annotations

import logging

import streamlit as st

from domain.records import Assessment
from domain.vocabulary import PresenterStage
from i18n import _
from questions.schema import Bank
from services.presenting import PresenterView, advance, presenter_view
from ui import presenter_html as html
from ui.context import engine
from ui.joining import join_link, qr_png
from ui.projector import STAGE_LABELS
from ui.refresh import REFRESH_SECONDS, recheck


def _show(markup: str) -> None:
    """Our own escaped HTML (presenter_html escapes every piece of user and bank text)."""
    st.html(markup)


def _join(view: PresenterView) -> None:
    """Very large join code, the link and the QR code."""
    link = join_link(view.assessment)
    text, qr = st.columns([3, 2], vertical_alignment="center")
    with text:
        _show(html.join_panel(view.assessment.title, view.assessment.join_code or "", link, view.joined, view.assessment.is_open))
    if view.assessment.is_open:
        qr.image(qr_png(link), width=400, caption=_("Scan to join"), alt=_("QR code that opens {link}").format(link=link))


def _progress(view: PresenterView) -> None:
    """Live counts and how many have reached each principle."""
    _show(html.counts_panel(view.joined, view.sent, view.results.threshold))
    _show(html.steps_panel(view.steps, view.joined))


def _results(view: PresenterView) -> None:
    """On one screen: the group radar with its numbers, the overall score and the top disagreements."""
    results = view.results
    if results.withheld or view.radar is None:
        _show(html.counts_panel(view.joined, view.sent, results.threshold))
        return
    radar, side = st.columns([23, 20])
    with radar:
        st.vega_lite_chart(spec=view.radar.spec, width="content", theme=None, key="present_radar",
                           alt=view.radar.text)
    with side:
        _show(html.score_panel(results.overall_score, results.overall_band, results.n_respondents))
        _show(html.disagreements_panel(view.top))


def _discussion(view: PresenterView, bank: Bank) -> None:
    """One statement, large, with its spread; the agreed rating once the group has saved one."""
    agreed = None
    if view.agreed is not None:
        labels = {level.value: f"{level.value} · {level.label}" for level in bank.scale.levels}
        agreed = bank.scale.dont_know_label if view.agreed.rating is None else labels.get(view.agreed.rating, "")
    place = view.discussion
    _show(html.statement_panel(view.current, place.position + 1, len(place.ids), view.results.threshold, agreed))


def _controls(view: PresenterView) -> None:
    """Back and Next (also the arrow keys, as a presentation clicker sends them) and the stages."""
    place = view.discussion
    at_start = view.stage is PresenterStage.JOIN
    at_end = view.stage is PresenterStage.DISCUSSION and place.position >= len(place.ids) - 1
    columns = st.columns([2, 2, 2, 2, 2, 2])
    columns[0].button(_("Back"), icon=":material/arrow_back:", shortcut="Left", disabled=at_start, width="stretch",
                      key="present_back", on_click=_advance, args=(view, -1))
    for column, (stage, label) in zip(columns[1:5], STAGE_LABELS.items()):
        column.button(_(label), key=f"present_stage_{stage.value}", width="stretch",
                      type="primary" if stage is view.stage else "tertiary",
                      on_click=_stage, args=(view.assessment.id, stage))
    columns[5].button(_("Next"), icon=":material/arrow_forward:", icon_position="right", shortcut="Right",
                      disabled=at_end, width="stretch", key="present_next", on_click=_advance, args=(view, 1))


def _advance(view: PresenterView, by: int) -> None:
    """Back/Next callback: from where this screen was when the key was pressed."""
    advance(engine(), view.assessment.id, view.stage, view.discussion, by)


def _stage(assessment_id: int, stage: PresenterStage) -> None:
    """Stage button callback."""
    from services.presenting import set_stage

    set_stage(engine(), assessment_id, stage)


@st.fragment(run_every=REFRESH_SECONDS)
def presenter_screen(assessment: Assessment, bank: Bank) -> None:
    """The projector, redrawn from storage every few seconds; access is checked again at each refresh."""
    recheck(assessment)
    try:
        view = presenter_view(engine(), assessment, bank)
    except Exception:  # a database blip must not blank the projector mid-workshop: say so and retry
        logging.getLogger("coproduction").exception("Presenter refresh failed")
        st.warning(_("The presenter screen could not reach the database just now. It tries again every few "
                     "seconds."))
        return
    with st.container(key="presenter_stage"):
        if view.stage is PresenterStage.JOIN:
            _join(view)
        elif view.stage is PresenterStage.PROGRESS:
            _progress(view)
        elif view.stage is PresenterStage.RESULTS:
            _results(view)
        else:
            _discussion(view, bank)
    _controls(view)
