"""Retention (issue 11 point 6): how long individual answers are kept, and the daily check that deletes them.

A session's answers are deleted once its organisation's period has passed since the session closed or
since its last answer, whichever is later (a session nobody answered: since it was created). What the
session showed is kept first (reports.snapshot), so its results, baselines, trends, PDF and the manager's
view look as before; agreed ratings and actions stay. Off unless configured: per organisation on the
admin page, or for the whole site with COPRO_RETENTION_DAYS (the only setting in open mode).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

import pandas as pd
from sqlalchemy.engine import Engine

import storage
from domain.records import Organisation, RetentionCandidate
from domain.vocabulary import AuditAction
from questions.schema import Bank
from reports.snapshot import ScoredSession, snapshot_json
from scoring import score_group, score_perspectives
from services.access import ViewerAccess
from services.audit import log
from services.roles import Permission
from storage import StorageError
from storage.retention import MOST_DAYS as MOST_DAYS  # re-exported: the admin page offers 1 to MOST_DAYS

ENV_VAR = "COPRO_RETENTION_DAYS"
JOB = "retention"
EVERY = timedelta(days=1)
ACTOR = "daily retention check"
NEVER = 0  # stored for an organisation that keeps answers whatever the site default says


class _Environment(Enum):
    """Marker: read the site default from the environment."""

    READ = "read"


FROM_ENVIRONMENT = _Environment.READ


def site_default_days(value: str | None = None) -> int | None:
    """The site's default period from COPRO_RETENTION_DAYS (unset, empty, 0 or 'never': answers are kept)."""
    text = (os.environ.get(ENV_VAR, "") if value is None else value).strip()
    if not text or text.lower() in ("0", "never", "off"):
        return None
    try:
        days = int(text)
    except ValueError:
        days = -1
    if not 1 <= days <= MOST_DAYS:
        raise StorageError(f"{ENV_VAR} is {text!r}: expected a whole number of days from 1 to "
                           f"{MOST_DAYS:,}.", hint="Leave it unset to keep answers.")
    return days


def effective_days(stored: int | None, site_default: int | None) -> int | None:
    """The period that applies: the organisation's own, else the site default; None keeps answers."""
    if stored is None:
        return site_default
    return None if stored == NEVER else stored


def describe(days: int | None) -> str:
    """A period in words, as the admin page and the log say it."""
    if days is None:
        return "kept until the team is deleted"
    return f"deleted {days} {'day' if days == 1 else 'days'} after the session closes or its last answer"


@dataclass(frozen=True)
class RetentionSetting:
    """An organisation's setting as the admin page shows it."""

    organisation: Organisation
    stored: int | None          # None: follows the site default; 0: never
    site_default: int | None

    @property
    def days(self) -> int | None:
        """The period that applies (None: answers are kept)."""
        return effective_days(self.stored, self.site_default)


def _require(access: ViewerAccess, organisation_id: int) -> None:
    """Only the organisation's admins see and change its retention."""
    if not access.may_in_organisation(Permission.MANAGE_RETENTION, organisation_id):
        raise StorageError("Only an admin of the organisation can set how long answers are kept.")


def retention_setting(engine: Engine, access: ViewerAccess, organisation: Organisation) -> RetentionSetting:
    """The organisation's retention setting, for its admins."""
    _require(access, organisation.id)
    stored = storage.retention_settings(engine).get(organisation.id)
    return RetentionSetting(organisation, stored, site_default_days())


def set_retention(engine: Engine, access: ViewerAccess, organisation: Organisation,
                  days: int | None) -> RetentionSetting:
    """Change an organisation's period (None: the site default; 0: never) and record it in the audit log."""
    _require(access, organisation.id)
    before = storage.set_retention_days(engine, organisation.id, days)
    setting = RetentionSetting(organisation, days, site_default_days())
    if before != days:
        was = RetentionSetting(organisation, before, setting.site_default)
        log(engine, access.viewer, AuditAction.RETENTION_CHANGED, organisation.name, organisation_id=organisation.id,
            details=f"individual answers: {describe(setting.days)} (was: {describe(was.days)})")
    return setting


@dataclass(frozen=True)
class Purge:
    """A session whose individual answers the check deleted, keeping what it showed."""

    assessment_id: int
    organisation: str
    team: str
    title: str
    respondents: int


def due(candidates: list[RetentionCandidate], now: datetime,
        site_default: int | None) -> list[tuple[RetentionCandidate, int]]:
    """The sessions whose period has passed, each with the period that applies."""
    found = []
    for candidate in candidates:
        days = effective_days(candidate.retention_days, site_default)
        if days is not None and candidate.counted_from <= now - timedelta(days=days):
            found.append((candidate, days))
    return found


def kept_scores(bank: Bank, threshold: int) -> Callable[[pd.DataFrame], str]:
    """What a session shows, from its counted answers, as the JSON kept once they are deleted."""
    def snapshot(responses: pd.DataFrame) -> str:
        return snapshot_json(ScoredSession(score_group(responses, bank, threshold=threshold),
                                           score_perspectives(responses, bank, threshold=threshold)))
    return snapshot


def run_retention(engine: Engine, now: datetime,
                  site_default: int | None | _Environment = FROM_ENVIRONMENT) -> list[Purge]:
    """Delete the answers of every session past its period, keeping what it showed; returns what was done.

    Idempotent and safe when several replicas run it at once: one transaction per session, which checks
    again that it is due and not yet done (PostgreSQL skips a session another replica has locked).
    """
    default = site_default_days() if isinstance(site_default, _Environment) else site_default
    done = []
    for candidate, days in due(storage.retention_candidates(engine), now, default):
        assessment = storage.get_assessment(engine, candidate.assessment_id)
        if assessment is None:
            continue
        bank = storage.load_bank_version(engine, assessment.bank_row_id)
        target = (f"{candidate.organisation} · {candidate.team} (team {candidate.team_id}) · {candidate.title} "
                  f"(session {candidate.assessment_id})")
        details = (f"answers deleted {days} days after the session's last activity; the scores it showed are kept")
        line = storage.AuditLine(ACTOR, target, candidate.organisation_id, details)
        deleted = storage.purge_answers(engine, candidate.assessment_id, now - timedelta(days=days), days,
                                        kept_scores(bank, assessment.threshold), line, now)
        if deleted is not None:
            done.append(Purge(candidate.assessment_id, candidate.organisation, candidate.team, candidate.title,
                              deleted))
    return done


def run_daily(engine: Engine, now: datetime,
              site_default: int | None | _Environment = FROM_ENVIRONMENT) -> list[Purge] | None:
    """The check, if no replica (or the cron command) has run it in the last day; None when not due."""
    if not storage.claim_run(engine, JOB, now, EVERY):
        return None
    return run_retention(engine, now, site_default)
