"""Many participants submitting at the same moment, on both databases."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy.engine import Engine

from storage import (
    Answer,
    Respondent,
    StoredBank,
    Team,
    create_assessment,
    join,
    progress,
    responses_frame,
    save_answer,
    submit_response,
)

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
