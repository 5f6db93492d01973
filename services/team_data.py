"""A team's data as the app hands it out: only what the viewer may see, nothing below the threshold."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
from sqlalchemy.engine import Engine

import storage
from services.access import Access
from services.results import counted_answers
from domain.vocabulary import LONG_COLUMNS
from scoring import shareable_answers


@dataclass(frozen=True, eq=False)
class TeamExport:
    """One DataFrame per table, and notes on what was left out and why."""

    tables: dict[str, pd.DataFrame]
    notes: tuple[str, ...]


def _kept(frame: pd.DataFrame, column: str, ids: set[int]) -> pd.DataFrame:
    """Rows whose `column` is one of `ids`."""
    return frame[frame[column].isin(ids)].reset_index(drop=True) if not frame.empty else frame


def team_export(engine: Engine, team_id: int, access: Access,
                on_progress: Callable[[int, int], None] | None = None) -> TeamExport:
    """The team's tables limited to assessments the viewer may see, with the same anonymity as the charts.

    An assessment with fewer respondents than its threshold contributes no respondents or answers;
    a perspective smaller than the threshold is shown as the group it is merged into; answers not
    yet sent in a workshop are left out (they do not count anywhere else either). `on_progress`
    hears (sessions done, sessions in all) after each session, for a progress bar.
    """
    tables = storage.export_team(engine, team_id)
    notes: list[str] = []
    visible: set[int] = set()
    respondent_rows: list[pd.DataFrame] = []
    answer_rows: list[pd.DataFrame] = []
    assessments = storage.list_assessments(engine, team_id)
    for done, assessment in enumerate(assessments, start=1):
        if on_progress is not None:
            on_progress(done - 1, len(assessments))
        if not access.may_see(assessment):
            notes.append(f"{assessment.title} (workshop {assessment.id}): left out, as it needs its facilitator key.")
            continue
        visible.add(assessment.id)
        bank = storage.load_bank_version(engine, assessment.bank_row_id)
        shared = shareable_answers(counted_answers(engine, assessment), bank, threshold=assessment.threshold)
        if shared is None:
            notes.append(f"{assessment.title} (assessment {assessment.id}): answers left out, as fewer than "
                         f"{assessment.threshold} people have answered.")
            continue
        # The shareable answers carry meaningless labels in random order and no times: the same rows the
        # answers download holds, so the team export is never less anonymous than the screen.
        people = shared.drop_duplicates("respondent")[["respondent", "perspective"]].sort_values("respondent")
        respondent_rows.append(people.assign(assessment_id=assessment.id)[["assessment_id", "respondent",
                                                                           "perspective"]])
        answer_rows.append(shared.assign(assessment_id=assessment.id))
    if on_progress is not None:
        on_progress(len(assessments), len(assessments))
    respondents = (pd.concat(respondent_rows, ignore_index=True) if respondent_rows
                   else pd.DataFrame(columns=["assessment_id", "respondent", "perspective"]))
    columns = ["assessment_id", *LONG_COLUMNS]
    counted = (pd.concat(answer_rows, ignore_index=True)[columns] if answer_rows
               else pd.DataFrame(columns=columns))
    out = {
        "team": tables["team"],
        "assessments": _kept(tables["assessments"], "id", visible),
        "respondents": respondents,
        "answers": counted,
        "agreed": _kept(tables["agreed"], "assessment_id", visible),
        "actions": _kept(tables["actions"], "assessment_id", visible),
    }
    if notes:
        out["notes"] = pd.DataFrame({"note": notes})
    return TeamExport(out, tuple(notes))


def locked_workshops(engine: Engine, team_id: int, access: Access) -> list[storage.Assessment]:
    """The team's workshops whose facilitator key this viewer has not given."""
    return [a for a in storage.list_assessments(engine, team_id) if not access.may_see(a)]
