"""The answering form: one principle per step, From/To pairs, each tap saved to storage.

Storage is the truth: every run draws the step's widgets, the progress and the review from what is
stored for the respondent (Streamlit drops the state of widgets a step does not draw, so state left
in the session goes stale). A tap shows as saved only once its write succeeded; a failed write keeps
the choice on screen, marked "not saved", with a way to try again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import streamlit as st

from domain.records import Answer, Respondent
from questions.errors import ProjectError
from questions.schema import Bank, Principle, Statement
from services.answering import save_answer, saved_answers
from ui.context import SOMETHING_WENT_WRONG, engine, md

DONT_KNOW = "dk"
NO_TARGET = "none"
STEP = "step"
_UNSAVED = "unsaved_answers"  # statement id -> what the person chose, whose write failed
_SCROLL = "scroll_to_step_top"  # set by Next/Back: the next run shows the top of the new step
_MOVES = "step_moves"
_PREFIXES = ("cur_", "tgt_", "com_", "more_", "retry_", "loaded_")

# One column, in scale order, on a phone: a wrapped row of six options reads as a 2x3 grid.
_PHONE_SCALE_CSS = """<style>
@media (max-width: 640px) {
  [data-testid="stRadio"] [role="radiogroup"] { flex-direction: column !important; flex-wrap: nowrap !important;
    align-items: flex-start !important; }
}
</style>"""


@dataclass(frozen=True)
class Unsaved:
    """A choice whose write failed: kept on screen for a retry, with why it failed."""

    current: object
    target: object
    comment: str
    problem: str


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


def _unsaved() -> dict[str, Unsaved]:
    held = st.session_state.get(_UNSAVED)
    if not isinstance(held, dict):
        held = {}
        st.session_state[_UNSAVED] = held
    return held


def forget_respondent() -> None:
    """Drop one person's answering state from this browser session (a shared device, a new person)."""
    for name in list(st.session_state.keys()):
        if isinstance(name, str) and (name in ("pending_token", STEP, _UNSAVED, _SCROLL, _MOVES)
                                      or name.startswith(_PREFIXES)):
            del st.session_state[name]


def stored_answers(respondent: Respondent) -> dict[str, Answer]:
    """What storage holds for this respondent now, by statement id."""
    return saved_answers(engine(), respondent.id)


def answered_count(saved: dict[str, Answer], statements: tuple[Statement, ...]) -> int:
    """How many of these statements have a stored answer (don't know counts as answered)."""
    return sum(1 for s in statements if s.id in saved)


def first_open_step(bank: Bank, saved: dict[str, Answer]) -> int:
    """The first principle that still has a statement without a stored answer (the review when none has)."""
    steps = len(bank.principles)
    return next((i for i, p in enumerate(bank.principles) if answered_count(saved, p.statements) < len(p.statements)),
                steps)


def move_to(step: int) -> None:
    """Next/Back callback: go to a step and show its top (a rerun alone keeps the old scroll position)."""
    st.session_state[STEP] = step
    st.session_state[_MOVES] = int(st.session_state.get(_MOVES, 0)) + 1
    st.session_state[_SCROLL] = True


def scroll_to_top_after_move() -> None:
    """After Next or Back, scroll Streamlit's main area (and the document) back to the top, once."""
    if not st.session_state.pop(_SCROLL, False):
        return
    moves = int(st.session_state.get(_MOVES, 0))
    # The move number makes each script new, so it runs once per move; it repeats briefly while the step lays out.
    st.html(
        f"<script>/* move {moves} */(() => {{ const top = () => {{"
        " const main = document.querySelector('[data-testid=\"stMain\"]');"
        " if (main) main.scrollTo({top: 0}); window.scrollTo(0, 0); };"
        " top(); requestAnimationFrame(top); setTimeout(top, 150); setTimeout(top, 400); })();</script>",
        unsafe_allow_javascript=True,
    )


def _show_stored(statement: Statement, answer: Answer | None) -> None:
    """Put what storage holds (or a choice whose write failed) into the statement's widgets before they are drawn."""
    cur_key, tgt_key, com_key = _keys(statement.id)
    failed = _unsaved().get(statement.id)
    if failed is not None:
        st.session_state[cur_key] = failed.current
        st.session_state[tgt_key] = failed.target
        st.session_state[com_key] = failed.comment
    elif answer is not None:
        st.session_state[cur_key] = DONT_KNOW if answer.current is None else answer.current
        st.session_state[tgt_key] = NO_TARGET if answer.target is None else answer.target
        st.session_state[com_key] = answer.comment
    else:
        # Nothing stored: no answer shown; a target or comment typed before answering waits on screen.
        st.session_state.pop(cur_key, None)
        st.session_state.setdefault(tgt_key, NO_TARGET)
        st.session_state.setdefault(com_key, "")


def _save(respondent_id: int, statement_id: str) -> None:
    """Widget callback: write this statement's answer to storage; a failure is kept and shown, never raised.

    Callbacks run before the page script, outside app.py's guard: an exception here would show
    Streamlit's raw error page, so every failure becomes the same calm message the pages give.
    """
    cur_key, tgt_key, com_key = _keys(statement_id)
    current = st.session_state.get(cur_key)
    if current is None:
        return  # nothing chosen yet: a target or comment alone waits for an answer
    target = st.session_state.get(tgt_key, NO_TARGET)
    comment = str(st.session_state.get(com_key, "") or "")
    try:
        save_answer(
            engine(),
            respondent_id,
            statement_id,
            None if current == DONT_KNOW else int(str(current)),
            None if target == NO_TARGET else int(str(target)),
            comment,
        )
    except ProjectError as error:
        lines = [str(problem) for problem in error.problems] or [str(error)]
        _unsaved()[statement_id] = Unsaved(current, target, comment, "\n".join(lines))
    except Exception:  # a locked or full database, a lost connection: logged, and said calmly
        logging.getLogger("coproduction").exception("An answer could not be saved")
        _unsaved()[statement_id] = Unsaved(current, target, comment, SOMETHING_WENT_WRONG)
    else:
        _unsaved().pop(statement_id, None)


def render_statement(bank: Bank, statement: Statement, number: int, respondent: Respondent, easy_read: bool,
                     answer: Answer | None) -> None:
    """One From/To pair with its answer, target and comment; every widget is keyed by the statement's id."""
    _show_stored(statement, answer)
    cur_key, tgt_key, com_key = _keys(statement.id)
    from_text, to_text = statement.texts(easy_read)
    with st.container(border=True, key=f"statement_{statement.id}"):
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
        failed = _unsaved().get(statement.id)
        if failed is not None:
            st.error(f"**Your answer to statement {number} is not saved yet.** Your choice is kept here: "
                     f"press Try again.\n\n{md(failed.problem)}")
            st.button("Try again", key=f"retry_{statement.id}", on_click=_save, args=(respondent.id, statement.id))
        elif answer is not None:
            st.caption("Saved")
        has_more = answer is not None and (answer.target is not None or bool(answer.comment))
        # Keyed by statement: Streamlit would otherwise carry an open panel to whatever sits in its place next step.
        with st.expander("Add a target or a comment (optional)", expanded=has_more, key=f"more_{statement.id}"):
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


def render_principle(bank: Bank, principle: Principle, respondent: Respondent, easy_read: bool, first_number: int,
                     saved: dict[str, Answer]) -> None:
    """A step of the form: the principle's explanation and its statements, drawn from what is stored."""
    st.html(_PHONE_SCALE_CSS)
    st.header(md(principle.name))
    st.markdown(md(principle.definition))
    if principle.guidance:
        st.caption(md(principle.guidance))
    for offset, statement in enumerate(principle.statements):
        render_statement(bank, statement, first_number + offset, respondent, easy_read, saved.get(statement.id))


def unsaved_count() -> int:
    """How many choices on this device are waiting for a successful save."""
    return len(_unsaved())
