"""Import/export and bank pages."""

from __future__ import annotations

from sqlalchemy.engine import Engine

import storage
from tests.views.conftest import bank_row, open_page, seed_answers


def test_data_page_offers_the_template(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    assessment = storage.create_assessment(engine, team.id, bank_row(engine, "coproduction-quick"), "Spring")
    at = open_page("views/data.py", a=str(assessment.id))
    assert not at.exception
    assert [h.value for h in at.header][:3] == ["Paper forms", "Import answers", "Export answers"]


def test_banks_page_lists_the_built_in_banks(engine: Engine) -> None:
    at = open_page("views/banks.py")
    assert not at.exception
    assert sorted(at.selectbox[0].options) == [
        "Co-production self-reflection (full) (version 1.0) · built in",
        "Co-production self-reflection (quick) (version 1.0) · built in",
    ]
    assert at.expander, "principles of the chosen bank are listed"


def _answered(engine: Engine, people: int) -> storage.Assessment:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    assessment = storage.create_assessment(engine, team.id, bank_row(engine, "coproduction-quick"), "Spring")
    seed_answers(engine, assessment, "coproduction-quick", people)
    return assessment


def _download_labels(at: object) -> list[str]:
    return [element.proto.label for element in at.get("download_button")]  # type: ignore[attr-defined]


def test_data_page_offers_no_answer_export_below_threshold(engine: Engine) -> None:
    at = open_page("views/data.py", a=str(_answered(engine, people=2).id))
    assert not at.exception
    assert _download_labels(at) == ["Download the CSV template"]
    assert any(c.value == "Answer downloads appear once at least 3 people have answered." for c in at.caption)


def test_data_page_offers_answer_export_at_threshold(engine: Engine) -> None:
    at = open_page("views/data.py", a=str(_answered(engine, people=3).id))
    assert not at.exception
    assert _download_labels(at) == [
        "Download the CSV template", "Download answers (CSV)", "Download answers (XLSX)",
        "Download all of the team's data (XLSX)",
    ]


def test_data_page_deletes_the_team_only_with_its_name(engine: Engine) -> None:
    assessment = _answered(engine, people=3)
    at = open_page("views/data.py", a=str(assessment.id))
    confirm = [t for t in at.text_input if t.label.startswith("Type the team name")][0]
    confirm.input("Day service")
    [b for b in at.button if b.label == "Delete everything"][0].click().run()
    assert at.error[0].value == "The name does not match: nothing was deleted."
    assert storage.get_team(engine, assessment.team_id) is not None
    confirm = [t for t in at.text_input if t.label.startswith("Type the team name")][0]
    confirm.input("Day services")
    [b for b in at.button if b.label == "Delete everything"][0].click().run()
    assert not at.exception
    assert storage.get_team(engine, assessment.team_id) is None
    assert storage.get_assessment(engine, assessment.id) is None
    assert storage.responses_frame(engine, assessment.id).empty
