"""A participant's own link (/mine?r=CODE): their answers, download, delete; and "you said, we did"."""

from __future__ import annotations

import streamlit as st

from i18n import _, current_language
from questions.errors import ProjectError
from services.answering import language_of, remember_language
from services.mine import delete_own_answers, not_yet_shared, open_own_link, what_came_of_it
from ui.context import engine, md, show_error
from ui.language import apply_direction, language_picker
from ui.language import follow as follow_language
from ui.own_link import own_downloads, render_action_progress, render_own_answers
from ui.results_view import render_results

_DELETED = "mine_deleted"
_CONFIRM = "mine_confirm_delete"

language_picker("participant", where="main")
apply_direction()
st.title(_("Your answers and what came of them"))

if st.session_state.pop(_DELETED, False):
    st.success(_("Your answers are deleted. They are gone from the database, the group's results are worked out "
                 "without them, and your code opens nothing any more."))

code = st.query_params.get("r", "")
if not code:
    st.markdown(_("Type the code you were given when you answered (your resume code). "
                  "No account is needed: the code is your key, so keep it to yourself."))
    with st.form("own_code_form"):
        typed = st.text_input(_("Your code"))
        go = st.form_submit_button(_("Open"), type="primary")
    if go and typed.strip():
        st.query_params["r"] = typed.strip()
        st.rerun()
    st.stop()

if "easy_read" not in st.session_state:
    # The same reading mode as the form they answered in (the thank-you link carries it).
    st.session_state["easy_read"] = st.query_params.get("er") == "1"
try:
    link = open_own_link(engine(), code, easy_read=bool(st.session_state["easy_read"]), language=current_language())
except ProjectError as error:
    show_error(error, _("That code does not open anything"))
    if st.button(_("Type another code")):
        st.query_params.clear()
        st.rerun()
    st.stop()

assessment = link.assessment
follow_language(language_of(link.respondent), link.respondent.token)  # the language they answered in
remember_language(engine(), link.respondent, current_language())  # a language picked here is kept with the code
st.caption(f"{md(link.organisation)} · {md(link.team)} · {md(assessment.title)}")

st.header(_("You said, we did"))
results = what_came_of_it(engine(), link)
if results is None:
    st.info(not_yet_shared(assessment))
else:
    # The group's results as the threshold allows (the same drawing as the results page), read afresh each run.
    render_results(results)
    st.subheader(_("What the team is doing"))
    render_action_progress(results)

st.header(_("Your answers"))
if st.toggle(_("Easy Read"), key="easy_read", help=_("Shorter sentences in plain words.")):
    st.query_params["er"] = "1"
elif "er" in st.query_params:
    del st.query_params["er"]
if not link.sent and assessment.is_open:
    st.page_link("views/assess.py", label=_("Carry on answering"), icon=":material/edit_note:",
                 query_params={"code": str(assessment.join_code), "r": link.code})
render_own_answers(link)
own_downloads(link)

st.header(_("Delete my answers"))
st.markdown(_("This deletes every answer and comment you gave in this session, and this code. "
              "It cannot be undone. The group's results are then worked out again without you (and not shown at "
              "all if too few people are left); anyone who saw them before may notice that they changed."))
confirm_key = f"{_CONFIRM}_{link.respondent.id}"
if not st.session_state.get(confirm_key):
    if st.button(_("Delete my answers"), key="own_delete"):
        st.session_state[confirm_key] = True
        st.rerun()
    st.stop()
st.warning(_("Delete your answers for good?"))
yes, no = st.columns(2)
if no.button(_("Keep my answers"), key="own_keep", use_container_width=True):
    del st.session_state[confirm_key]
    st.rerun()
if yes.button(_("Yes, delete them"), type="primary", key="own_delete_yes", use_container_width=True):
    try:
        delete_own_answers(engine(), link.code)
    except ProjectError as error:
        show_error(error, _("Your answers could not be deleted"))
        st.stop()
    del st.session_state[confirm_key]
    st.session_state[_DELETED] = True
    st.query_params.clear()
    st.rerun()
