"""Easy Read helpers: the interface wording in both forms, the style sheet and a statement's picture."""

from __future__ import annotations

import base64
import re
import string
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from questions.pictograms import picture_svg
from questions.schema import Statement
from ui.easy_read import WORDS, picture_alt, progress_text, say

ROOT = Path(__file__).resolve().parents[2]
MAX_SENTENCE_WORDS = 15
# What the answering form showed when Easy Read was added (views/assess.py and ui/answering.py),
# with sample values: each must be the standard form of some wording, so nothing is left untranslated.
CURRENT_FORM = [
    "Rate your practice", "Enter the code you were given by your team or facilitator. Your answers are private: "
    "nobody sees them with your name.", "Join code", "e.g. ABCDE-23456", "Join",
    "No assessment has the code X1. Check the code and try again.", "Enter another code",
    "This session is closed, so no new answers can be added.", "Which point of view are you answering from?",
    "Start", "Choose the point of view you are answering from, then press Start.", "That did not work",
    "Thank you: your answers are in.", "Watch the facilitator's screen: the group's results appear there once "
    "enough people have answered.", "See the team's results", "Someone else wants to answer on this device",
    "Your resume code is X1. Answers save as you go: keep this page's address to come back later.",
    "Easy Read", "Shorter sentences in plain words.", "3 of 36 statements answered", "step 2 of 6",
    "review and send", "Back", "Next", "Review", "Review and send",
    "1 statement has no answer yet. You can still send: they are left out of the scores.",
    "4 statements have no answer yet. You can still send: they are left out of the scores.",
    "Every statement has an answer.", "Send my answers", "Your answers could not be sent", "No target",
    "Statement 7", "From (traditional)", "To (co-produced)", "Where is your practice now?",
    "Add a target or a comment (optional)", "Where do you want to be?", "Comment",
    "Saved with your answer. Comments are never shown with your name.", "Your last answer was not saved",
    "Spring · Co-production self-reflection (quick) (version 1.1)",
]
SAMPLE = {"code": "X1", "done": 3, "total": 36, "step": 2, "steps": 6, "missing": 4, "number": 7,
          "session": "Spring", "bank": "Co-production self-reflection (quick)", "version": "1.1"}
# Words a participant may not know; the Easy Read forms use everyday words instead.
HARD_WORDS = ("facilitator", "assessment", "perspective", "practice", "statement", "resume", "target",
              "co-produced", "traditional", "applicable", "optional")


def _fields(text: str) -> set[str]:
    """The {placeholder} names in a template."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _sentences(text: str) -> list[str]:
    """Sentences, split after '.', '?' or '!'."""
    return [part for part in re.split(r"(?<=[.?!])\s+", text.strip()) if part]


def test_words_every_key_has_both_forms() -> None:
    assert len(WORDS) >= 40
    for key, wording in WORDS.items():
        assert wording.standard.strip() == wording.standard and wording.standard, key
        assert wording.easy.strip() == wording.easy and wording.easy, key


@pytest.mark.parametrize("key", sorted(WORDS))
def test_words_easy_form_has_short_sentences_in_everyday_words(key: str) -> None:
    easy = WORDS[key].text(True, **{name: "X" for name in _fields(WORDS[key].easy)})
    for sentence in _sentences(easy):
        assert len(re.findall(r"[\w'-]+", sentence)) <= MAX_SENTENCE_WORDS, sentence
    assert [word for word in HARD_WORDS if word in easy.lower()] == []


def test_words_easy_form_fills_in_only_values_the_standard_form_has() -> None:
    for key, wording in WORDS.items():
        assert _fields(wording.easy) <= wording.fields() == _fields(wording.standard), key
        values = {name: f"<{name}>" for name in wording.fields()}
        assert all(f"<{name}>" in wording.text(False, **values) for name in wording.fields()), key


def test_words_cover_every_string_of_the_current_form() -> None:
    standard = {WORDS[key].text(False, **{k: v for k, v in sample.items() if k in WORDS[key].fields()})
                for key in WORDS for sample in (SAMPLE, {**SAMPLE, "missing": 1})}
    assert [text for text in CURRENT_FORM if text not in standard] == []


def test_say_picks_the_reading_mode_and_fills_in_values() -> None:
    assert say("next") == "Next" and say("next", easy_read=True) == "Next page"
    assert say("progress", True, done=3, total=36) == "You have answered 3 of 36 questions."
    assert say("session_caption", True, session="Spring", bank="Our check", version="1.1") == "Spring · Our check"
    with pytest.raises(KeyError):
        say("nope")


@pytest.mark.parametrize(("step", "easy_read", "text"), [
    (2, False, "3 of 36 statements answered · step 2 of 6"),
    (7, False, "3 of 36 statements answered · review and send"),
    (2, True, "You have answered 3 of 36 questions. This is page 2 of 6."),
    (7, True, "You have answered 3 of 36 questions. Now check and send."),
])
def test_progress_text_reads_as_today_or_as_whole_sentences(step: int, easy_read: bool, text: str) -> None:
    assert progress_text(3, 36, step, 6, easy_read) == text


def test_picture_alt_names_the_picture_or_nothing() -> None:
    statement = Statement("s-1", "p", "From.", "To.", picture="handshake")
    assert picture_alt(statement) == "Picture: Two hands shaking"
    assert picture_alt(Statement("s-2", "p", "From.", "To.")) is None


def _app() -> None:
    """A page drawing two statements in Easy Read: one with a picture, one without."""
    import streamlit as st

    from questions.schema import Statement
    from ui.easy_read import beside_picture, easy_read_style, show_picture, show_picture_credit

    easy_read_style()
    with beside_picture(Statement("s-1", "p", "From.", "To.", "Staff help.", "We help each other.", picture="handshake")):
        st.markdown("We help each other.")
    show_picture(Statement("s-2", "p", "From.", "To."))
    with beside_picture(Statement("s-3", "p", "From.", "To.")):
        st.markdown("No picture here.")
    show_picture_credit()


def test_easy_read_helpers_draw_style_picture_and_credit() -> None:
    at = AppTest.from_function(_app, default_timeout=30).run()
    assert not at.exception
    images = at.get("image")
    assert len(images) == 1  # the statements without a picture draw none
    (shown,) = images[0].proto.imgs
    assert shown.alt == "Picture: Two hands shaking"
    assert shown.url.startswith("data:image/svg+xml;base64,")
    assert base64.b64decode(shown.url.split(",", 1)[1]).decode("utf-8").endswith(picture_svg("handshake")[-200:])
    style = at.get("html")[0].proto.body
    assert style.startswith("<style>") and "font-size: 1.25rem" in style and "line-height: 1.6" in style
    assert [m.value for m in at.markdown] == ["We help each other.", "No picture here."]
    assert "OpenMoji" in at.caption[0].value and "CC BY-SA 4.0" in at.caption[0].value
    # The picture and its sentences sit in one horizontal block, side by side even at phone width.
    layout = str(at.main.children[0].proto.flex_container)
    assert "direction: HORIZONTAL" in layout and "wrap: true" not in layout
    assert at.main.children[0].children[0].type == "image"
