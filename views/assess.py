"""Answer an assessment: join with a code, pick a perspective, rate step by step."""

from __future__ import annotations

import streamlit as st

from i18n import _, current_language, format_number, ngettext
from questions.errors import ProjectError
from services.answering import join, language_of, new_resume_code, remember_language, resume_code
from services.answering import respondent as respondent_by_token
from services.answering import send as send_answers
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
from ui.language import apply_direction, language_picker
from ui.language import follow as follow_language
from ui.navigation import mark_participant

language_picker("participant", where="main")
apply_direction()
st.title(_("Rate your practice"))

code = st.query_params.get("code", "")
if not code:
    st.markdown(_(
        "Enter the code you were given by your team or facilitator. "
        "Your answers are private: nobody sees them with your name. "
        "Coming back? Enter your resume code here instead."
    ))
    with st.form("code_form"):
        typed = st.text_input(_("Join code"), placeholder=_("e.g. ABCDE-23456"))
        go = st.form_submit_button(_("Join"), type="primary")
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
    st.error(_("No assessment has the code {code}. Check the code and try again.").format(code=md(code)))
    if st.button(_("Enter another code")):
        st.query_params.clear()
        st.rerun()
    st.stop()

if mark_participant():
    st.rerun()  # redraw the menu without the facilitator's pages
bank = bank_for(assessment, current_language())  # the texts in the reader's language; ids and scores the same
st.caption(_("{session} · {bank} (version {version})").format(
    session=md(assessment.title), bank=md(bank.title), version=md(bank.version)))
labels = {p.id: p.label for p in bank.perspectives}
offered = assessment.perspectives or tuple(labels)

token = st.query_params.get("r")
respondent = respondent_by_token(engine(), token)
if respondent is not None and respondent.assessment_id != assessment.id:
    respondent = None
if respondent is not None:
    # The language goes with the resume code: another device opens in it, unless this one picked its own.
    follow_language(language_of(respondent), respondent.token)
    respondent = remember_language(engine(), respondent, current_language())

if respondent is None:
    if not assessment.is_open:
        st.warning(_("This session is closed, so no new answers can be added."))
        st.stop()
    # The token is made before the click, so a double click or a retry joins only once.
    pending = st.session_state.setdefault("pending_token", new_resume_code())
    with st.form("join_form"):
        perspective = st.radio(
            _("Which point of view are you answering from?"),
            offered,
            index=None,
            format_func=lambda pid: md(labels.get(pid, pid)),  # radio options are Markdown
        )
        start = st.form_submit_button(_("Start"), type="primary")
    if start and perspective is None:
        st.error(_("Choose the point of view you are answering from, then press Start."))
    elif start and perspective is not None:
        try:
            joined = join(engine(), assessment, perspective, token=pending, language=current_language())
        except ProjectError as error:
            show_error(error)
            st.stop()
        # This device may be handed to the next person: the next Start must make a new respondent.
        forget_respondent()
        st.query_params["r"] = joined.token
        st.rerun()
    st.stop()

if respondent.submitted_at is not None:
    st.success(_("Thank you: your answers are in."))
    if assessment.is_workshop:
        st.markdown(_("Watch the facilitator's screen: the group's results appear there once enough people have "
                      "answered."))
    else:
        st.page_link("views/results.py", label=_("See the team's results"), query_params=session_link(assessment))
    # "You said, we did": the same code opens their answers and, later, what came of the session.
    st.markdown(_("Your code is **{code}**. Keep it: with it you can come back to see your answers (or delete them) "
                  "and, once the results are shared, what the group found and what the team does about it.").format(
        code=md(resume_code(respondent.token))))
    st.page_link("views/mine.py", label=_("Your answers and what came of them"), icon=":material/person:",
                 query_params={"r": respondent.token, **({"er": "1"} if st.query_params.get("er") == "1" else {})})
    if assessment.is_open and st.button(_("Someone else wants to answer on this device")):
        forget_respondent()
        del st.query_params["r"]
        st.rerun()
    st.stop()

if not assessment.is_open:
    # Closed while this person was answering (the watcher below reruns the page at once): nothing more can be
    # added or sent, and what they saved stays with their code.
    st.warning(_("This session has been closed, so no more answers can be added or sent. The answers you saved "
                 "are kept: your code still shows them."))
    st.page_link("views/mine.py", label=_("Your answers and what came of them"), icon=":material/person:",
                 query_params={"r": respondent.token})
    st.stop()


@st.fragment(run_every=5)
def _watch_for_closing(assessment_id: int) -> None:
    """Every few seconds, without a tap: when the facilitator closes the session, redraw the page as closed."""
    current = get_session(engine(), assessment_id)
    if current is not None and not current.is_open:
        st.rerun(scope="app")


_watch_for_closing(assessment.id)
saved = stored_answers(respondent)  # every step, the progress and the review are drawn from this
st.info(_(
    "Your resume code is **{code}**. Answers save as you go: keep this page's address, or write the code down, "
    "to come back later. After you send them, the same code shows what came of it."
).format(code=md(resume_code(respondent.token))))
if "easy_read" not in st.session_state:
    # Kept in the address too, so a reload or the resume link opens in the same reading mode.
    st.session_state["easy_read"] = st.query_params.get("er") == "1"
easy_read = st.toggle(_("Easy Read"), key="easy_read", help=_("Shorter sentences in plain words."))
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
where = (_("step {step} of {steps}").format(step=format_number(step + 1), steps=format_number(steps))
         if step < steps else _("review and send"))
st.progress(done / total if total else 0.0, text=_("{done} of {total} statements answered · {where}").format(
    done=format_number(done), total=format_number(total), where=where))

if step < steps:
    principle = bank.principles[step]
    first = 1 + sum(len(p.statements) for p in bank.principles[:step])
    render_principle(bank, principle, respondent, easy_read, first, saved)
    back, forward = st.columns(2)
    back.button(_("Back"), disabled=step == 0, width="stretch", on_click=move_to, args=(step - 1,))
    forward.button(_("Next") if step < steps - 1 else _("Review"), type="primary", width="stretch", on_click=move_to,
                   args=(step + 1,))
    scroll_to_top_after_move()
    st.stop()

st.header(_("Review and send"))
missing = total - done
waiting = unsaved_count()
if waiting:
    st.error(ngettext(
        "{waiting} answer is not saved yet: go Back to the step marked \"not saved yet\" and press Try again.",
        "{waiting} answers are not saved yet: go Back to the step marked \"not saved yet\" and press Try again.",
        waiting,
    ).format(waiting=format_number(waiting)))
if missing:
    st.warning(ngettext(
        "{missing} statement has no answer yet. You can still send: they are left out of the scores.",
        "{missing} statements have no answer yet. You can still send: they are left out of the scores.",
        missing,
    ).format(missing=format_number(missing)))
else:
    st.success(_("Every statement has an answer."))
back, send = st.columns(2)
back.button(_("Back"), width="stretch", on_click=move_to, args=(steps - 1,))
scroll_to_top_after_move()
if send.button(_("Send my answers"), type="primary", width="stretch"):
    try:
        send_answers(engine(), respondent.id)
    except ProjectError as error:
        show_error(error, _("Your answers could not be sent"))
        st.stop()
    st.rerun()
