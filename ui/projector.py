"""The projector's controls: which stage it shows, from the presenter screen or the facilitator's own device."""

from __future__ import annotations

import streamlit as st

from domain.records import Assessment
from domain.vocabulary import PresenterStage
from i18n import N_, _, current_language
from services.presenting import set_stage
from ui.access import session_link
from ui.context import engine
from ui.joining import base_url

STAGE_LABELS = {
    PresenterStage.JOIN: N_("Join code"),
    PresenterStage.PROGRESS: N_("Progress"),
    PresenterStage.RESULTS: N_("Results"),
    PresenterStage.DISCUSSION: N_("Discussion"),
}


def presenter_url(assessment: Assessment) -> str:
    """The presenter screen's address (the session's secret link; the projector's browser needs the key too)."""
    # The projector's browser shows the facilitator's language (a shared link opens in its language).
    return f"{base_url()}/present?a={session_link(assessment)['a']}&lang={current_language()}"


def stage_buttons(assessment: Assessment, current: PresenterStage, where: str) -> None:
    """One button per stage, the one shown now highlighted; a click stores the stage, and every screen follows."""
    columns = st.columns(len(STAGE_LABELS))
    for column, (stage, label) in zip(columns, STAGE_LABELS.items()):
        column.button(_(label), key=f"{where}_stage_{stage.value}_{assessment.id}", width="stretch",
                      type="primary" if stage is current else "secondary",
                      on_click=set_stage, args=(engine(), assessment.id, stage))
