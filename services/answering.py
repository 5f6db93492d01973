"""A participant's answers: join, resume by code, save as you go, send; or a whole response at once."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.engine import Engine

import storage
from domain.records import Answer, Assessment, Respondent


def join(engine: Engine, assessment: Assessment, perspective: str, token: str) -> Respondent:
    """Join a session; the same token again returns the same respondent (a double click joins once)."""
    return storage.join(engine, assessment.id, perspective, token=token)


def new_resume_code() -> str:
    """A fresh resume code, made before the Start click so a double click joins once."""
    return storage.new_token()


def resume_code(token: str) -> str:
    """How a resume code is shown and read out: groups of four (an old code as it is)."""
    return storage.format_resume_code(token)


def respondent(engine: Engine, token: str | None) -> Respondent | None:
    """The respondent with this resume code, or None."""
    return storage.get_respondent(engine, token) if token else None


def saved_answers(engine: Engine, respondent_id: int) -> dict[str, Answer]:
    """What is stored for a respondent, by statement id."""
    return storage.get_answers(engine, respondent_id)


def save_answer(engine: Engine, respondent_id: int, statement_id: str, current: int | None, target: int | None,
                comment: str) -> None:
    """Store (or replace) one answer."""
    storage.save_answer(engine, respondent_id, statement_id, current, target, comment)


def send(engine: Engine, respondent_id: int) -> Respondent:
    """Send a respondent's answers: they count from now on and can no longer be changed."""
    return storage.submit(engine, respondent_id)


def submit_whole_response(engine: Engine, assessment: Assessment, perspective: str, answers: Mapping[str, Answer],
                          submission_id: str) -> Respondent:
    """Store a whole response, sent, in one transaction; the same submission id again stores nothing new."""
    return storage.submit_response(engine, assessment.id, perspective, answers, submission_id)
