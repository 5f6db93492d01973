"""The team export as the app offers it: visible assessments only, anonymity as on the charts."""

from __future__ import annotations

from sqlalchemy.engine import Engine

import storage
from services.access import FULL_ACCESS
from services.team_data import locked_workshops, team_export
from tests.services.conftest import quick_row, send


class NoWorkshops:
    """A viewer who holds no facilitator key."""

    def may_see(self, assessment: storage.Assessment) -> bool:
        """Self-assessments only."""
        return not assessment.is_workshop


_no_workshops = NoWorkshops()
_everyone = FULL_ACCESS


def test_team_export_leaves_out_locked_workshops(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    own = storage.create_assessment(engine, team.id, quick_row(engine), "Spring", threshold=1)
    workshop, _key = storage.create_workshop(engine, team.id, quick_row(engine), "Autumn", ("staff",), 1)
    send(engine, own, "staff", 2, "own-1")
    send(engine, workshop, "staff", 4, "ws-1")
    export = team_export(engine, team.id, _no_workshops)
    assert export.tables["assessments"]["id"].tolist() == [own.id]
    assert export.tables["respondents"]["assessment_id"].tolist() == [own.id]
    # No database ids, tokens or join/answer times: nothing to order or join people by.
    assert list(export.tables["respondents"].columns) == ["assessment_id", "respondent", "perspective"]
    assert list(export.tables["answers"].columns) == ["assessment_id", "respondent", "perspective", "statement",
                                                      "current", "target", "comment"]
    assert set(export.tables["answers"]["current"]) == {2}
    assert export.notes == (f"Autumn (workshop {workshop.id}): left out, as it needs its facilitator key.",)
    assert [a.id for a in locked_workshops(engine, team.id, _no_workshops)] == [workshop.id]
    assert team_export(engine, team.id, _everyone).tables["assessments"]["id"].tolist() == [own.id, workshop.id]


def test_team_export_holds_no_answers_of_a_session_below_its_threshold(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    small = storage.create_assessment(engine, team.id, quick_row(engine), "Small", threshold=3)
    for i in range(2):
        send(engine, small, "staff", 3, f"small-{i}")
    export = team_export(engine, team.id, _everyone)
    assert export.tables["respondents"].empty and export.tables["answers"].empty
    assert export.tables["notes"]["note"].tolist() == [
        f"Small (assessment {small.id}): answers left out, as fewer than 3 people have answered."]


def test_team_export_names_no_perspective_smaller_than_the_threshold(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    assessment = storage.create_assessment(engine, team.id, quick_row(engine), "Spring", threshold=3)
    for i in range(4):
        send(engine, assessment, "staff", 2, f"staff-{i}")
    send(engine, assessment, "carers", 4, "carer-1")
    export = team_export(engine, team.id, _everyone)
    assert export.tables["respondents"]["perspective"].tolist() == ["staff_and_others"] * 5
    assert len(export.tables["answers"]) == 5 * 6


def test_team_export_leaves_out_answers_not_yet_sent_in_a_workshop(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    workshop, _key = storage.create_workshop(engine, team.id, quick_row(engine), "Live", ("staff",), 1)
    send(engine, workshop, "staff", 3, "sent-1")
    draft = storage.join(engine, workshop.id, "staff")
    storage.save_answer(engine, draft.id, "quick-assets", 0, None, "draft, not sent")
    export = team_export(engine, team.id, _everyone)
    assert len(export.tables["respondents"]) == 1
    assert "draft, not sent" not in export.tables["answers"]["comment"].tolist()


def test_team_export_withholds_what_the_screen_withholds(engine: Engine) -> None:
    # Issue 10 point 11: four people, one alone set a target and wrote on a statement nobody else rated.
    team = storage.create_team(engine, "Riverside Council", "Day services")
    assessment = storage.create_assessment(engine, team.id, quick_row(engine), "Spring", threshold=3)
    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    first, lone = bank.statements[0].id, bank.statements[1].id
    for i in range(4):
        answers = {s.id: storage.Answer(s.id, 2, None, "") for s in bank.statements[2:]}
        answers[first] = storage.Answer(first, 3, 4 if i == 0 else None, "")
        if i == 0:
            answers[lone] = storage.Answer(lone, 1, None, "only I rated this")
        storage.submit_response(engine, assessment.id, "staff", answers, f"person-{i}")
    export = team_export(engine, team.id, _everyone)
    answers_out, people = export.tables["answers"], export.tables["respondents"]
    assert lone not in set(answers_out["statement"])
    assert "only I rated this" not in set(answers_out["comment"])
    assert answers_out["target"].isna().all()
    # No ids, join or answer times: nothing joins a row to a person or to the order people came in.
    for frame in (answers_out, people):
        assert not {"id", "respondent_id", "created_at", "submitted_at", "updated_at", "label"} & set(frame.columns)
    assert sorted(people["respondent"]) == ["R01", "R02", "R03", "R04"]
    assert set(answers_out["respondent"]) == set(people["respondent"])
