"""The PowerPoint slides (issue 12 point 3), opened with python-pptx: each slide's text is the results model's."""

from __future__ import annotations

import io

import pandas as pd
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.shapes.autoshape import Shape
from pptx.shapes.graphfrm import GraphicFrame
from pptx.slide import Slide

from questions.schema import Bank
from reports.formatting import whole
from reports.slides import ROWS_PER_SLIDE, build_slides, slides_for
from tests.reports.conftest import action, agreed, results_of

HOSTILE = "Invite <b>peers</b> & carers =SUM(A1) to plan\x07 the open day 🌈 ŵ"


def _texts(slide: Slide) -> list[str]:
    """Every text on a slide, shapes in order, table cells row by row."""
    found: list[str] = []
    for shape in slide.shapes:
        if isinstance(shape, Shape):
            found.append(shape.text_frame.text)
        if isinstance(shape, GraphicFrame) and shape.has_table:
            found += [cell.text for row in shape.table.rows for cell in row.cells]
    return found


def _title(slide: Slide) -> str:
    assert slide.shapes.title is not None
    return str(slide.shapes.title.text)


def test_slides_each_slide_carries_the_models_text(bank: Bank, responses: pd.DataFrame) -> None:
    results = results_of(bank, responses, actions=[action("assets", HOSTILE, "Sam")],
                         ratings=agreed({"assets_1": (3, "We mostly do this")}))
    deck = Presentation(io.BytesIO(slides_for(results)))
    slides = list(deck.slides)
    assert [_title(s) for s in slides] == ["Spring self-assessment", "Where we are, by principle",
                                           "Scores by principle", "Where we disagree most", "Agreed ratings", "Actions"]
    assert "Day services team · Caerphilly Borough Council\n2 November 2026 · 5 respondents\n" \
           "Co-production: how are you doing?" in _texts(slides[0])
    pictures = [shape for shape in slides[1].shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pictures) == 1 and pictures[0].image.content_type == "image/png"
    assert "Overall score (0-100)\n51\nDoing with" in _texts(slides[1])
    table = [[r.name, whole(r.score), r.band, whole(r.target), whole(r.spread), str(r.n)] for r in results.principle_rows]
    assert _texts(slides[2])[1:] == ["Principle", "Score", "Level", "Target", "Spread", "Respondents",
                                     *[cell for row in table for cell in row]]
    assert [row[:3] for row in table] == [["Recognising people as assets", "80", "Co-producing"],
                                          ["Reciprocity and mutuality", "25", "Doing for"],
                                          ["Peer support networks", "50", "Doing with"]]
    spots = _texts(slides[3])
    assert [spots[i] for i in (5, 6)] == [str(results.hot_spots[0].number), results.hot_spots[0].to_text]
    assert _texts(slides[4])[5:] == ["1", "To assets 1: we decide with people.", "3 More like To", "We mostly do this"]
    # Written literally: markup stays text, a formula stays text, only the control character is dropped.
    assert _texts(slides[5])[6:] == ["Recognising people as assets",
                                     "Invite <b>peers</b> & carers =SUM(A1) to plan the open day 🌈 ŵ", "Sam", "",
                                     "planned"]


def test_slides_below_the_threshold_show_no_results(bank: Bank, responses: pd.DataFrame) -> None:
    results = results_of(bank, responses, threshold=9)
    deck = Presentation(io.BytesIO(slides_for(results)))
    titles = [_title(s) for s in deck.slides]
    assert titles == ["Spring self-assessment", "Results", "Agreed ratings", "Actions"]
    assert results.withheld in _texts(list(deck.slides)[1])
    assert "2 November 2026 · fewer than 9 respondents" in "\n".join(_texts(list(deck.slides)[0]))
    for slide in deck.slides:
        assert not any(shape.shape_type == MSO_SHAPE_TYPE.PICTURE for shape in slide.shapes)


def test_slides_long_tables_continue_on_further_slides(bank: Bank, responses: pd.DataFrame) -> None:
    many = [action("networks", f"Action number {n}", number=n) for n in range(1, ROWS_PER_SLIDE * 2 + 2)]
    results = results_of(bank, responses, actions=many)
    deck = Presentation(io.BytesIO(build_slides(results, radar_png=None)))
    titles = [_title(s) for s in deck.slides]
    assert titles[-3:] == ["Actions (1 of 3)", "Actions (2 of 3)", "Actions (3 of 3)"]
    written = [text for slide in list(deck.slides)[-3:] for text in _texts(slide) if text.startswith("Action number")]
    assert written == [f"Action number {n}" for n in range(1, ROWS_PER_SLIDE * 2 + 2)]
