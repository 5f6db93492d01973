"""A fingerprint of each session's stored answers, so a derived result can be reused until they change."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from storage import tables
from storage.db import reading


def session_versions(engine: Engine, assessment_ids: Iterable[int]) -> dict[int, str]:
    """Per session: its status, title and the counts and latest times of its respondents and answers, as text.

    Any saved, sent, imported or deleted answer, a close or reopen, a rename or a purge changes it.
    """
    ids = sorted(set(assessment_ids))
    if not ids:
        return {}
    a, r, ans, s = tables.assessments, tables.respondents, tables.answers, tables.session_snapshots
    answers = (sa.select(r.c.assessment_id, sa.func.count(r.c.id.distinct()).label("people"),
                         sa.func.count(r.c.submitted_at.distinct()).label("sent"),
                         sa.func.max(r.c.submitted_at).label("last_sent"),
                         sa.func.count(ans.c.id).label("answers"), sa.func.max(ans.c.updated_at).label("last_answer"))
               .outerjoin(ans, ans.c.respondent_id == r.c.id).where(r.c.assessment_id.in_(ids))
               .group_by(r.c.assessment_id).subquery())
    query = (sa.select(a.c.id, a.c.title, a.c.status, a.c.closed_at, answers.c.people, answers.c.sent,
                       answers.c.last_sent, answers.c.answers, answers.c.last_answer, s.c.answers_deleted_at)
             .outerjoin(answers, answers.c.assessment_id == a.c.id)
             .outerjoin(s, s.c.assessment_id == a.c.id)
             .where(a.c.id.in_(ids)))
    with reading(engine) as connection:
        rows = connection.execute(query).all()
    return {int(row.id): repr(tuple(row)[1:]) for row in rows}
