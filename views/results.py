"""Results of one assessment: radar, scores, strengths, disagreements, trend, actions, downloads."""

from __future__ import annotations

import streamlit as st

import storage
from ui.access import assessment_from_query
from ui.actions import render_actions, render_still_open
from ui.context import bank_for, engine, md
from ui.downloads import answer_downloads, pdf_download
from ui.history import answers_of, earlier_of, note_locked_earlier
from ui.results_view import render_results

st.title("Results")
assessment = assessment_from_query("Open results from your team's page on the Home page.")

team = storage.get_team(engine(), assessment.team_id)
bank = bank_for(assessment)
st.caption(
    f"{md(team.organisation) if team else ''} · {md(team.name) if team else ''} · {md(assessment.title)} · "
    f"{md(bank.title)} version {md(bank.version)}"
)
responses = answers_of(assessment)
result = render_results(bank, responses, assessment.threshold, earlier_of(assessment), assessment.created_at.date())
note_locked_earlier(assessment)

st.header("Action plan")
render_actions(assessment, bank, editable=True)
render_still_open(assessment, bank)

st.header("Downloads")
stem = f"coproduction-{assessment.id}"
if not result.withheld:
    pdf_download(assessment, stem)
answer_downloads(assessment, responses, stem, bank)
