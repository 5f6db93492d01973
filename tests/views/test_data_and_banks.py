"""Import/export and bank pages."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.engine import Engine
from streamlit.testing.v1 import AppTest

import services.team_data
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
        "Co-production self-reflection (full) (version 1.1) · built in",
        "Co-production self-reflection (quick) (version 1.1) · built in",
    ]
    assert at.expander, "principles of the chosen bank are listed"


def _answered(engine: Engine, people: int) -> storage.Assessment:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    assessment = storage.create_assessment(engine, team.id, bank_row(engine, "coproduction-quick"), "Spring")
    seed_answers(engine, assessment, "coproduction-quick", people)
    return assessment


def _captions(at: object) -> list[str]:
    """Caption texts as people read them (the app escapes Markdown in user-entered names)."""
    return [c.value.replace("\\", "") for c in at.caption]  # type: ignore[attr-defined]


def _download_labels(at: object) -> list[str]:
    return [element.proto.label for element in at.get("download_button")]  # type: ignore[attr-defined]


def _prepared(at: AppTest) -> AppTest:
    """The page after "Prepare the team's data" was pressed."""
    [b for b in at.button if b.label == "Prepare the team's data"][0].click().run()
    assert not at.exception
    return at


def test_data_page_builds_the_team_export_only_when_asked(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    # Issue 10 point 18: the page built the whole team export on every run (48 s for a large team).
    built: list[int] = []
    real = services.team_data.team_export

    def counted(*args: Any, **kwargs: Any) -> Any:
        built.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(services.team_data, "team_export", counted)
    at = open_page("views/data.py", a=str(_answered(engine, people=3).id))
    assert not at.exception and built == []
    assert "Download the team's data (XLSX)" not in _download_labels(at)
    _prepared(at)
    assert built == [1] and "Download the team's data (XLSX)" in _download_labels(at)


def test_data_page_offers_no_answer_export_below_threshold(engine: Engine) -> None:
    assessment = _answered(engine, people=2)
    at = _prepared(open_page("views/data.py", a=str(assessment.id)))
    assert _download_labels(at) == ["Download the CSV template", "Download the team's data (XLSX)"]
    assert any(c.value == "Answer downloads appear once at least 3 people have answered." for c in at.caption)
    # The team export is offered, but without the answers of a session below its threshold.
    assert f"Spring (assessment {assessment.id}): answers left out, as fewer than 3 people have answered." in _captions(at)
    assert any(c.startswith("team: 1 row · assessments: 1 row · respondents: 0 rows · answers: 0 rows")
               for c in _captions(at))


def test_data_page_offers_answer_export_at_threshold(engine: Engine) -> None:
    at = _prepared(open_page("views/data.py", a=str(_answered(engine, people=3).id)))
    assert _download_labels(at) == [
        "Download the CSV template", "Download answers (CSV)", "Download answers (XLSX)",
        "Download the team's data (XLSX)",
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


def test_data_page_deletes_a_team_with_a_workshop_only_with_its_key(engine: Engine) -> None:
    assessment = _answered(engine, people=3)
    workshop, key = storage.create_workshop(engine, assessment.team_id, bank_row(engine, "coproduction-quick"),
                                            "Autumn workshop", ("staff",), 3)
    at = _prepared(open_page("views/data.py", a=str(assessment.id)))
    assert f"Autumn workshop (workshop {workshop.id}): left out, as it needs its facilitator key." in _captions(at)
    [t for t in at.text_input if t.label.startswith("Type the team name")][0].input("Day services")
    [t for t in at.text_input if t.label.startswith("Facilitator key of Autumn workshop")][0].input("not-the-key")
    [b for b in at.button if b.label == "Delete everything"][0].click().run()
    assert at.error[0].value == "The facilitator key does not match for: Autumn workshop. Nothing was deleted."
    assert storage.get_assessment(engine, workshop.id) is not None
    [t for t in at.text_input if t.label.startswith("Facilitator key of Autumn workshop")][0].input(key)
    [b for b in at.button if b.label == "Delete everything"][0].click().run()
    assert not at.exception
    assert storage.get_team(engine, assessment.team_id) is None
    assert storage.get_assessment(engine, workshop.id) is None


def test_data_page_a_fresh_browser_guessing_an_id_gets_nothing(engine: Engine) -> None:
    """Issue 11, open mode: a browser that was given nothing cannot import, export or delete by guessing ids."""
    assessment = _answered(engine, people=3)
    at = open_page("views/data.py", holder=False, a=str(assessment.id))
    assert not at.exception
    assert [w.value for w in at.warning] == ["Open this page from an assessment on your team's page (Home)."]
    assert _download_labels(at) == [] and not at.get("file_uploader") and not at.button
    assert storage.get_team(engine, assessment.team_id) is not None


def test_data_page_a_results_link_is_not_the_team(engine: Engine) -> None:
    """Issue 11, open mode: a session's results link opens that session's downloads, never the team's data."""
    assessment = _answered(engine, people=3)
    at = open_page("views/data.py", holder=False, a=str(assessment.link_token))
    assert not at.exception
    assert _download_labels(at) == ["Download the CSV template", "Download answers (CSV)", "Download answers (XLSX)"]
    assert not at.get("file_uploader")
    assert not [b for b in at.button if b.label == "Delete everything"]
    assert "Your team's data" not in [h.value for h in at.header]


def test_data_page_deletion_is_in_the_audit_log(engine: Engine) -> None:
    assessment = _answered(engine, people=3)
    at = open_page("views/data.py", a=str(assessment.id))
    [t for t in at.text_input if t.label.startswith("Type the team name")][0].input("Day services")
    [b for b in at.button if b.label == "Delete everything"][0].click().run()
    assert not at.exception and storage.get_team(engine, assessment.team_id) is None
    actions = [(e.action, e.target) for e in storage.entries(engine, None)]
    assert ("deletion", f"Riverside Council · Day services (team {assessment.team_id})") in actions
