"""A participant's own link (/mine?r=CODE): their answers, download, delete; and "you said, we did"."""

from __future__ import annotations

import streamlit as st

from questions.errors import ProjectError
from services.mine import delete_own_answers, not_yet_shared, open_own_link, what_came_of_it
from ui.context import engine, md, show_error
from ui.own_link import own_downloads, render_action_progress, render_own_answers
from ui.results_view import render_results

_DELETED = "mine_deleted"
_CONFIRM = "mine_confirm_delete"

st.title("Your answers and what came of them")

if st.session_state.pop(_DELETED, False):
    st.success("Your answers are deleted. They are gone from the database, the group's results are worked out "
               "without them, and your code opens nothing any more.")

code = st.query_params.get("r", "")
if not code:
    st.markdown("Type the code you were given when you answered (your resume code). "
                "No account is needed: the code is your key, so keep it to yourself.")
    with st.form("own_code_form"):
        typed = st.text_input("Your code")
        go = st.form_submit_button("Open", type="primary")
    if go and typed.strip():
        st.query_params["r"] = typed.strip()
        st.rerun()
    st.stop()

if "easy_read" not in st.session_state:
    # The same reading mode as the form they answered in (the thank-you link carries it).
    st.session_state["easy_read"] = st.query_params.get("er") == "1"
try:
    link = open_own_link(engine(), code, easy_read=bool(st.session_state["easy_read"]))
except ProjectError as error:
    show_error(error, "That code does not open anything")
    if st.button("Type another code"):
        st.query_params.clear()
        st.rerun()
    st.stop()

assessment = link.assessment
st.caption(f"{md(link.organisation)} · {md(link.team)} · {md(assessment.title)}")

st.header("You said, we did")
results = what_came_of_it(engine(), link)
if results is None:
    st.info(not_yet_shared(assessment))
else:
    # The group's results as the threshold allows (the same drawing as the results page), read afresh each run.
    render_results(results)
    st.subheader("What the team is doing")
    render_action_progress(results)

st.header("Your answers")
if st.toggle("Easy Read", key="easy_read", help="Shorter sentences in plain words."):
    st.query_params["er"] = "1"
elif "er" in st.query_params:
    del st.query_params["er"]
if not link.sent and assessment.is_open:
    st.page_link("views/assess.py", label="Carry on answering", icon=":material/edit_note:",
                 query_params={"code": str(assessment.join_code), "r": link.code})
render_own_answers(link)
own_downloads(link)

st.header("Delete my answers")
st.markdown("This deletes every answer and comment you gave in this session, and this code. "
            "It cannot be undone. The group's results are then worked out again without you (and not shown at "
            "all if too few people are left); anyone who saw them before may notice that they changed.")
confirm_key = f"{_CONFIRM}_{link.respondent.id}"
if not st.session_state.get(confirm_key):
    if st.button("Delete my answers", key="own_delete"):
        st.session_state[confirm_key] = True
        st.rerun()
    st.stop()
st.warning("Delete your answers for good?")
yes, no = st.columns(2)
if no.button("Keep my answers", key="own_keep", use_container_width=True):
    del st.session_state[confirm_key]
    st.rerun()
if yes.button("Yes, delete them", type="primary", key="own_delete_yes", use_container_width=True):
    try:
        delete_own_answers(engine(), link.code)
    except ProjectError as error:
        show_error(error, "Your answers could not be deleted")
        st.stop()
    del st.session_state[confirm_key]
    st.session_state[_DELETED] = True
    st.query_params.clear()
    st.rerun()
