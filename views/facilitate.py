"""Facilitator view of a workshop: live progress, group results, discussion, actions, session controls."""

from __future__ import annotations

import logging

import streamlit as st

import scoring
import storage
from questions.errors import ProjectError
from reports import charts
from ui.access import assessment_from_query, held_key, remember_key
from ui.actions import render_actions, render_still_open
from ui.context import bank_for, engine, md, show_error
from ui.discussion import render_discussion
from ui.downloads import answer_downloads, pdf_download
from ui.history import answers_of, earlier_of, note_locked_earlier
from ui.joining import show_join
from ui.results_view import render_results, show_chart, show_radar

st.title("Facilitator view")
assessment = assessment_from_query("Open a workshop session from your team's page on the Home page.", workshop_only=True)
bank = bank_for(assessment)
st.caption(f"{md(assessment.title)} · {md(bank.title)} version {md(bank.version)} · session {assessment.status}")

live_tab, discuss_tab, results_tab, actions_tab, session_tab = st.tabs(["Live", "Discussion", "Full results", "Actions", "Session"])


@st.fragment(run_every=3)
def live_panel() -> None:
    """Refreshes itself every few seconds from storage, so new answers show without a reload."""
    try:
        live_counts_and_charts()
    except Exception:  # a database blip must not end the workshop: say so and try again next tick
        logging.getLogger("coproduction").exception("Live view refresh failed")
        st.warning("The live view could not reach the database just now. It tries again every few seconds.")


def live_counts_and_charts() -> None:
    """Counts, the group and perspective radars, and the spread with disagreements first."""
    joined, submitted = storage.progress(engine(), assessment.id)
    first, second, third = st.columns(3)
    first.metric("Joined", joined)
    second.metric("Answers sent", submitted)
    third.metric("Needed to show results", assessment.threshold)
    responses = answers_of(assessment)
    result = scoring.score_group(responses, bank, threshold=assessment.threshold)
    if result.withheld:
        st.info(f"Results appear when at least {assessment.threshold} people have sent their answers.")
        return
    # One radar under the other: a radar keeps its own width (stretching distorts it), so two side by side
    # overflowed their columns on a 1280-pixel screen and the labels ran into each other.
    st.markdown("**The whole group**")
    show_radar(result.principles.assign(series="Group now")[["series", "principle", "score"]], bank, key="live_radar")
    st.markdown("**By perspective**")
    perspectives = scoring.score_perspectives(responses, bank, threshold=assessment.threshold)
    for note in perspectives.notes:
        st.caption(md(note))
    if perspectives.scores["perspective"].nunique() > 1:
        series = perspectives.scores.rename(columns={"label": "series"})[["series", "principle", "score"]]
        show_radar(series, bank, key="live_perspectives")
    else:
        st.caption(f"Perspectives are compared here once at least two have {assessment.threshold} or more people.")
    ordered = list(scoring.hot_spots(result, n=len(bank.statements))["statement"])
    st.markdown("**Spread of answers, disagreements first**")
    show_chart(
        charts.distribution_chart(result.statements, bank, ordered),
        charts.text_alternative_distribution(result.statements, bank, ordered),
        "live_dist",
    )


with live_tab:
    if assessment.status == "open":
        with st.expander("Join code and QR code", expanded=True):
            show_join(assessment)
    live_panel()

responses = answers_of(assessment)
result = scoring.score_group(responses, bank, threshold=assessment.threshold)
with discuss_tab:
    render_discussion(assessment, bank, result)
with results_tab:
    render_results(bank, responses, assessment.threshold, earlier_of(assessment), assessment.created_at.date())
    note_locked_earlier(assessment)
with actions_tab:
    render_actions(assessment, bank, editable=True)
    render_still_open(assessment, bank)
with session_tab:
    if assessment.status == "open":
        st.write("The session is open: participants can join and send answers.")
        if st.button("Close the session", type="primary"):
            storage.set_status(engine(), assessment.id, "closed")
            st.rerun()
    else:
        st.write("The session is closed: no more answers are accepted.")
        if st.button("Reopen the session"):
            storage.set_status(engine(), assessment.id, "open")
            st.rerun()
    st.subheader("Summary and downloads")
    stem = f"coproduction-workshop-{assessment.id}"
    if not result.withheld:
        pdf_download(assessment, stem)
    answer_downloads(assessment, responses, stem, bank)
    st.subheader("Follow-up session")
    st.write("Run the same questions again later: results will compare the new session with this one. "
             "The follow-up opens with this session's facilitator key.")
    if st.button("Create a follow-up session"):
        try:
            # The same key opens the follow-up, so the facilitator keeps one key for the series.
            follow, key = storage.create_workshop(
                engine(), assessment.team_id, assessment.bank_row_id, f"Follow-up to {assessment.title}",
                assessment.perspectives, assessment.threshold, key=held_key(assessment.id),
            )
        except ProjectError as error:
            show_error(error)
        else:
            remember_key(follow.id, key)
            st.session_state["created_workshop"] = (follow.id, key)
            st.switch_page("views/workshop.py")
