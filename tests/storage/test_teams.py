"""Teams: creation, hostile text, export and complete deletion."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from storage import (
    Answer,
    AuditLine,
    create_assessment,
    purge_answers,
    StorageError,
    StoredBank,
    add_action,
    create_team,
    create_workshop,
    delete_team,
    export_team,
    get_team,
    join,
    list_teams,
    save_answer,
    set_agreed,
    submit_response,
)
from storage.tables import TEAM_TABLES, metadata

HOSTILE = [
    "Robert'); DROP TABLE teams;--",
    "<b>x</b> & <script>alert(1)</script>",
    "Tîm gofal 🌈🤝 ŵŷ Ŵŷ",
    '"quoted" \\ back\\slash %s {name} $1 ?',
]


def test_create_team_strips_and_reads_back(engine: Engine) -> None:
    team = create_team(engine, "  Gwynedd Council ", " Carers team\n")
    assert (team.organisation, team.name) == ("Gwynedd Council", "Carers team")
    assert team.created_at.tzinfo == timezone.utc
    assert get_team(engine, team.id) == team


def test_create_team_hostile_text_round_trips(engine: Engine) -> None:
    # One database for every case: a fresh one per case would double this file's run time.
    made = [create_team(engine, text, text) for text in HOSTILE]
    assert [get_team(engine, team.id) for team in made] == made
    assert [(team.organisation, team.name) for team in made] == [(text, text) for text in HOSTILE]
    assert sorted(t.name for t in list_teams(engine)) == sorted(HOSTILE)


BAD_NAMES: list[tuple[tuple[object, object], str]] = [
    (("Org", "   "), "The team name is empty: please type one."),
    (("", "Team"), "The organisation name is empty: please type one."),
    (("Org\x00", "Team"), "The organisation name contains a NUL character: please remove it."),
    (("Org", "x" * 201), "The team name is 201 characters long: the limit is 200."),
    ((None, "Team"), "The organisation name is empty: please type one."),
    ((5, "Team"), "The organisation name must be text, not int."),
]


def test_create_team_bad_names_rejected(engine: Engine) -> None:
    for (organisation, name), message in BAD_NAMES:
        with pytest.raises(StorageError) as caught:
            create_team(engine, organisation, name)  # type: ignore[arg-type]
        assert str(caught.value) == message
    assert list_teams(engine) == []


def test_list_teams_sorted_by_organisation_then_name(engine: Engine) -> None:
    create_team(engine, "B org", "a")
    create_team(engine, "A org", "z")
    create_team(engine, "A org", "b")
    assert [(t.organisation, t.name) for t in list_teams(engine)] == [("A org", "b"), ("A org", "z"), ("B org", "a")]


def test_get_team_missing_is_none(engine: Engine) -> None:
    assert get_team(engine, 12345) is None


def _fill(engine: Engine, organisation: str, stored_bank: StoredBank) -> int:
    """A team with a workshop, two respondents, answers, an agreed rating and an action."""
    team = create_team(engine, organisation, "Team")
    workshop, _ = create_workshop(engine, team.id, stored_bank.id, "Spring", ["staff", "carers"])
    respondent = join(engine, workshop.id, "staff")
    save_answer(engine, respondent.id, "assets-1", 2, 3, "note")
    submit_response(engine, workshop.id, "carers", {"assets-1": Answer("assets-1", 1, 4, "")}, f"sub-{organisation}")
    set_agreed(engine, workshop.id, "assets-1", 2, "agreed")
    add_action(engine, workshop.id, "assets", "Map our assets", "Sam", date(2030, 1, 31))
    return team.id


def _team_rows(engine: Engine, team_id: int) -> dict[str, int]:
    """How many rows of each table belong to the team."""
    queries = {
        "teams": "SELECT count(*) FROM teams WHERE id = :t",
        "assessments": "SELECT count(*) FROM assessments WHERE team_id = :t",
        "respondents": "SELECT count(*) FROM respondents r JOIN assessments a ON a.id = r.assessment_id "
        "WHERE a.team_id = :t",
        "answers": "SELECT count(*) FROM answers WHERE respondent_id NOT IN (SELECT id FROM respondents)",
        "agreed": "SELECT count(*) FROM agreed WHERE assessment_id NOT IN (SELECT id FROM assessments)",
        "actions": "SELECT count(*) FROM actions WHERE assessment_id NOT IN (SELECT id FROM assessments)",
        "session_snapshots": "SELECT count(*) FROM session_snapshots WHERE assessment_id NOT IN "
        "(SELECT id FROM assessments)",
    }
    assert set(queries) == set(TEAM_TABLES)
    with engine.connect() as connection:
        return {name: connection.execute(sa.text(sql), {"t": team_id}).scalar_one() for name, sql in queries.items()}


def _purged(engine: Engine, team_id: int, stored_bank: StoredBank) -> None:
    """A session of the team whose answers were deleted after the retention period (its scores kept)."""
    old = create_assessment(engine, team_id, stored_bank.id, "Old")
    now = datetime.now(timezone.utc) + timedelta(days=400)
    assert purge_answers(engine, old.id, now, 365, lambda _answers: "{}", AuditLine("test", "old", None, ""), now) == 0


def _all_rows(engine: Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            name: connection.execute(sa.select(sa.func.count()).select_from(metadata.tables[name])).scalar_one()
            for name in TEAM_TABLES
        }


def test_delete_team_removes_everything_and_keeps_other_teams(engine: Engine, stored_bank: StoredBank) -> None:
    doomed = _fill(engine, "Doomed", stored_bank)
    kept = _fill(engine, "Kept", stored_bank)
    for team_id in (doomed, kept):
        _purged(engine, team_id, stored_bank)
    before = _all_rows(engine)
    delete_team(engine, doomed)
    assert _team_rows(engine, doomed) == dict.fromkeys(TEAM_TABLES, 0)
    # Exactly the doomed team's share is gone: the other team is untouched.
    assert _all_rows(engine) == {name: count // 2 for name, count in before.items()}
    assert get_team(engine, kept) is not None
    assert export_team(engine, kept)["answers"].shape[0] == 2


def test_export_team_has_every_table_and_no_secrets(engine: Engine, stored_bank: StoredBank) -> None:
    team_id = _fill(engine, "Org", stored_bank)
    frames = export_team(engine, team_id)
    assert list(frames) == ["team", "assessments", "respondents", "answers", "agreed", "actions"]
    assert [len(frame) for frame in frames.values()] == [1, 1, 2, 2, 1, 1]
    assert "facilitator_hash" not in frames["assessments"].columns
    assert "token" not in frames["respondents"].columns
    assert frames["actions"].loc[0, "description"] == "Map our assets"


def test_export_team_missing_team_raises(engine: Engine) -> None:
    with pytest.raises(StorageError) as caught:
        export_team(engine, 999)
    assert str(caught.value) == "That team no longer exists."


def test_create_team_twice_returns_the_same_team(engine: Engine) -> None:
    first = create_team(engine, "Gwynedd Council", "Carers team")
    again = create_team(engine, " Gwynedd Council", "Carers team ")
    other = create_team(engine, "Gwynedd Council", "Day services")
    assert again == first and other.id != first.id
    assert len(list_teams(engine)) == 2
