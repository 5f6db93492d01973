"""Easy Read drawing helpers: larger type and spacing, a statement's picture, and the form's wording."""

from __future__ import annotations

import string
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st

from questions.pictograms import ATTRIBUTION, PICTURES, picture_svg
from questions.schema import Statement

PICTURE_SIZE = 80  # px: big enough to recognise on a 390 px phone, leaving room for the sentences beside it

# Scoped to the main area so the navigation keeps its usual size. Sizes in rem follow the reader's
# browser font setting; line height and gaps follow common Easy Read advice (1.5 or more, clear gaps).
_STYLE = """<style>
[data-testid="stMain"] [data-testid="stMarkdownContainer"] :is(p, li) { font-size: 1.25rem; line-height: 1.6; }
[data-testid="stMain"] [data-testid="stCaptionContainer"] { color: inherit; opacity: 1; }
[data-testid="stMain"] [data-testid="stCaptionContainer"] :is(p, li) { font-size: 1.1rem; line-height: 1.6; }
[data-testid="stMain"] [data-testid="stWidgetLabel"] p { font-size: 1.25rem; font-weight: 600; line-height: 1.5; }
[data-testid="stMain"] [data-testid="stRadio"] [role="radiogroup"] { gap: 0.75rem; }
[data-testid="stMain"] [data-testid="stRadio"] [role="radiogroup"] label p { font-size: 1.2rem; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { row-gap: 1.25rem; }
[data-testid="stMain"] button { min-height: 3rem; }
[data-testid="stMain"] button p { font-size: 1.2rem; }
[data-testid="stMain"] h1 { font-size: 2rem; line-height: 1.3; }
[data-testid="stMain"] h2 { font-size: 1.6rem; line-height: 1.3; }
[data-testid="stMain"] :is(p, li, label) { text-align: left; font-style: normal; }
</style>"""


@dataclass(frozen=True)
class Wording:
    """One piece of interface text in its standard and Easy Read forms (plain text: show it with md())."""

    standard: str
    easy: str

    def text(self, easy_read: bool = False, **values: object) -> str:
        """The text for this reading mode, with {placeholders} filled in from values."""
        return (self.easy if easy_read else self.standard).format(**values)

    def fields(self) -> set[str]:
        """The {placeholder} names of the standard form."""
        return {name for _, name, _, _ in string.Formatter().parse(self.standard) if name}


# Every string a participant reads in the answering form (views/assess.py and ui/answering.py as of
# issue 12), keyed by what it is for. The standard forms are today's wording, unchanged (Markdown bold
# left out), so wiring them in changes nothing in standard mode; only "how_to_answer" is new.
WORDS: dict[str, Wording] = {
    # Joining (views/assess.py)
    "page_title": Wording("Rate your practice", "How well do we work together?"),
    "enter_code": Wording("Enter the code you were given by your team or facilitator. "
                          "Your answers are private: nobody sees them with your name.",
                          "Type in the code you were given. Your answers are private. "
                          "Nobody will see your name with them."),
    "join_code": Wording("Join code", "Your code"),
    "join_code_example": Wording("e.g. ABCDE-23456", "For example ABCDE-23456"),
    "join": Wording("Join", "Go"),
    "no_such_code": Wording("No assessment has the code {code}. Check the code and try again.",
                            "We cannot find the code {code}. Check the code. Then try again."),
    "another_code": Wording("Enter another code", "Type a different code"),
    "session_caption": Wording("{session} · {bank} (version {version})", "{session} · {bank}"),
    "closed": Wording("This session is closed, so no new answers can be added.",
                      "This session has ended. You cannot add answers now."),
    "which_perspective": Wording("Which point of view are you answering from?", "Which of these is you?"),
    "start": Wording("Start", "Start"),
    "choose_perspective": Wording("Choose the point of view you are answering from, then press Start.",
                                  "Choose who you are. Then press Start."),
    "error_title": Wording("That did not work", "Something went wrong"),
    # Answering (views/assess.py)
    "resume_code": Wording("Your resume code is {code}. Answers save as you go: "
                           "keep this page's address to come back later.",
                           "Your code is {code}. Keep it to come back later. "
                           "We save your answers as you go."),
    "easy_read_toggle": Wording("Easy Read", "Easy Read"),
    "easy_read_help": Wording("Shorter sentences in plain words.", "Short sentences and pictures."),
    "how_to_answer": Wording("For each pair, choose where your practice is now, from the From statement "
                             "to the To statement.",
                             "Each question has an old way and a new way. "
                             "The new way means working together as equals. "
                             "Choose the answer that fits best."),
    "progress": Wording("{done} of {total} statements answered", "You have answered {done} of {total} questions."),
    "step": Wording("step {step} of {steps}", "This is page {step} of {steps}."),
    "review_step": Wording("review and send", "Now check and send."),
    "back": Wording("Back", "Go back"),
    "next": Wording("Next", "Next page"),
    "review": Wording("Review", "Check my answers"),
    # Reviewing and sending (views/assess.py)
    "review_heading": Wording("Review and send", "Check and send your answers"),
    "missing_one": Wording("{missing} statement has no answer yet. You can still send: they are left out of "
                           "the scores.", "{missing} question has no answer. You can still send your answers."),
    "missing_many": Wording("{missing} statements have no answer yet. You can still send: they are left out of "
                            "the scores.", "{missing} questions have no answer. You can still send your answers."),
    "all_answered": Wording("Every statement has an answer.", "You answered every question."),
    "send": Wording("Send my answers", "Send my answers"),
    "not_sent": Wording("Your answers could not be sent", "We could not send your answers"),
    # After sending (views/assess.py)
    "thanks": Wording("Thank you: your answers are in.", "Thank you. We have your answers."),
    "watch_screen": Wording("Watch the facilitator's screen: the group's results appear there once enough "
                            "people have answered.",
                            "Look at the main screen. The group's answers will show there. "
                            "They show when enough people have answered."),
    "see_results": Wording("See the team's results", "See what the team said"),
    "someone_else": Wording("Someone else wants to answer on this device", "Someone else wants to answer here"),
    # One statement (ui/answering.py)
    "statement_number": Wording("Statement {number}", "Question {number}"),
    "from_heading": Wording("From (traditional)", "The old way"),
    "to_heading": Wording("To (co-produced)", "The new way"),
    "now_question": Wording("Where is your practice now?", "How are things now?"),
    "target_expander": Wording("Add a target or a comment (optional)", "Say more if you want to"),
    "target_question": Wording("Where do you want to be?", "How do you want things to be?"),
    "no_target": Wording("No target", "Skip this"),
    "comment": Wording("Comment", "Anything else you want to say"),
    "comment_help": Wording("Saved with your answer. Comments are never shown with your name.",
                            "We save this with your answer. Nobody will see your name with it."),
    "not_saved": Wording("Your last answer was not saved", "We could not save your last answer"),
}


def say(key: str, easy_read: bool = False, **values: object) -> str:
    """The wording for `key` in this reading mode (plain text: show it with md())."""
    return WORDS[key].text(easy_read, **values)


def progress_text(done: int, total: int, step: int, steps: int, easy_read: bool = False) -> str:
    """The progress bar's text: answered so far, and the step (1-based; step > steps means review and send)."""
    where = say("step", easy_read, step=step, steps=steps) if step <= steps else say("review_step", easy_read)
    # Standard: one line joined by a dot, as today. Easy Read: two whole sentences.
    return f"{say('progress', easy_read, done=done, total=total)}{' ' if easy_read else ' · '}{where}"


def easy_read_style() -> None:
    """Larger type, taller lines and more space between parts of the page, for this run of the page."""
    st.html(_STYLE)


def picture_alt(statement: Statement) -> str | None:
    """The alt text of a statement's picture, or None when it has none."""
    return f"Picture: {PICTURES[statement.picture].alt}" if statement.picture in PICTURES else None


def show_picture(statement: Statement, width: int = PICTURE_SIZE) -> None:
    """The statement's picture with its alt text (nothing when it has none)."""
    alt = picture_alt(statement)
    if statement.picture is None or alt is None:
        return
    # st.image shows the SVG as an <img> data URL: nothing in it can run, and its ids cannot clash.
    st.image(picture_svg(statement.picture), width=width, alt=alt)


@contextmanager
def beside_picture(statement: Statement, width: int = PICTURE_SIZE) -> Iterator[None]:
    """Draw what the block draws to the right of the statement's picture, side by side even on a phone."""
    if picture_alt(statement) is None:
        yield
        return
    with st.container(horizontal=True, wrap=False, vertical_alignment="center", gap="small"):
        show_picture(statement, width)
        with st.container():
            yield


def show_picture_credit() -> None:
    """The attribution the pictures' licence (CC BY-SA 4.0) asks for, once per page that shows them."""
    st.caption(ATTRIBUTION)
