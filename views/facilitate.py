"""Facilitator view of a workshop: live progress, group results, discussion, actions, session controls."""

from __future__ import annotations

import logging

import streamlit as st

from questions.errors import ProjectError
from services.facilitation import live_view
from services.results import results_for
from services.sessions import follow_up, set_open
from ui.access import BROWSER, assessment_from_query, held_key, remember_key
from ui.actions import render_actions, render_still_open
from ui.context import bank_for, engine, md, show_error
from ui.discussion import render_discussion
from ui.downloads import answer_downloads, pdf_download
from ui.joining import show_join
from ui.results_view import note_locked_earlier, render_results, show_chart

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
    live = live_view(engine(), assessment, bank)
    first, second, third = st.columns(3)
    first.metric("Joined", live.joined)
    second.metric("Answers sent", live.sent)
    third.metric("Needed to show results", assessment.threshold)
    if live.group_radar is None or live.spread is None:
        st.info(f"Results appear when at least {assessment.threshold} people have sent their answers.")
        return
    # One radar under the other: a radar keeps its own width (stretching distorts it), so two side by side
    # overflowed their columns on a 1280-pixel screen and the labels ran into each other.
    st.markdown("**The whole group**")
    show_chart(live.group_radar.spec, live.group_radar.text, "live_radar")
    st.markdown("**By perspective**")
    for note in live.results.perspective_notes:
        st.caption(md(note))
    if live.perspective_radar is not None:
        show_chart(live.perspective_radar.spec, live.perspective_radar.text, "live_perspectives")
    else:
        st.caption(f"Perspectives are compared here once at least two have {assessment.threshold} or more people.")
    st.markdown("**Spread of answers, disagreements first**")
    show_chart(live.spread.spec, live.spread.text, "live_dist")


with live_tab:
    if assessment.is_open:
        with st.expander("Join code and QR code", expanded=True):
            show_join(assessment)
    live_panel()

results = results_for(engine(), assessment, BROWSER)
with discuss_tab:
    render_discussion(assessment, bank, results)
with results_tab:
    render_results(results)
    note_locked_earlier(results)
with actions_tab:
    render_actions(assessment, results, editable=True)
    render_still_open(results)
with session_tab:
    if assessment.is_open:
        st.write("The session is open: participants can join and send answers.")
        if st.button("Close the session", type="primary"):
            set_open(engine(), assessment, False)
            st.rerun()
    else:
        st.write("The session is closed: no more answers are accepted.")
        if st.button("Reopen the session"):
            set_open(engine(), assessment, True)
            st.rerun()
    st.subheader("Summary and downloads")
    stem = f"coproduction-workshop-{assessment.id}"
    if not results.withheld:
        pdf_download(assessment, results, stem)
    answer_downloads(assessment, results, stem)
    st.subheader("Follow-up session")
    st.write("Run the same questions again later: results will compare the new session with this one. "
             "The follow-up opens with this session's facilitator key.")
    if st.button("Create a follow-up session"):
        try:
            # The same key opens the follow-up, so the facilitator keeps one key for the series.
            follow, key = follow_up(engine(), assessment, held_key(assessment.id))
        except ProjectError as error:
            show_error(error)
        else:
            remember_key(follow.id, key)
            st.session_state["created_workshop"] = (follow.id, key)
            st.switch_page("views/workshop.py")
