"""Type in paper answers: a facilitator enters one person's paper pack at a time, statement by statement."""

from __future__ import annotations

import uuid
from typing import Any

import streamlit as st

from domain.records import Answer
from questions.errors import ProjectError
from services.paper import enter_paper_response, paper_responses
from ui.access import assessment_from_query, session_link
from ui.context import bank_for, engine, md, show_error
from ui.paper import paper_pack_downloads

NO_ANSWER = "No answer"
DONT_KNOW = "?"  # an option of its own: a radio's None means nothing chosen

st.title("Type in paper answers")
assessment = assessment_from_query("Open this page from the facilitator view of a workshop.", workshop_only=True)
bank = bank_for(assessment)
st.caption(f"{md(assessment.title)} · {md(bank.title)} version {md(bank.version)}")
st.page_link("views/facilitate.py", label="Back to the facilitator view", query_params=session_link(assessment))
paper_pack_downloads(assessment)

STATE = f"paper_entry_{assessment.id}"
statements = bank.statements
levels = [level.value for level in bank.scale.levels]
now_options: list[Any] = [NO_ANSWER, *levels, DONT_KNOW]
aim_options: list[Any] = [NO_ANSWER, *levels]


def _entry() -> dict[str, Any]:
    """The paper pack being typed in: its id, the step, and what has been typed so far (by statement id)."""
    entry: dict[str, Any] | None = st.session_state.get(STATE)
    if entry is None:
        entry = {"id": uuid.uuid4().hex, "step": 0, "answers": {}}
        st.session_state[STATE] = entry
    return entry


def _now_label(value: Any) -> str:
    if value == NO_ANSWER:
        return "No answer (left blank)"
    if value == DONT_KNOW:
        return f"? {bank.scale.dont_know()}"
    return f"{value}: {bank.scale.label(int(value))}"


def _aim_label(value: Any) -> str:
    return "No aim ticked" if value == NO_ANSWER else f"{value}: {bank.scale.label(int(value))}"


def _keep(entry: dict[str, Any], statement_id: str) -> None:
    """Copy this statement's widgets into the entry (the widgets go when the step changes)."""
    key = f"{entry['id']}_{statement_id}"
    entry["answers"][statement_id] = (st.session_state.get(f"now_{key}", NO_ANSWER),
                                      st.session_state.get(f"aim_{key}", NO_ANSWER),
                                      str(st.session_state.get(f"comment_{key}", "")))


def _move(entry: dict[str, Any], statement_id: str | None, step: int) -> None:
    """Keep what was typed on this statement (None on the last screen, which has none), then go to another step."""
    if statement_id is not None:
        _keep(entry, statement_id)
    entry["step"] = max(0, min(len(statements), step))


entry = _entry()
saved = st.session_state.pop(f"{STATE}_saved", None)
if saved is not None:
    st.success(f"Saved {saved} answers from paper. The form is ready for the next person's pack.")
typed = paper_responses(engine(), assessment)
st.write(f"{typed} paper {'response' if typed == 1 else 'responses'} typed in so far. "
         "Type in one person's pack at a time; their answers count once you save them.")
if not assessment.is_open:
    st.warning("This session is closed: reopen it from the facilitator view to type in paper answers.")
    st.stop()

perspectives = {p.id: p.label for p in bank.perspectives if not assessment.perspectives or p.id in assessment.perspectives}
perspective = st.selectbox("Their perspective (ticked on the cover)", list(perspectives),
                           format_func=lambda pid: perspectives[pid], key=f"perspective_{entry['id']}")

step = int(entry["step"])
if step < len(statements):
    statement = statements[step]
    st.progress(step / len(statements), text=f"Statement {step + 1} of {len(statements)}")
    principle = bank.principle_of(statement.id)
    st.subheader(f"Statement {step + 1} · {md(principle.name)}")
    st.markdown(f"**From:** {md(statement.from_text)}")
    st.markdown(f"**To:** {md(statement.to_text)}")
    now, aim, comment = entry["answers"].get(statement.id, (NO_ANSWER, NO_ANSWER, ""))
    key = f"{entry['id']}_{statement.id}"
    st.radio("Now (the box ticked)", now_options, index=now_options.index(now), format_func=_now_label,
             key=f"now_{key}")
    st.radio("Aim (the box ticked)", aim_options, index=aim_options.index(aim), format_func=_aim_label,
             key=f"aim_{key}", horizontal=True)
    st.text_area("Comment written on the pack", value=comment, key=f"comment_{key}")
    back, forward = st.columns(2)
    back.button("Back", disabled=step == 0, on_click=_move, args=(entry, statement.id, step - 1),
                key=f"back_{key}")
    forward.button("Next", type="primary", on_click=_move, args=(entry, statement.id, step + 1),
                   key=f"next_{key}")
else:
    given = {sid: value for sid, value in entry["answers"].items() if value[0] != NO_ANSWER}
    st.subheader("Check and save")
    st.write(f"{len(given)} of {len(statements)} statements have a Now box ticked.")
    unticked = [sid for sid, value in entry["answers"].items() if value[0] == NO_ANSWER and value[2].strip()]
    if unticked:
        st.caption(f"{len(unticked)} comments belong to statements with no Now box ticked: tick ? (don't know) "
                   "there to keep them.")
    back, save = st.columns(2)
    back.button("Back", on_click=_move, args=(entry, None, len(statements) - 1),
                key=f"back_{entry['id']}_end")
    if save.button("Save this person's answers", type="primary", key=f"save_{entry['id']}"):
        answers = {sid: Answer(sid, None if now == DONT_KNOW else int(now),
                               None if aim == NO_ANSWER else int(aim), comment.strip())
                   for sid, (now, aim, comment) in given.items()}
        if not answers:
            st.error("No statement has a Now box ticked: there is nothing to save.")
        else:
            try:
                enter_paper_response(engine(), assessment, perspective, answers, entry["id"])
            except ProjectError as error:
                show_error(error, "The answers were not saved")
            else:
                del st.session_state[STATE]
                st.session_state[f"{STATE}_saved"] = len(answers)
                st.rerun()
