"""Staff pages in Welsh: chosen in the sidebar, or opened by a link that carries the language."""

from __future__ import annotations

from sqlalchemy.engine import Engine

import storage
from tests.views.conftest import bank_row, open_page, seed_answers


def test_home_in_welsh_when_chosen_in_the_sidebar(engine: Engine) -> None:
    at = open_page("views/home.py")
    assert at.title[0].value == "Co-production: how are you doing?"
    picker = at.sidebar.radio(key="language_picker_staff")
    assert picker.options == ["English", "Cymraeg"]  # Arabic ships the participant screens only
    at = picker.set_value("cy").run()
    assert not at.exception
    assert at.title[0].value == "Cydgynhyrchu: sut mae pethau'n mynd?"
    assert any("yn rhannu grym" in m.value for m in at.markdown)


def test_facilitator_view_in_welsh(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    workshop, key = storage.create_workshop(engine, team.id, bank_row(engine, "coproduction-full"), "March workshop",
                                            ("staff", "carers"), 3)
    seed_answers(engine, workshop, "coproduction-full", 4)
    at = open_page("views/facilitate.py", session={f"facilitator_key_{workshop.id}": key}, a=str(workshop.id),
                   lang="cy")
    assert not at.exception
    assert at.title[0].value == "Golwg yr hwylusydd"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Atebion a anfonwyd"] == "4"
    assert "sesiwn ar agor" in at.caption[0].value


def test_results_in_welsh(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    assessment = storage.create_assessment(engine, team.id, bank_row(engine, "coproduction-full"), "Spring",
                                           threshold=3)
    seed_answers(engine, assessment, "coproduction-full", 4)
    at = open_page("views/results.py", a=str(assessment.id), lang="cy")
    assert not at.exception
    assert at.title[0].value == "Canlyniadau"
    assert at.metric[0].label == "Sgôr gyffredinol (0-100)"
    assert any(c.value.startswith("4 o ymatebwyr") for c in at.caption)
    assert [h.value for h in at.header] == ["Cynllun gweithredu", "Lawrlwythiadau"]
    # The built-in bank's Welsh texts: the same ids and scores, the principles named in Welsh.
    tables = [e.proto.body for e in at.get("html") if "copro-table" in e.proto.body]
    assert any("Egwyddor" in body and "Cydnabod pobl fel asedau" in body for body in tables)


def test_staff_pages_offer_no_arabic_even_from_an_arabic_link(engine: Engine) -> None:
    at = open_page("views/home.py", lang="ar")  # Arabic has no staff catalogue: the picker stays on English
    assert not at.exception
    assert at.sidebar.radio(key="language_picker_staff").value == "en"
