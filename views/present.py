"""Presenter mode: a full-screen view of a workshop for the projector (no sidebar, one screen per stage)."""

from __future__ import annotations

import streamlit as st

from i18n import _, current_language
from ui.access import assessment_from_query
from ui.context import bank_for
from ui.presenter import presenter_screen
from ui.presenter_html import PAGE_STYLE, STYLE

st.html(PAGE_STYLE + STYLE)  # only stylesheets: this page has no sidebar or header, and large type
assessment = assessment_from_query(_("Open presenter mode from the facilitator view of your workshop."),
                                   workshop_only=True)
presenter_screen(assessment, bank_for(assessment, current_language()))
