"""Home: what co-production is, and a team's assessments."""

from __future__ import annotations

import datetime as dt
import secrets

import streamlit as st

from questions.errors import ProjectError
from services.sessions import create_self_assessment
from services.teams import team_sessions
from ui.context import engine, md, query_int, show_error
from ui.teams import latest_banks, pick_team

st.title("Co-production: how are you doing?")
st.markdown(
    """
Co-production means that the people who use a service and the people paid to run it
**share power**: they plan, design and deliver support together, and everyone's skills
and experience count. This tool helps a team look honestly at where its everyday practice
sits between the traditional way (**From**) and the co-produced way (**To**).

1. **Rate** each From/To pair on a scale of 0 (mostly like From) to 4 (mostly like To),
   alone, as a team together, or in a facilitated workshop.
2. **See where you stand**: a radar chart by principle, your strongest practice,
   where to develop, and where people disagree.
3. **Agree actions** and download a summary for your manager. Repeat later to see the change.
"""
)
with st.expander("The six principles (nef & NESTA 2010, after Cahn 2000)"):
    st.markdown(
        "- **Recognising people as assets**: people bring skills and experience, not only needs.\n"
        "- **Reciprocity and mutuality**: everyone gives as well as receives.\n"
        "- **Peer support networks**: connections between people matter as much as professional help.\n"
        "- **Valuing work differently**: the contributions people make are seen and rewarded.\n"
        "- **Blurring roles**: the line between 'professional' and 'client' softens.\n"
        "- **Facilitating rather than delivering**: services make things possible rather than doing things to people."
    )

st.divider()
st.header("Have a code?")
with st.form("code_form"):
    code = st.text_input("Join or resume code", placeholder="e.g. ABCDE-23456")
    if st.form_submit_button("Go to the questions"):
        st.switch_page("views/assess.py", query_params={"code": code.strip()})

st.divider()
st.header("Your team")
team = pick_team(query_int("team"))
if team is None:
    st.stop()

sessions = team_sessions(engine(), team.id)
st.subheader(f"Assessments of {md(team.name)}")
if not sessions:
    st.info("No assessments yet: start the first one below.")
for summary in sessions:
    assessment = summary.assessment
    with st.container(border=True):
        st.markdown(
            f"**{md(assessment.title)}** · {assessment.created_at:%d %b %Y} · "
            f"{'workshop' if assessment.is_workshop else 'self-assessment'} · {md(summary.bank_label)} · "
            f"{assessment.status} · {summary.joined} joined, {summary.sent} sent"
        )
        cols = st.columns(3)
        if assessment.is_workshop:
            cols[0].page_link("views/facilitate.py", label="Facilitator view", query_params={"a": str(assessment.id)})
        else:
            cols[0].page_link("views/assess.py", label=f"Answer (code {assessment.join_code})", query_params={"code": str(assessment.join_code)})
            cols[1].page_link("views/results.py", label="Results", query_params={"a": str(assessment.id)})
        cols[2].page_link("views/data.py", label="Import / export", query_params={"a": str(assessment.id)})

st.subheader("Start a new self-assessment")
options = latest_banks()
with st.form("new_assessment"):
    title = st.text_input("Title", value=f"Self-assessment {dt.date.today():%B %Y}")
    bank_row = st.selectbox("Question bank", list(options), format_func=lambda rid: options[rid])
    mode = st.radio(
        "How will you answer?",
        ["together", "individually"],
        format_func=lambda m: {
            "together": "Together: the team agrees one set of answers",
            "individually": "Individually: each person answers privately",
        }[m],
    )
    threshold = st.number_input(
        "Show results once this many people have answered (individual mode)",
        min_value=2, max_value=50, value=3,
        help="Protects anonymity: nothing is shown for smaller groups.",
    )
    create = st.form_submit_button("Create", type="primary")
if create:
    try:
        created = create_self_assessment(
            engine(), team.id, int(bank_row), title.strip() or "Self-assessment",
            threshold=1 if mode == "together" else int(threshold),
            # Made before the click: a double click or a retry finds the assessment the first one made.
            request_id=st.session_state.setdefault("new_assessment_request", secrets.token_urlsafe(16)),
        )
    except ProjectError as error:
        show_error(error)
    else:
        # Rerun so the new assessment is listed above at once; the message survives the rerun.
        st.session_state["created_assessment"] = created.join_code
        st.session_state.pop("new_assessment_request", None)
        st.rerun()
flash = st.session_state.pop("created_assessment", None)
if flash:
    st.success(f"Created. Share the code **{flash}** with the people who will answer.")
    st.page_link("views/assess.py", label="Start answering now", query_params={"code": str(flash)})
st.page_link("views/workshop.py", label="Or run a facilitated workshop session", icon=":material/groups:")
