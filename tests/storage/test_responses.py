"""Joining, saving answers, submitting, and one-shot submissions."""

from __future__ import annotations

import re

import pytest
from sqlalchemy.engine import Engine

from storage import (
    Answer,
    Assessment,
    StorageError,
    StoredBank,
    Team,
    create_assessment,
    create_workshop,
    get_answers,
    get_respondent,
    join,
    progress,
    save_answer,
    set_status,
    submit,
    submit_response,
)

CLOSED = "This session is closed: ask the facilitator to reopen it."
HOSTILE_COMMENTS = [
    "Robert'); DROP TABLE answers;--",
    "<b>x</b><img src=x onerror=alert(1)>",
    "Diolch 🙏 ŵŷ — “quotes” ‘too’\n\tnew line",
    "x" * 10_000,
]


@pytest.fixture
def workshop(engine: Engine, team: Team, stored_bank: StoredBank) -> Assessment:
    """An open workshop for staff and carers."""
    # create_assessment: the same workshop without the (deliberately slow) key hashing.
    return create_assessment(engine, team.id, stored_bank.id, "Workshop", "workshop", ["staff", "carers"])


def test_join_creates_respondent_with_fresh_token(engine: Engine, workshop: Assessment) -> None:
    one = join(engine, workshop.id, "staff")
    two = join(engine, workshop.id, "staff")
    # A resume code: 16 characters of the readable alphabet (78 bits; issue 12 point 6).
    assert one.token != two.token and re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTVWXYZ]{16}", one.token)
    assert (one.assessment_id, one.perspective, one.submitted_at) == (workshop.id, "staff", None)
    assert get_respondent(engine, one.token) == one


def test_join_same_token_is_idempotent(engine: Engine, workshop: Assessment) -> None:
    first = join(engine, workshop.id, "carers", token="my-token")
    again = join(engine, workshop.id, "staff", token="my-token")
    assert again == first
    assert progress(engine, workshop.id) == (1, 0)


def test_join_token_of_another_session_is_not_reused(
    engine: Engine, team: Team, stored_bank: StoredBank, workshop: Assessment
) -> None:
    other, _ = create_workshop(engine, team.id, stored_bank.id, "Other", ["staff"])
    theirs = join(engine, other.id, "staff", token="shared")
    mine = join(engine, workshop.id, "staff", token="shared")
    assert mine.assessment_id == workshop.id and mine.token != "shared"
    assert get_respondent(engine, "shared") == theirs


def test_join_closed_session_rejected_but_returning_token_still_works(engine: Engine, workshop: Assessment) -> None:
    earlier = join(engine, workshop.id, "staff", token="before-close")
    set_status(engine, workshop.id, "closed")
    with pytest.raises(StorageError) as caught:
        join(engine, workshop.id, "staff")
    assert str(caught.value) == CLOSED
    assert join(engine, workshop.id, "staff", token="before-close") == earlier


def test_join_unknown_perspective_rejected(engine: Engine, workshop: Assessment) -> None:
    with pytest.raises(StorageError) as caught:
        join(engine, workshop.id, "<script>")
    assert str(caught.value) == "The perspective '<script>' is not one of this session's: staff, carers."


def test_join_missing_session_rejected(engine: Engine) -> None:
    with pytest.raises(StorageError) as caught:
        join(engine, 999, "staff")
    assert str(caught.value) == "This session no longer exists: it may have been deleted."


def test_join_self_assessment_accepts_any_perspective(engine: Engine, team: Team, stored_bank: StoredBank) -> None:
    alone = create_assessment(engine, team.id, stored_bank.id, "Alone")
    assert join(engine, alone.id, "managers").perspective == "managers"


def test_get_respondent_unknown_token_is_none(engine: Engine) -> None:
    assert get_respondent(engine, "nope") is None
    assert get_respondent(engine, "") is None


def test_save_answer_upserts_one_row_per_statement(engine: Engine, workshop: Assessment) -> None:
    respondent = join(engine, workshop.id, "staff")
    save_answer(engine, respondent.id, "assets-1", 1, 2, "first")
    save_answer(engine, respondent.id, "assets-1", None, 4, "changed my mind")
    save_answer(engine, respondent.id, "assets-2", 0, None, None)  # type: ignore[arg-type]
    assert get_answers(engine, respondent.id) == {
        "assets-1": Answer("assets-1", None, 4, "changed my mind"),
        "assets-2": Answer("assets-2", 0, None, ""),
    }


def test_save_answer_hostile_comment_round_trips(engine: Engine, workshop: Assessment) -> None:
    respondent = join(engine, workshop.id, "staff")
    for number, comment in enumerate(HOSTILE_COMMENTS):
        save_answer(engine, respondent.id, f"s{number}", 2, 3, comment)
    stored = get_answers(engine, respondent.id)
    assert [stored[f"s{number}"].comment for number in range(len(HOSTILE_COMMENTS))] == HOSTILE_COMMENTS


BAD_ANSWERS = [
    (5, 1, "", "The current rating must be a whole number from 0 to 4, not 5."),
    (1, -1, "", "The target rating must be a whole number from 0 to 4, not -1."),
    (2.5, 1, "", "The current rating must be a whole number from 0 to 4, not 2.5."),
    (True, 1, "", "The current rating must be a whole number from 0 to 4, not True."),
    ("3", 1, "", "The current rating must be a whole number from 0 to 4, not '3'."),
    (1, 1, "x" * 10_001, "The comment is 10,001 characters long: the limit is 10,000."),
    (1, 1, "nul \x00", "The comment contains a NUL character: please remove it."),
]


def test_save_answer_bad_values_rejected(engine: Engine, workshop: Assessment) -> None:
    respondent = join(engine, workshop.id, "staff")
    for current, target, comment, message in BAD_ANSWERS:
        with pytest.raises(StorageError) as caught:
            save_answer(engine, respondent.id, "assets-1", current, target, comment)  # type: ignore[arg-type]
        assert str(caught.value) == message
    assert get_answers(engine, respondent.id) == {}


def test_save_answer_closed_session_rejected(engine: Engine, workshop: Assessment) -> None:
    respondent = join(engine, workshop.id, "staff")
    set_status(engine, workshop.id, "closed")
    with pytest.raises(StorageError) as caught:
        save_answer(engine, respondent.id, "assets-1", 1, 2, "")
    assert str(caught.value) == CLOSED


def test_save_answer_after_submit_rejected(engine: Engine, workshop: Assessment) -> None:
    respondent = join(engine, workshop.id, "staff")
    save_answer(engine, respondent.id, "assets-1", 1, 2, "")
    submit(engine, respondent.id)
    with pytest.raises(StorageError) as caught:
        save_answer(engine, respondent.id, "assets-1", 4, 4, "")
    assert str(caught.value) == "You have already sent your answers, so they can no longer be changed."
    assert get_answers(engine, respondent.id)["assets-1"] == Answer("assets-1", 1, 2, "")


def test_save_answer_unknown_respondent_rejected(engine: Engine) -> None:
    with pytest.raises(StorageError) as caught:
        save_answer(engine, 999, "assets-1", 1, 2, "")
    assert str(caught.value) == "Your answers could not be found: please join the session again."


def test_submit_twice_keeps_first_time(engine: Engine, workshop: Assessment) -> None:
    respondent = join(engine, workshop.id, "staff")
    first = submit(engine, respondent.id)
    second = submit(engine, respondent.id)
    assert first.submitted_at is not None
    assert second == first
    assert progress(engine, workshop.id) == (1, 1)


def test_submit_closed_session_rejected(engine: Engine, workshop: Assessment) -> None:
    respondent = join(engine, workshop.id, "staff")
    set_status(engine, workshop.id, "closed")
    with pytest.raises(StorageError) as caught:
        submit(engine, respondent.id)
    assert str(caught.value) == CLOSED
    assert progress(engine, workshop.id) == (1, 0)


def test_submit_response_stores_all_answers_submitted(engine: Engine, workshop: Assessment) -> None:
    answers = {"assets-1": Answer("assets-1", 3, 4, "ŵŷ 🌈"), "assets-2": Answer("assets-2", None, None, "")}
    respondent = submit_response(engine, workshop.id, "carers", answers, "submission-1")
    assert (respondent.token, respondent.perspective) == ("submission-1", "carers")
    assert respondent.submitted_at is not None
    assert get_answers(engine, respondent.id) == answers


def test_submit_response_repeat_stores_nothing_new(engine: Engine, workshop: Assessment) -> None:
    first = submit_response(engine, workshop.id, "staff", {"assets-1": Answer("assets-1", 1, 2)}, "same-id")
    again = submit_response(engine, workshop.id, "staff", {"assets-1": Answer("assets-1", 4, 4)}, "same-id")
    assert again == first
    assert get_answers(engine, first.id) == {"assets-1": Answer("assets-1", 1, 2, "")}
    assert progress(engine, workshop.id) == (1, 1)


def test_submit_response_closed_session_rejected(engine: Engine, workshop: Assessment) -> None:
    set_status(engine, workshop.id, "closed")
    with pytest.raises(StorageError) as caught:
        submit_response(engine, workshop.id, "staff", {"assets-1": Answer("assets-1", 1, 2)}, "late")
    assert str(caught.value) == CLOSED
    assert progress(engine, workshop.id) == (0, 0)


def test_submit_response_bad_value_stores_nothing(engine: Engine, workshop: Assessment) -> None:
    answers = {"assets-1": Answer("assets-1", 1, 2), "assets-2": Answer("assets-2", 9, 2)}
    with pytest.raises(StorageError) as caught:
        submit_response(engine, workshop.id, "staff", answers, "bad")
    assert str(caught.value) == "The current rating must be a whole number from 0 to 4, not 9."
    assert progress(engine, workshop.id) == (0, 0)


def test_submit_response_id_from_another_session_rejected(
    engine: Engine, team: Team, stored_bank: StoredBank, workshop: Assessment
) -> None:
    other, _ = create_workshop(engine, team.id, stored_bank.id, "Other", ["staff"])
    submit_response(engine, other.id, "staff", {}, "reused")
    with pytest.raises(StorageError) as caught:
        submit_response(engine, workshop.id, "staff", {}, "reused")
    assert str(caught.value) == "This response was already sent to a different session."


def test_progress_counts_joined_and_submitted(engine: Engine, workshop: Assessment) -> None:
    assert progress(engine, workshop.id) == (0, 0)
    join(engine, workshop.id, "staff")
    done = join(engine, workshop.id, "carers")
    submit(engine, done.id)
    submit_response(engine, workshop.id, "staff", {}, "paper")
    assert progress(engine, workshop.id) == (3, 2)


def test_submit_response_from_paper_is_marked_as_paper(engine: Engine, workshop: Assessment) -> None:
    from domain.vocabulary import ResponseSource
    from storage import sent_by_source

    submit_response(engine, workshop.id, "staff", {"assets-1": Answer("assets-1", 1, 2)}, "online-1")
    paper = submit_response(engine, workshop.id, "carers", {"assets-1": Answer("assets-1", 4, None, "on paper")},
                            "paper-1", source=ResponseSource.PAPER)
    again = submit_response(engine, workshop.id, "carers", {"assets-1": Answer("assets-1", 0, None)}, "paper-1",
                            source=ResponseSource.PAPER)
    assert again == paper and get_answers(engine, paper.id) == {"assets-1": Answer("assets-1", 4, None, "on paper")}
    assert sent_by_source(engine, workshop.id) == {ResponseSource.ONLINE: 1, ResponseSource.PAPER: 1}


def test_migrate_adds_the_response_source_to_a_version_five_database() -> None:
    import sqlalchemy as sa

    from storage import tables
    from storage.migrations import MIGRATIONS, migrate
    from tests.storage.engines import pg_engine

    with pg_engine() as engine:
        with engine.begin() as connection:
            connection.exec_driver_sql("ALTER TABLE respondents DROP COLUMN source")
            connection.execute(sa.delete(tables.schema_version).where(tables.schema_version.c.version > 5))
        assert migrate(engine) == len(MIGRATIONS)
        with engine.connect() as connection:
            columns = {c["name"]: c for c in sa.inspect(connection).get_columns("respondents")}
        assert "source" in columns and not columns["source"]["nullable"]
