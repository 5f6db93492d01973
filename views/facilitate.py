"""Facilitator view of a workshop: live progress, group results, discussion, actions, session controls.

The tabs run only when shown (on_change="rerun"): each time a tab is opened it is drawn from storage, and the
live panel and the discussion refresh themselves while open, so no tab shows a state the database has left.
"""

from __future__ import annotations

import logging

import streamlit as st

from i18n import N_, _, current_language
from questions.errors import ProjectError
from reports.formatting import status_label
from services.facilitation import live_view, participation
from services.presenting import stage_of
from services.results import results_for
from services.sessions import follow_up, set_open
from ui.access import BROWSER, assessment_from_query, held_key, remember_key
from ui.actions import render_actions, render_still_open
from ui.context import bank_for, engine, md, show_error
from ui.discussion import render_discussion
from ui.downloads import answer_downloads, pdf_download
from ui.joining import show_join
from ui.projector import presenter_url, stage_buttons
from ui.refresh import REFRESH_SECONDS, recheck
from ui.results_view import note_locked_earlier, render_results, show_chart
from ui.paper import paper_entry_link, paper_pack_downloads
from ui.slides import slides_download

TABS = [N_("Live"), N_("Discussion"), N_("Full results"), N_("Actions"), N_("Session")]

st.title(_("Facilitator view"))
assessment = assessment_from_query(_("Open a workshop session from your team's page on the Home page."),
                                   workshop_only=True)
bank = bank_for(assessment, current_language())
st.caption(_("{title} · {bank} version {version} · session {status}").format(
    title=md(assessment.title), bank=md(bank.title), version=md(bank.version), status=status_label(assessment.status)))

tabs = st.tabs([_(tab) for tab in TABS], key=f"facilitate_tab_{assessment.id}", on_change="rerun")


@st.fragment(run_every=REFRESH_SECONDS)
def live_panel() -> None:
    """Refreshes itself every few seconds from storage, so new answers show without a reload."""
    recheck(assessment)
    try:
        live_counts_and_charts()
    except Exception:  # a database blip must not end the workshop: say so and try again next tick
        logging.getLogger("coproduction").exception("Live view refresh failed")
        st.warning(_("The live view could not reach the database just now. It tries again every few seconds."))


def live_counts_and_charts() -> None:
    """Counts, the group and perspective radars, and the spread with disagreements first."""
    live = live_view(engine(), assessment, bank)
    first, second, third = st.columns(3)
    first.metric(_("Joined"), live.joined)
    second.metric(_("Answers sent"), live.sent)
    third.metric(_("Needed to show results"), assessment.threshold)
    if live.group_radar is None or live.spread is None:
        st.info(_("Results appear when at least {n} people have sent their answers.").format(n=assessment.threshold))
        return
    # One radar under the other: a radar keeps its own width (stretching distorts it), so two side by side
    # overflowed their columns on a 1280-pixel screen and the labels ran into each other.
    st.markdown(_("**The whole group**"))
    show_chart(live.group_radar.spec, live.group_radar.text, "live_radar")
    st.markdown(_("**By perspective**"))
    for note in live.results.perspective_notes:
        st.caption(md(note))
    if live.perspective_radar is not None:
        show_chart(live.perspective_radar.spec, live.perspective_radar.text, "live_perspectives")
    else:
        st.caption(_("Perspectives are compared here once at least two have {n} or more people.").format(
            n=assessment.threshold))
    st.markdown(_("**Spread of answers, disagreements first**"))
    show_chart(live.spread.spec, live.spread.text, "live_dist")


def projector_controls() -> None:
    """Open presenter mode on the projector's screen, and choose what it shows from here."""
    with st.container(border=True):
        left, right = st.columns([3, 1], vertical_alignment="center")
        left.markdown(_("**On the projector** (presenter mode follows these buttons, and the discussion below)"))
        right.link_button(_("Open presenter mode"), presenter_url(assessment), icon=":material/co_present:",
                          width="stretch")
        stage_buttons(assessment, stage_of(engine(), assessment.id), "facilitate")


def close_controls() -> None:
    """Open or close the session; closing asks first, since people still answering can then only keep what they saved."""
    asking = f"confirm_close_{assessment.id}"
    if not assessment.is_open:
        st.write(_("The session is closed: no more answers are accepted."))
        if st.button(_("Reopen the session")):
            set_open(engine(), assessment, True)
            st.rerun()
        return
    st.write(_("The session is open: participants can join and send answers."))
    if not st.session_state.get(asking):
        if st.button(_("Close the session"), type="primary"):
            st.session_state[asking] = True
            st.rerun()
        return
    joined, sent = participation(engine(), assessment.id)
    waiting = joined - sent
    still = (_("Everyone who joined has sent their answers.") if not waiting else
             _("{waiting} of {joined} people who joined have not sent their answers: they keep what they saved, "
               "but can no longer send.").format(waiting=waiting, joined=joined))
    st.warning(_("Close the session now? {still} Nobody new can join.").format(still=still))
    yes, no = st.columns(2)
    if yes.button(_("Yes, close the session"), type="primary"):
        st.session_state.pop(asking, None)
        set_open(engine(), assessment, False)
        st.rerun()
    if no.button(_("Keep it open")):
        st.session_state.pop(asking, None)
        st.rerun()


def live() -> None:
    """The Live tab: the projector's controls, the join code while open, and the self-refreshing panel."""
    projector_controls()
    if assessment.is_open:
        with st.expander(_("Join code and QR code"), expanded=True):
            show_join(assessment)
    live_panel()


def full_results() -> None:
    """The Full results tab, as stored now."""
    results = results_for(engine(), assessment, BROWSER)
    render_results(results)
    note_locked_earlier(results)


def actions() -> None:
    """The Actions tab, as stored now."""
    results = results_for(engine(), assessment, BROWSER)
    render_actions(assessment, results, editable=True)
    render_still_open(results)


def session() -> None:
    """The Session tab: open or close, downloads, a follow-up."""
    close_controls()
    st.subheader(_("Summary and downloads"))
    results = results_for(engine(), assessment, BROWSER)
    stem = f"coproduction-workshop-{assessment.id}"
    if not results.withheld:
        pdf_download(assessment, results, stem)
        slides_download(assessment, stem)
    answer_downloads(assessment, results, stem)
    st.subheader(_("Paper"))
    paper_pack_downloads(assessment)
    paper_entry_link(assessment)
    st.subheader(_("Follow-up session"))
    st.write(_("Run the same questions again later: results will compare the new session with this one. "
               "The follow-up opens with this session's facilitator key."))
    if st.button(_("Create a follow-up session")):
        try:
            # The same key opens the follow-up, so the facilitator keeps one key for the series.
            follow, key = follow_up(engine(), assessment, held_key(assessment.id))
        except ProjectError as error:
            show_error(error)
        else:
            remember_key(follow.id, key)
            st.session_state["created_workshop"] = (follow.id, key)
            st.switch_page("views/workshop.py")


def discussion() -> None:
    """The Discussion tab, as stored now; it follows the projector while open."""
    render_discussion(assessment, bank, results_for(engine(), assessment, BROWSER))


# Only the open tab runs: opening a tab reruns the page, so it is drawn from storage each time it is shown.
for tab, draw in zip(tabs, (live, discussion, full_results, actions, session)):
    if tab.open:
        with tab:
            draw()
