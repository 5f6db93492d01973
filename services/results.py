"""The results of a stored session for one viewer: load what storage holds, then build the one model."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pandas as pd
from sqlalchemy.engine import Engine

import storage
from domain.records import Assessment
from i18n import current_language
from reports.model import build_results
from reports.parts import Results, ResultsInput, SessionData
from reports.snapshot import ScoredSession, scored_from_json
from services.access import Access


def counted_answers(engine: Engine, assessment: Assessment) -> pd.DataFrame:
    """The answers that count: sent ones only, in every mode (Mode.counts_only_sent)."""
    return storage.responses_frame(engine, assessment.id, submitted_only=assessment.mode.counts_only_sent)


def kept_scores(engine: Engine, assessment: Assessment) -> ScoredSession | None:
    """What a session showed, kept when its answers were deleted after the retention period (else None)."""
    kept = storage.snapshot_of(engine, assessment.id)
    if kept is None:
        return None
    return dataclasses.replace(scored_from_json(kept.scored), answers_deleted_at=kept.answers_deleted_at)


def session_data(engine: Engine, assessment: Assessment, with_actions: bool = True) -> SessionData:
    """One stored session as the results model reads it (from its snapshot once its answers are deleted)."""
    actions = tuple(storage.list_actions(engine, assessment.id)) if with_actions else ()
    return SessionData(id=assessment.id, title=assessment.title, mode=assessment.mode,
                       taken_on=assessment.created_at.date(), threshold=assessment.threshold,
                       responses=counted_answers(engine, assessment), actions=actions,
                       scored=kept_scores(engine, assessment))


def results_input(engine: Engine, assessment: Assessment, access: Access, history: bool = True,
                  now: dt.datetime | None = None) -> ResultsInput:
    """Everything the results of a session are built from, limited to what `access` may see.

    Without `history` no earlier session is read (the facilitator's live view refreshes every
    few seconds and shows no trend).
    """
    # The bank's texts in the reader's language where it is translated (ids and scoring are the same).
    bank = storage.load_bank_version(engine, assessment.bank_row_id).in_language(current_language())
    team = storage.get_team(engine, assessment.team_id)
    earlier = storage.earlier_assessments(engine, assessment) if history else []
    visible = [other for other in earlier if access.may_see(other)]
    return ResultsInput(
        bank=bank,
        organisation=team.organisation if team else "",
        team=team.name if team else "",
        session=session_data(engine, assessment, with_actions=history),
        generated_at=now or dt.datetime.now(dt.timezone.utc),
        earlier=tuple(session_data(engine, other) for other in visible),
        locked_earlier=len(earlier) - len(visible),
        agreed=storage.agreed_ratings(engine, assessment.id) if history else {},
    )


def results_for(engine: Engine, assessment: Assessment, access: Access, history: bool = True,
                now: dt.datetime | None = None) -> Results:
    """The one results model of a stored session, as this viewer may see it."""
    return build_results(results_input(engine, assessment, access, history=history, now=now))
