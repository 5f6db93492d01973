"""Easy Read drawing helpers: larger type and spacing, a statement's picture, and the form's wording."""

from __future__ import annotations

import string
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st

from i18n import N_, _
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
[data-testid="stMain"] :is(p, li, label) { text-align: start; font-style: normal; }
</style>"""


@dataclass(frozen=True)
class Wording:
    """One piece of interface text in its standard and Easy Read forms (plain text: show it with md())."""

    standard: str
    easy: str

    def text(self, easy_read: bool = False, **values: object) -> str:
        """The text for this reading mode, with {placeholders} filled in from values."""
        return _(self.easy if easy_read else self.standard).format(**values)

    def fields(self) -> set[str]:
        """The {placeholder} names of the standard form."""
        return {name for _, name, _, _ in string.Formatter().parse(self.standard) if name}


# Every string a participant reads in the answering form (views/assess.py and ui/answering.py as of
# issue 12), keyed by what it is for. The standard forms are today's wording, unchanged (Markdown bold
# left out), so wiring them in changes nothing in standard mode; only "how_to_answer" is new.
WORDS: dict[str, Wording] = {
    # Joining (views/assess.py)
    "page_title": Wording(N_("Rate your practice"), N_("How well do we work together?")),
    "enter_code": Wording(N_("Enter the code you were given by your team or facilitator. "
                          "Your answers are private: nobody sees them with your name."),
                          N_("Type in the code you were given. Your answers are private. "
                          "Nobody will see your name with them.")),
    "join_code": Wording(N_("Join code"), N_("Your code")),
    "join_code_example": Wording(N_("e.g. ABCDE-23456"), N_("For example ABCDE-23456")),
    "join": Wording(N_("Join"), N_("Go")),
    "no_such_code": Wording(N_("No assessment has the code {code}. Check the code and try again."),
                            N_("We cannot find the code {code}. Check the code. Then try again.")),
    "another_code": Wording(N_("Enter another code"), N_("Type a different code")),
    "session_caption": Wording(N_("{session} · {bank} (version {version})"), N_("{session} · {bank}")),
    "closed": Wording(N_("This session is closed, so no new answers can be added."),
                      N_("This session has ended. You cannot add answers now.")),
    "which_perspective": Wording(N_("Which point of view are you answering from?"), N_("Which of these is you?")),
    "start": Wording(N_("Start"), N_("Start")),
    "choose_perspective": Wording(N_("Choose the point of view you are answering from, then press Start."),
                                  N_("Choose who you are. Then press Start.")),
    "error_title": Wording(N_("That did not work"), N_("Something went wrong")),
    # Answering (views/assess.py)
    "resume_code": Wording(N_("Your resume code is {code}. Answers save as you go: "
                           "keep this page's address to come back later."),
                           N_("Your code is {code}. Keep it to come back later. "
                           "We save your answers as you go.")),
    "easy_read_toggle": Wording(N_("Easy Read"), N_("Easy Read")),
    "easy_read_help": Wording(N_("Shorter sentences in plain words."), N_("Short sentences and pictures.")),
    "how_to_answer": Wording(N_("For each pair, choose where your practice is now, from the From statement "
                             "to the To statement."),
                             N_("Each question has an old way and a new way. "
                             "The new way means working together as equals. "
                             "Choose the answer that fits best.")),
    "progress": Wording(N_("{done} of {total} statements answered"), N_("You have answered {done} of {total} questions.")),
    "step": Wording(N_("step {step} of {steps}"), N_("This is page {step} of {steps}.")),
    "review_step": Wording(N_("review and send"), N_("Now check and send.")),
    "back": Wording(N_("Back"), N_("Go back")),
    "next": Wording(N_("Next"), N_("Next page")),
    "review": Wording(N_("Review"), N_("Check my answers")),
    # Reviewing and sending (views/assess.py)
    "review_heading": Wording(N_("Review and send"), N_("Check and send your answers")),
    "missing_one": Wording(N_("{missing} statement has no answer yet. You can still send: they are left out of "
                           "the scores."), N_("{missing} question has no answer. You can still send your answers.")),
    "missing_many": Wording(N_("{missing} statements have no answer yet. You can still send: they are left out of "
                            "the scores."), N_("{missing} questions have no answer. You can still send your answers.")),
    "all_answered": Wording(N_("Every statement has an answer."), N_("You answered every question.")),
    "send": Wording(N_("Send my answers"), N_("Send my answers")),
    "not_sent": Wording(N_("Your answers could not be sent"), N_("We could not send your answers")),
    # After sending (views/assess.py)
    "thanks": Wording(N_("Thank you: your answers are in."), N_("Thank you. We have your answers.")),
    "watch_screen": Wording(N_("Watch the facilitator's screen: the group's results appear there once enough "
                            "people have answered."),
                            N_("Look at the main screen. The group's answers will show there. "
                            "They show when enough people have answered.")),
    "see_results": Wording(N_("See the team's results"), N_("See what the team said")),
    "someone_else": Wording(N_("Someone else wants to answer on this device"), N_("Someone else wants to answer here")),
    # One statement (ui/answering.py)
    "statement_number": Wording(N_("Statement {number}"), N_("Question {number}")),
    "from_heading": Wording(N_("From (traditional)"), N_("The old way")),
    "to_heading": Wording(N_("To (co-produced)"), N_("The new way")),
    "now_question": Wording(N_("Where is your practice now?"), N_("How are things now?")),
    "target_expander": Wording(N_("Add a target or a comment (optional)"), N_("Say more if you want to")),
    "target_question": Wording(N_("Where do you want to be?"), N_("How do you want things to be?")),
    "no_target": Wording(N_("No target"), N_("Skip this")),
    "comment": Wording(N_("Comment"), N_("Anything else you want to say")),
    "comment_help": Wording(N_("Saved with your answer. Comments are never shown with your name."),
                            N_("We save this with your answer. Nobody will see your name with it.")),
    "not_saved": Wording(N_("Your last answer was not saved"), N_("We could not save your last answer")),
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
    return _("Picture: {alt}").format(alt=PICTURES[statement.picture].alt) if statement.picture in PICTURES else None


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
