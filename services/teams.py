"""Teams and what Home lists for a team: its sessions with their progress."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

import storage
from domain.records import Assessment, Team


@dataclass(frozen=True)
class SessionSummary:
    """A session as Home lists it."""

    assessment: Assessment
    bank_label: str
    joined: int
    sent: int


def list_teams(engine: Engine) -> list[Team]:
    """Every team, by organisation then name."""
    return storage.list_teams(engine)


def get_team(engine: Engine, team_id: int) -> Team | None:
    """The team with this id, or None."""
    return storage.get_team(engine, team_id)


def create_team(engine: Engine, organisation: str, name: str) -> Team:
    """Add a team (the same names again return the existing team)."""
    return storage.create_team(engine, organisation, name)


def delete_team(engine: Engine, team_id: int) -> None:
    """Remove a team and everything it owns."""
    storage.delete_team(engine, team_id)


def team_sessions(engine: Engine, team_id: int) -> list[SessionSummary]:
    """The team's sessions, newest first, with their bank and how many joined and sent."""
    banks = {b.id: f"{b.title} v{b.version}" for b in storage.list_banks(engine)}
    summaries = []
    for assessment in reversed(storage.list_assessments(engine, team_id)):
        joined, sent = storage.progress(engine, assessment.id)
        summaries.append(SessionSummary(assessment, banks.get(assessment.bank_row_id, "?"), joined, sent))
    return summaries
