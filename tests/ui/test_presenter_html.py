"""The projector's HTML (issue 12 points 1-2): user and bank text escaped, bars that say what they show."""

from __future__ import annotations

import re

from services.presenting import AnswerCount, StatementSpread, StepProgress
from ui import presenter_html as html

HOSTILE = '<img src="https://tracker.example/pixel.png"> & <script>alert(1)</script> **bold**'
COUNTS = (AnswerCount("Mostly like From", 0, 3), AnswerCount("More like From", 1, 0), AnswerCount("In between", 2, 1),
          AnswerCount("More like To", 3, 0), AnswerCount("Mostly like To", 4, 2), AnswerCount(HOSTILE, None, 1))


def _spot(text: str = HOSTILE, shown: bool = True) -> StatementSpread:
    return StatementSpread(statement="s1", number=12, principle_name=text, from_text=text, to_text=text, prompt=text,
                           shown=shown, counts=COUNTS if shown else (), mean=1.9 if shown else None,
                           agreement=0.29 if shown else None, n=6, dont_know=1)


def test_presenter_html_escapes_every_user_and_bank_text() -> None:
    pieces = [html.join_panel(HOSTILE, "K7M4P-Q9XD2", f"https://x.example/assess?code={HOSTILE}", 3, True),
              html.steps_panel([StepProgress("p", HOSTILE, 2)], 3), html.score_panel(54.4, HOSTILE, 8),
              html.disagreements_panel([_spot()]), html.statement_panel(_spot(), 1, 36, 3, HOSTILE),
              html.statement_panel(_spot(shown=False), 36, 36, 3, None)]
    for piece in pieces:
        assert "<img" not in piece and "<script" not in piece, piece
        assert "&lt;img" in piece


def test_presenter_html_answer_bar_has_a_part_per_answer_given_and_a_text_alternative() -> None:
    bar = html.answer_bar(COUNTS, big=True)
    assert re.findall(r'class="seg"[^>]*>(\d+)<', bar) == ["3", "1", "2", "1"], "no part for answers nobody gave"
    assert 'aria-label="Answers: Mostly like From 3, More like From 0, In between 1' in bar
    assert 'class="bar big"' in bar


def test_presenter_html_statement_too_few_answered_says_so_without_counts() -> None:
    panel = html.statement_panel(_spot(shown=False), 36, 36, 3, None)
    assert "Too few answers to show yet: the spread appears once 3 people have answered this statement." in panel
    assert 'class="bar' not in panel
    assert "Statement 36 of 36 · number 12" in panel


def test_presenter_html_score_and_counts() -> None:
    assert "<b>54</b><span>of 100</span>" in html.score_panel(54.4, "Doing with", 8)
    counts = html.counts_panel(joined=11, sent=2, threshold=3)
    assert re.findall(r"<b>(\d+)</b><span>([^<]+)</span>", counts) == [
        ("11", "joined"), ("9", "still answering"), ("2", "sent their answers")]
    assert "Results appear once 3 people have sent their answers." in counts
    assert "This session is closed." in html.join_panel("T", "K7M4P-Q9XD2", "https://x", 5, False)


def test_presenter_html_comments_escaped_and_a_few_on_the_projector() -> None:
    spot = _spot()
    many = StatementSpread(**{**spot.__dict__, "comments": (HOSTILE, "two", "three", "four", "five", "six")})
    panel = html.statement_panel(many, 1, 6, 3, None)
    assert re.findall(r"<li>(.*?)</li>", panel)[1:] == ["two", "three", "four"]
    assert "<img" not in panel and "and 2 more on the facilitator's screen" in panel
    assert html.comments_list(()) == ""
