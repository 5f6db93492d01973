"""Many participants submitting at the same moment, on both databases."""

from __future__ import annotations

import threading
from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from storage import (
    CLOSED_MESSAGE,
    Answer,
    Respondent,
    StorageError,
    StoredBank,
    Team,
    create_assessment,
    get_answers,
    join,
    make_engine,
    progress,
    responses_frame,
    save_answer,
    set_status,
    submit,
    submit_response,
)
from tests.storage.engines import pg_engine_in

THREADS = 100
STATEMENTS = ("assets-1", "assets-2", "reciprocity-1", "reciprocity-2")


def _all_at_once(work: Callable[[int], Respondent]) -> tuple[list[Respondent], list[BaseException]]:
    """Run work(i) in THREADS threads released together by a barrier."""
    barrier = threading.Barrier(THREADS)
    results: list[Respondent] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def run(number: int) -> None:
        barrier.wait()
        try:
            result = work(number)
        except BaseException as error:  # noqa: BLE001 - every failure is asserted on below
            with lock:
                errors.append(error)
            return
        with lock:
            results.append(result)

    threads = [threading.Thread(target=run, args=(number,)) for number in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def _answers(number: int) -> dict[str, Answer]:
    return {sid: Answer(sid, number % 5, (number + 1) % 5, f"participant {number}") for sid in STATEMENTS}


def test_submit_response_hundred_participants_at_once(engine: Engine, team: Team, stored_bank: StoredBank) -> None:
    workshop = create_assessment(engine, team.id, stored_bank.id, "Busy", "workshop", ["staff"])
    results, errors = _all_at_once(
        lambda n: submit_response(engine, workshop.id, "staff", _answers(n), f"submission-{n}")
    )
    assert [repr(error) for error in errors] == []
    assert len({r.id for r in results}) == THREADS
    assert progress(engine, workshop.id) == (THREADS, THREADS)
    frame = responses_frame(engine, workshop.id)
    assert len(frame) == THREADS * len(STATEMENTS)
    assert frame.groupby("respondent").size().eq(len(STATEMENTS)).all()


def test_submit_response_hundred_retries_of_one_submission_store_one(
    engine: Engine, team: Team, stored_bank: StoredBank
) -> None:
    workshop = create_assessment(engine, team.id, stored_bank.id, "Retries", "workshop", ["staff"])
    results, errors = _all_at_once(lambda n: submit_response(engine, workshop.id, "staff", _answers(1), "same"))
    assert [repr(error) for error in errors] == []
    assert len(results) == THREADS and len({r.id for r in results}) == 1
    assert progress(engine, workshop.id) == (1, 1)
    assert len(responses_frame(engine, workshop.id)) == len(STATEMENTS)


def test_save_answer_hundred_participants_at_once(engine: Engine, team: Team, stored_bank: StoredBank) -> None:
    workshop = create_assessment(engine, team.id, stored_bank.id, "Live", "workshop", ["staff"])
    joined = [join(engine, workshop.id, "staff") for _ in range(THREADS)]

    def answer(number: int) -> Respondent:
        save_answer(engine, joined[number].id, "assets-1", number % 5, 4, "")
        return joined[number]

    _, errors = _all_at_once(answer)
    assert [repr(error) for error in errors] == []
    assert len(responses_frame(engine, workshop.id)) == THREADS


def test_create_assessment_twenty_simultaneous_tries_of_one_request_make_one(engine: Engine) -> None:
    import storage

    team = storage.create_team(engine, "Org", "Team")
    storage.install_builtin_banks(engine)
    bank_row = next(b.id for b in storage.list_banks(engine))
    barrier = threading.Barrier(20)
    made: list[int] = []
    errors: list[BaseException] = []

    def click() -> None:
        barrier.wait()
        try:
            made.append(storage.create_assessment(engine, team.id, bank_row, "Spring",
                                                  request_id="double-click-0123456789").id)
        except BaseException as error:  # noqa: BLE001 - asserted below
            errors.append(error)

    threads = [threading.Thread(target=click) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(made)) == 1 and len(made) == 20
    assert len(storage.list_assessments(engine, team.id)) == 1


def _replica(engine: Engine) -> Engine:
    """A second engine on the same database: another replica of the app behind the load balancer."""
    if engine.dialect.name == "sqlite":
        return make_engine(engine.url.render_as_string(hide_password=False))
    with engine.connect() as connection:
        schema = str(connection.exec_driver_sql("SHOW search_path").scalar())
    return pg_engine_in(schema)


def test_submit_response_each_submission_sent_to_two_replicas_at_once_stored_once(
    engine: Engine, team: Team, stored_bank: StoredBank
) -> None:
    workshop = create_assessment(engine, team.id, stored_bank.id, "Two replicas", "workshop", ["staff"])
    other = _replica(engine)
    try:
        results, errors = _all_at_once(lambda n: submit_response(
            (engine, other)[n % 2], workshop.id, "staff", _answers(n // 2), f"submission-{n // 2}"))
    finally:
        other.dispose()
    assert [repr(error) for error in errors] == []
    by_submission = {r.token: r.id for r in results}
    assert len(by_submission) == THREADS // 2
    assert all(by_submission[r.token] == r.id for r in results)
    assert progress(engine, workshop.id) == (THREADS // 2, THREADS // 2)
    frame = responses_frame(engine, workshop.id)
    assert len(frame) == THREADS // 2 * len(STATEMENTS)
    assert frame.groupby("respondent")["comment"].first().str.startswith("participant ").all()


def test_submit_response_a_bad_response_among_many_at_once_fails_alone(
    engine: Engine, team: Team, stored_bank: StoredBank
) -> None:
    workshop = create_assessment(engine, team.id, stored_bank.id, "One bad", "workshop", ["staff"])

    def send_one(number: int) -> Respondent:
        answers = _answers(number)
        if number == 7:  # two answers to one statement once the spaces are trimmed: the database refuses it
            answers[" assets-1 "] = Answer(" assets-1 ", 0, 0, "")
        return submit_response(engine, workshop.id, "staff", answers, f"submission-{number}")

    results, errors = _all_at_once(send_one)
    assert [type(error) for error in errors] == [sa.exc.IntegrityError]
    assert len({r.id for r in results}) == THREADS - 1
    assert progress(engine, workshop.id) == (THREADS - 1, THREADS - 1)
    assert len(responses_frame(engine, workshop.id)) == (THREADS - 1) * len(STATEMENTS)


def test_join_hundred_at_once_each_token_twice_joins_once(engine: Engine, team: Team,
                                                          stored_bank: StoredBank) -> None:
    workshop = create_assessment(engine, team.id, stored_bank.id, "Double clicks", "workshop", ["staff"])
    results, errors = _all_at_once(lambda n: join(engine, workshop.id, "staff", token=f"token-{n // 2}"))
    assert [repr(error) for error in errors] == []
    by_token = {r.token: r.id for r in results}
    assert sorted(by_token) == sorted(f"token-{n}" for n in range(THREADS // 2))
    assert all(by_token[r.token] == r.id for r in results)
    assert progress(engine, workshop.id) == (THREADS // 2, 0)


def test_join_hundred_at_once_a_perspective_the_session_lacks_fails_alone(
    engine: Engine, team: Team, stored_bank: StoredBank
) -> None:
    workshop = create_assessment(engine, team.id, stored_bank.id, "Staff only", "workshop", ["staff"])
    results, errors = _all_at_once(lambda n: join(engine, workshop.id, "staff" if n % 2 else "carers"))
    assert {str(error) for error in errors} == {"The perspective 'carers' is not one of this session's: staff."}
    assert len(errors) == THREADS // 2 and len({r.id for r in results}) == THREADS // 2
    assert progress(engine, workshop.id) == (THREADS // 2, 0)


def test_submit_hundred_clicks_on_fifty_respondents_each_sent_once(
    engine: Engine, team: Team, stored_bank: StoredBank
) -> None:
    workshop = create_assessment(engine, team.id, stored_bank.id, "Send", "workshop", ["staff"])
    people = [join(engine, workshop.id, "staff") for _ in range(THREADS // 2)]
    results, errors = _all_at_once(lambda n: submit(engine, people[n // 2].id))
    assert [repr(error) for error in errors] == []
    sent = {r.id: r.submitted_at for r in results}
    assert sorted(sent) == sorted(p.id for p in people)
    assert all(r.submitted_at == sent[r.id] and r.submitted_at is not None for r in results)
    assert progress(engine, workshop.id) == (THREADS // 2, THREADS // 2)


def test_submit_a_closed_session_among_many_at_once_fails_alone(engine: Engine, team: Team,
                                                                stored_bank: StoredBank) -> None:
    open_one = create_assessment(engine, team.id, stored_bank.id, "Open", "workshop", ["staff"])
    closed = create_assessment(engine, team.id, stored_bank.id, "Closed", "workshop", ["staff"])
    people = [join(engine, (open_one, closed)[n % 2].id, "staff") for n in range(THREADS)]
    set_status(engine, closed.id, "closed")
    results, errors = _all_at_once(lambda n: submit(engine, people[n].id))
    assert {str(error) for error in errors} == {CLOSED_MESSAGE} and len(errors) == THREADS // 2
    assert progress(engine, open_one.id) == (THREADS // 2, THREADS // 2)
    assert progress(engine, closed.id) == (THREADS // 2, 0)


def test_save_answer_same_answer_tapped_hundred_times_at_once_stores_one(
    engine: Engine, team: Team, stored_bank: StoredBank
) -> None:
    workshop = create_assessment(engine, team.id, stored_bank.id, "Taps", "workshop", ["staff"])
    person = join(engine, workshop.id, "staff")

    def tap(number: int) -> Respondent:
        save_answer(engine, person.id, "assets-1", number % 5, 4, f"tap {number}")
        return person

    _, errors = _all_at_once(tap)
    assert [repr(error) for error in errors] == []
    saved = get_answers(engine, person.id)
    assert list(saved) == ["assets-1"] and saved["assets-1"].comment.startswith("tap ")


def test_save_answer_racing_send_never_changes_sent_answers(engine: Engine, team: Team,
                                                            stored_bank: StoredBank) -> None:
    workshop = create_assessment(engine, team.id, stored_bank.id, "Race", "workshop", ["staff"])
    people = [join(engine, workshop.id, "staff") for _ in range(THREADS // 2)]
    after_send: dict[int, dict[str, Answer]] = {}

    def act(number: int) -> Respondent:
        person = people[number // 2]
        if number % 2:
            sent = submit(engine, person.id)
            after_send[person.id] = get_answers(engine, person.id)
            return sent
        for tap in range(1000):  # taps until refused: the Send has happened
            try:
                save_answer(engine, person.id, "assets-1", tap % 5, 4, "")
            except StorageError as error:
                assert str(error) == "You have already sent your answers, so they can no longer be changed."
                break
        return person

    _, errors = _all_at_once(act)
    assert [repr(error) for error in errors] == []
    assert {person.id: get_answers(engine, person.id) for person in people} == after_send
