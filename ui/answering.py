"""The answering form: one principle per step, From/To pairs, autosaved to storage."""

from __future__ import annotations

import streamlit as st

from domain.records import Respondent
from questions.errors import ProjectError
from questions.schema import Bank, Principle, Statement
from services.answering import save_answer, saved_answers
from ui.context import engine, md, show_error

DONT_KNOW = "dk"
NO_TARGET = "none"


def _level_label(bank: Bank, value: object) -> str:
    """Short label for a radio option."""
    if value == DONT_KNOW:
        return md(bank.scale.dont_know_label)  # radio options are Markdown: bank text must read literally
    if value == NO_TARGET:
        return "No target"
    levels = {level.value: level.label for level in bank.scale.levels}
    return f"{value} · {md(levels[int(str(value))])}"


def _keys(statement_id: str) -> tuple[str, str, str]:
    return f"cur_{statement_id}", f"tgt_{statement_id}", f"com_{statement_id}"


def forget_respondent() -> None:
    """Drop one person's answering state from this browser session (a shared device, a new person)."""
    for name in list(st.session_state.keys()):
        if isinstance(name, str) and (name in ("pending_token", "step")
                                      or name.startswith(("cur_", "tgt_", "com_", "loaded_"))):
            del st.session_state[name]


def load_into_state(respondent: Respondent, bank: Bank) -> None:
    """Put saved answers into the widgets once per respondent, so a reload resumes."""
    marker = f"loaded_{respondent.token}"
    if st.session_state.get(marker):
        return
    saved = saved_answers(engine(), respondent.id)
    for statement in bank.statements:
        cur_key, tgt_key, com_key = _keys(statement.id)
        answer = saved.get(statement.id)
        if answer is None:
            st.session_state.pop(cur_key, None)
            st.session_state[tgt_key] = NO_TARGET
            st.session_state[com_key] = ""
            continue
        st.session_state[cur_key] = DONT_KNOW if answer.current is None else answer.current
        st.session_state[tgt_key] = NO_TARGET if answer.target is None else answer.target
        st.session_state[com_key] = answer.comment
    st.session_state[marker] = True


def _save(respondent_id: int, statement_id: str) -> None:
    """Widget callback: write this statement's answer straight to storage."""
    cur_key, tgt_key, com_key = _keys(statement_id)
    current = st.session_state.get(cur_key)
    if current is None:
        return  # nothing chosen yet: a target or comment alone waits for an answer
    target = st.session_state.get(tgt_key, NO_TARGET)
    try:
        save_answer(
            engine(),
            respondent_id,
            statement_id,
            None if current == DONT_KNOW else int(current),
            None if target == NO_TARGET else int(target),
            st.session_state.get(com_key, "") or "",
        )
    except ProjectError as error:
        st.session_state["save_error"] = error


def answered_count(bank: Bank, statements: tuple[Statement, ...] | None = None) -> int:
    """How many statements have an answer (don't know counts as answered) in this session."""
    chosen = statements if statements is not None else bank.statements
    return sum(1 for s in chosen if st.session_state.get(_keys(s.id)[0]) is not None)


def render_statement(bank: Bank, statement: Statement, number: int, respondent: Respondent, easy_read: bool) -> None:
    """One From/To pair with its answer, target and comment."""
    cur_key, tgt_key, com_key = _keys(statement.id)
    from_text, to_text = statement.texts(easy_read)
    with st.container(border=True):
        st.markdown(f"**Statement {number}**")
        left, right = st.columns(2)
        left.markdown(f"**From** (traditional)\n\n{md(from_text)}")
        right.markdown(f"**To** (co-produced)\n\n{md(to_text)}")
        options: list[object] = [level.value for level in bank.scale.levels] + [DONT_KNOW]
        st.radio(
            "Where is your practice now?",
            options,
            index=None,
            key=cur_key,
            horizontal=True,
            format_func=lambda value: _level_label(bank, value),
            on_change=_save,
            args=(respondent.id, statement.id),
        )
        with st.expander("Add a target or a comment (optional)"):
            st.radio(
                "Where do you want to be?",
                [NO_TARGET] + [level.value for level in bank.scale.levels],
                key=tgt_key,
                horizontal=True,
                format_func=lambda value: _level_label(bank, value),
                on_change=_save,
                args=(respondent.id, statement.id),
            )
            st.text_area(
                "Comment",
                key=com_key,
                max_chars=10_000,
                on_change=_save,
                args=(respondent.id, statement.id),
                help="Saved with your answer. Comments are never shown with your name.",
            )


def render_principle(bank: Bank, principle: Principle, respondent: Respondent, easy_read: bool, first_number: int) -> None:
    """A step of the form: the principle's explanation and its statements."""
    st.header(md(principle.name))
    st.markdown(md(principle.definition))
    if principle.guidance:
        st.caption(md(principle.guidance))
    for offset, statement in enumerate(principle.statements):
        render_statement(bank, statement, first_number + offset, respondent, easy_read)
    error = st.session_state.pop("save_error", None)
    if error is not None:
        show_error(error, "Your last answer was not saved")
