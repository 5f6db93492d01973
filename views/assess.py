"""Answer an assessment: join with a code, pick a perspective, rate step by step."""

from __future__ import annotations

import streamlit as st

from questions.errors import ProjectError
from services.answering import join, new_resume_code, resume_code, respondent as respondent_by_token, send as send_answers
from services.sessions import find_session, get_session
from ui.access import session_link
from ui.answering import (
    STEP,
    answered_count,
    first_open_step,
    forget_respondent,
    move_to,
    render_principle,
    scroll_to_top_after_move,
    stored_answers,
    unsaved_count,
)
from ui.context import bank_for, engine, md, show_error
from ui.navigation import mark_participant

st.title("Rate your practice")

code = st.query_params.get("code", "")
if not code:
    st.markdown(
        "Enter the code you were given by your team or facilitator. "
        "Your answers are private: nobody sees them with your name. "
        "Coming back? Enter your resume code here instead."
    )
    with st.form("code_form"):
        typed = st.text_input("Join code", placeholder="e.g. ABCDE-23456")
        go = st.form_submit_button("Join", type="primary")
    if go:
        st.query_params["code"] = typed.strip()
        st.rerun()
    st.stop()

assessment = find_session(engine(), code)
if assessment is None:
    # A resume code (the respondent's own token) typed where a join code was expected.
    returning = respondent_by_token(engine(), code.strip())
    found = get_session(engine(), returning.assessment_id) if returning else None
    if returning is not None and found is not None:
        st.query_params["code"] = str(found.join_code)
        st.query_params["r"] = returning.token
        st.rerun()
if assessment is None:
    st.error(f"No assessment has the code {md(code)}. Check the code and try again.")
    if st.button("Enter another code"):
        st.query_params.clear()
        st.rerun()
    st.stop()

if mark_participant():
    st.rerun()  # redraw the menu without the facilitator's pages
bank = bank_for(assessment)
st.caption(f"{md(assessment.title)} · {md(bank.title)} (version {md(bank.version)})")
labels = {p.id: p.label for p in bank.perspectives}
offered = assessment.perspectives or tuple(labels)

token = st.query_params.get("r")
respondent = respondent_by_token(engine(), token)
if respondent is not None and respondent.assessment_id != assessment.id:
    respondent = None

if respondent is None:
    if not assessment.is_open:
        st.warning("This session is closed, so no new answers can be added.")
        st.stop()
    # The token is made before the click, so a double click or a retry joins only once.
    pending = st.session_state.setdefault("pending_token", new_resume_code())
    with st.form("join_form"):
        perspective = st.radio(
            "Which point of view are you answering from?",
            offered,
            index=None,
            format_func=lambda pid: md(labels.get(pid, pid)),  # radio options are Markdown
        )
        start = st.form_submit_button("Start", type="primary")
    if start and perspective is None:
        st.error("Choose the point of view you are answering from, then press Start.")
    elif start and perspective is not None:
        try:
            joined = join(engine(), assessment, perspective, token=pending)
        except ProjectError as error:
            show_error(error)
            st.stop()
        # This device may be handed to the next person: the next Start must make a new respondent.
        forget_respondent()
        st.query_params["r"] = joined.token
        st.rerun()
    st.stop()

if respondent.submitted_at is not None:
    st.success("Thank you: your answers are in.")
    if assessment.is_workshop:
        st.markdown("Watch the facilitator's screen: the group's results appear there once enough people have answered.")
    else:
        st.page_link("views/results.py", label="See the team's results", query_params=session_link(assessment))
    # "You said, we did": the same code opens their answers and, later, what came of the session.
    st.markdown(f"Your code is **{md(resume_code(respondent.token))}**. Keep it: with it you can come back to see your answers "
                "(or delete them) and, once the results are shared, what the group found and what the team does "
                "about it.")
    st.page_link("views/mine.py", label="Your answers and what came of them", icon=":material/person:",
                 query_params={"r": respondent.token, **({"er": "1"} if st.query_params.get("er") == "1" else {})})
    if assessment.is_open and st.button("Someone else wants to answer on this device"):
        forget_respondent()
        del st.query_params["r"]
        st.rerun()
    st.stop()

saved = stored_answers(respondent)  # every step, the progress and the review are drawn from this
st.info(
    f"Your resume code is **{md(resume_code(respondent.token))}**. Answers save as you go: "
    "keep this page's address, or write the code down, to come back later. After you send them, the same code "
    "shows what came of it."
)
if "easy_read" not in st.session_state:
    # Kept in the address too, so a reload or the resume link opens in the same reading mode.
    st.session_state["easy_read"] = st.query_params.get("er") == "1"
easy_read = st.toggle("Easy Read", key="easy_read", help="Shorter sentences in plain words.")
if easy_read:
    st.query_params["er"] = "1"
elif "er" in st.query_params:
    del st.query_params["er"]

steps = len(bank.principles)
if STEP not in st.session_state:
    # Coming back: open the first principle that still has an unanswered statement.
    st.session_state[STEP] = first_open_step(bank, saved)
step = min(max(int(st.session_state.get(STEP, 0)), 0), steps)
total = len(bank.statements)
done = answered_count(saved, bank.statements)
where = f"step {step + 1} of {steps}" if step < steps else "review and send"
st.progress(done / total if total else 0.0, text=f"{done} of {total} statements answered · {where}")

if step < steps:
    principle = bank.principles[step]
    first = 1 + sum(len(p.statements) for p in bank.principles[:step])
    render_principle(bank, principle, respondent, easy_read, first, saved)
    back, forward = st.columns(2)
    back.button("Back", disabled=step == 0, width="stretch", on_click=move_to, args=(step - 1,))
    forward.button("Next" if step < steps - 1 else "Review", type="primary", width="stretch", on_click=move_to,
                   args=(step + 1,))
    scroll_to_top_after_move()
    st.stop()

st.header("Review and send")
missing = total - done
waiting = unsaved_count()
if waiting:
    st.error(f"{waiting} {'answer is' if waiting == 1 else 'answers are'} not saved yet: go Back to the step "
             "marked \"not saved yet\" and press Try again.")
if missing:
    st.warning(f"{missing} {'statement has' if missing == 1 else 'statements have'} no answer yet. You can still send: they are left out of the scores.")
else:
    st.success("Every statement has an answer.")
back, send = st.columns(2)
back.button("Back", width="stretch", on_click=move_to, args=(steps - 1,))
scroll_to_top_after_move()
if send.button("Send my answers", type="primary", width="stretch"):
    try:
        send_answers(engine(), respondent.id)
    except ProjectError as error:
        show_error(error, "Your answers could not be sent")
        st.stop()
    st.rerun()
