"""Agreed ratings and the action plan."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy.engine import Engine

from storage import (
    AgreedRating,
    Assessment,
    StorageError,
    StoredBank,
    Team,
    add_action,
    agreed_ratings,
    create_assessment,
    delete_action,
    list_actions,
    set_agreed,
    update_action,
)


@pytest.fixture
def assessment(engine: Engine, team: Team, stored_bank: StoredBank) -> Assessment:
    """A self-assessment to attach agreements and actions to."""
    return create_assessment(engine, team.id, stored_bank.id, "Review")


def test_set_agreed_upserts_per_statement(engine: Engine, assessment: Assessment) -> None:
    set_agreed(engine, assessment.id, "assets-1", 2, "first thoughts")
    set_agreed(engine, assessment.id, "assets-1", None, "Robert'); DROP TABLE agreed;-- ŵŷ 🌈")
    set_agreed(engine, assessment.id, "assets-2", 4, "")
    ratings = agreed_ratings(engine, assessment.id)
    assert list(ratings) == ["assets-1", "assets-2"]
    first = ratings["assets-1"]
    assert isinstance(first, AgreedRating)
    assert (first.rating, first.notes) == (None, "Robert'); DROP TABLE agreed;-- ŵŷ 🌈")
    assert ratings["assets-2"].rating == 4


def test_set_agreed_bad_rating_and_missing_session(engine: Engine, assessment: Assessment) -> None:
    with pytest.raises(StorageError) as caught:
        set_agreed(engine, assessment.id, "assets-1", 5, "")
    assert str(caught.value) == "The agreed rating must be a whole number from 0 to 4, not 5."
    with pytest.raises(StorageError) as caught:
        set_agreed(engine, 999, "assets-1", 1, "")
    assert str(caught.value) == "This session no longer exists: it may have been deleted."
    assert agreed_ratings(engine, assessment.id) == {}


def test_add_action_and_list_in_order(engine: Engine, assessment: Assessment) -> None:
    first = add_action(engine, assessment.id, "assets", "Map what people bring <b>", "Sam ŵ", date(2031, 3, 1))
    second = add_action(engine, assessment.id, "networks", "Meet the carers' group", status="in progress")
    assert (first.owner, first.due_date, first.status) == ("Sam ŵ", date(2031, 3, 1), "planned")
    assert (second.owner, second.due_date) == ("", None)
    assert list_actions(engine, assessment.id) == [first, second]


def test_update_action_changes_only_given_fields(engine: Engine, assessment: Assessment) -> None:
    action = add_action(engine, assessment.id, "assets", "Map assets")
    changed = update_action(engine, action.id, status="done", due_date=datetime(2031, 5, 6, 10, 30))
    assert (changed.status, changed.due_date, changed.description) == ("done", date(2031, 5, 6), "Map assets")
    assert changed.updated_at >= action.updated_at and changed.created_at == action.created_at
    assert list_actions(engine, assessment.id) == [changed]


BAD_FIELDS = [
    ({"status": "someday"}, "The action status 'someday' is not one of: planned, in progress, done, dropped."),
    ({"description": "  "}, "The action description is empty: please type one."),
    ({"due_date": "tomorrow"}, "The due date must be a date, not 'tomorrow'."),
    ({"principle": ""}, "The principle is empty: please type one."),
    ({"owner": "x" * 201}, "The owner is 201 characters long: the limit is 200."),
]


def test_update_action_bad_values_rejected(engine: Engine, assessment: Assessment) -> None:
    action = add_action(engine, assessment.id, "assets", "Map assets")
    for fields, message in BAD_FIELDS:
        with pytest.raises(StorageError) as caught:
            update_action(engine, action.id, **fields)
        assert str(caught.value) == message
    assert list_actions(engine, assessment.id) == [action]


def test_update_action_unknown_field_is_a_programming_error(engine: Engine, assessment: Assessment) -> None:
    action = add_action(engine, assessment.id, "assets", "Map assets")
    with pytest.raises(TypeError) as caught:
        update_action(engine, action.id, id=5)
    assert str(caught.value) == "update_action() got unexpected fields: id"


def test_update_action_missing_action_rejected(engine: Engine) -> None:
    with pytest.raises(StorageError) as caught:
        update_action(engine, 999, status="done")
    assert str(caught.value) == "That action no longer exists: it may have been deleted."


def test_add_action_missing_session_rejected(engine: Engine) -> None:
    with pytest.raises(StorageError) as caught:
        add_action(engine, 999, "assets", "Map assets")
    assert str(caught.value) == "This session no longer exists: it may have been deleted."


def test_delete_action_removes_it_and_repeating_is_harmless(engine: Engine, assessment: Assessment) -> None:
    keep = add_action(engine, assessment.id, "assets", "Keep")
    drop = add_action(engine, assessment.id, "assets", "Drop")
    delete_action(engine, drop.id)
    delete_action(engine, drop.id)
    assert list_actions(engine, assessment.id) == [keep]
