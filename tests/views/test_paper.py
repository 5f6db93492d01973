"""The "Type in paper answers" page (issue 12 point 8): facilitators only, one pack at a time, marked as paper."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

import storage
from domain.vocabulary import ResponseSource
from tests.views.conftest import bank_row, open_page


def _workshop(engine: Engine) -> tuple[storage.Assessment, str]:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    return storage.create_workshop(engine, team.id, bank_row(engine, "coproduction-quick"), "March workshop",
                                   ("staff", "people_using_services"), 3)


def _paper(workshop: storage.Assessment, key: str | None) -> AppTest:
    session = {f"facilitator_key_{workshop.id}": key} if key else {}
    return open_page("views/paper.py", session=session, a=str(workshop.id))


def _labels(at: AppTest, kind: str) -> list[str]:
    return [element.proto.label for element in at.get(kind)]


def test_paper_page_needs_the_facilitator_key(engine: Engine) -> None:
    workshop, _key = _workshop(engine)
    at = _paper(workshop, None)
    assert not at.exception
    assert not at.main.radio and "Save this person's answers" not in [b.label for b in at.button]
    assert storage.sent_by_source(engine, workshop.id)[ResponseSource.PAPER] == 0


def test_paper_page_types_in_one_pack_statement_by_statement(engine: Engine) -> None:
    workshop, key = _workshop(engine)
    bank = storage.load_bank_version(engine, workshop.bank_row_id)
    at = _paper(workshop, key)
    assert not at.exception
    assert at.title[0].value == "Type in paper answers"
    assert "Download the paper pack (PDF)" in _labels(at, "download_button")
    assert "Download the Easy Read paper pack (PDF)" in _labels(at, "download_button")
    at.selectbox[0].set_value("people_using_services").run()
    ticks: list[int | str] = [3, "?", 1, 4, 2, 0]  # ?: the don't know box
    for number, tick in enumerate(ticks):
        assert at.subheader[0].value.startswith(f"Statement {number + 1} ")
        at.radio[0].set_value(tick)
        if number == 0:
            at.radio[1].set_value(4)
            at.text_area[0].input("Written on the pack")
        [b for b in at.button if b.label == "Next"][0].click().run()
        assert not at.exception
    # Back to the last statement and forward again: what was typed is still there.
    [b for b in at.button if b.label == "Back"][0].click().run()
    assert at.radio[0].value == 0
    [b for b in at.button if b.label == "Next"][0].click().run()
    [b for b in at.button if b.label == "Save this person's answers"][0].click().run()
    assert not at.exception
    assert at.success[0].value.startswith("Saved 6 answers from paper.")
    assert storage.sent_by_source(engine, workshop.id) == {ResponseSource.ONLINE: 0, ResponseSource.PAPER: 1}
    stored = storage.responses_frame(engine, workshop.id, submitted_only=True).set_index("statement")
    assert stored.loc[[s.id for s in bank.statements], "current"].tolist()[:1] == [3.0]
    assert stored["current"].isna().sum() == 1
    assert stored.loc[bank.statements[0].id, "target"] == 4.0
    assert stored.loc[bank.statements[0].id, "comment"] == "Written on the pack"
    assert set(stored["perspective"]) == {"people_using_services"}
    # The form starts again for the next pack.
    assert at.subheader[0].value.startswith("Statement 1 ")


def test_facilitator_view_offers_the_paper_pack_and_the_typing_in_screen(engine: Engine) -> None:
    workshop, key = _workshop(engine)
    at = open_page("views/facilitate.py", session={f"facilitator_key_{workshop.id}": key,
                                                   f"facilitate_tab_{workshop.id}": "Session"}, a=str(workshop.id))
    assert not at.exception
    assert {"Download the paper pack (PDF)", "Download the Easy Read paper pack (PDF)"} <= set(
        _labels(at, "download_button"))
    assert "Type in paper answers" in _labels(at, "page_link")
