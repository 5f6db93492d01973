"""A team's data as the app hands it out: only what the viewer may see, withheld as on the screen."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy.engine import Engine

import storage
from domain.vocabulary import LONG_COLUMNS
from services.access import Access
from services.exports import shared_answers

ANSWER_COLUMNS = ["assessment_id", *LONG_COLUMNS]
RESPONDENT_COLUMNS = ["assessment_id", "respondent", "perspective"]


@dataclass(frozen=True, eq=False)
class TeamExport:
    """One DataFrame per table, and notes on what was left out and why."""

    tables: dict[str, pd.DataFrame]
    notes: tuple[str, ...]


def _kept(frame: pd.DataFrame, column: str, ids: set[int]) -> pd.DataFrame:
    """Rows whose `column` is one of `ids`."""
    return frame[frame[column].isin(ids)].reset_index(drop=True) if not frame.empty else frame


def team_export(engine: Engine, team_id: int, access: Access) -> TeamExport:
    """The team's tables limited to assessments the viewer may see, withholding what the screen withholds.

    Answers are each session's shareable answers (services.exports.shared_answers, the same as its
    own download): hidden statements' rows and comments left out, hidden targets blank, respondents
    relabelled R01.. at random, rows shuffled, perspectives as shown. Respondents are those labels
    only: no stored id, import label, join or answer time, so neither order nor timing names anyone.
    An assessment with fewer respondents than its threshold contributes no respondents or answers;
    answers not yet sent in a workshop are left out (they count nowhere else either).
    """
    tables = storage.export_team(engine, team_id)
    notes: list[str] = []
    visible: set[int] = set()
    answer_rows: list[pd.DataFrame] = []
    for assessment in storage.list_assessments(engine, team_id):
        if not access.may_see(assessment):
            notes.append(f"{assessment.title} (workshop {assessment.id}): left out, as it needs its facilitator key.")
            continue
        visible.add(assessment.id)
        shared = shared_answers(engine, assessment)
        if shared is None:
            notes.append(f"{assessment.title} (assessment {assessment.id}): answers left out, as fewer than "
                         f"{assessment.threshold} people have answered.")
            continue
        answer_rows.append(shared.assign(assessment_id=assessment.id)[ANSWER_COLUMNS])
    answers = (pd.concat(answer_rows, ignore_index=True) if answer_rows
               else pd.DataFrame({c: pd.Series(dtype="object") for c in ANSWER_COLUMNS}))
    respondents = (answers.drop_duplicates(["assessment_id", "respondent"])[RESPONDENT_COLUMNS]
                   .sort_values(["assessment_id", "respondent"]).reset_index(drop=True))
    out = {
        "team": tables["team"],
        "assessments": _kept(tables["assessments"], "id", visible),
        "respondents": respondents,
        "answers": answers,
        "agreed": _kept(tables["agreed"], "assessment_id", visible),
        "actions": _kept(tables["actions"], "assessment_id", visible),
    }
    if notes:
        out["notes"] = pd.DataFrame({"note": notes})
    return TeamExport(out, tuple(notes))


def locked_workshops(engine: Engine, team_id: int, access: Access) -> list[storage.Assessment]:
    """The team's workshops whose facilitator key this viewer has not given."""
    return [a for a in storage.list_assessments(engine, team_id) if not access.may_see(a)]
