"""Results of one assessment: radar, scores, strengths, disagreements, trend, actions, downloads."""

from __future__ import annotations

import streamlit as st

from i18n import _, current_language
from services.results import results_for
from ui.access import BROWSER, assessment_from_query
from ui.actions import render_actions, render_still_open
from ui.context import bank_for, engine, md
from ui.downloads import answer_downloads, pdf_download
from ui.results_view import note_locked_earlier, render_results

st.title(_("Results"))
assessment = assessment_from_query(_("Open results from your team's page on the Home page."))
bank = bank_for(assessment, current_language())
results = results_for(engine(), assessment, BROWSER)
st.caption(_("{organisation} · {team} · {title} · {bank} version {version}").format(
    organisation=md(results.organisation), team=md(results.team), title=md(results.title), bank=md(bank.title),
    version=md(bank.version)))
render_results(results)
note_locked_earlier(results)

st.header(_("Action plan"))
render_actions(assessment, results, editable=True)
render_still_open(results)

st.header(_("Downloads"))
stem = f"coproduction-{assessment.id}"
if not results.withheld:
    pdf_download(assessment, results, stem)
answer_downloads(assessment, results, stem)
