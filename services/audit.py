"""The audit log as the pages write and read it: sign-ins, results viewed, exports, deletions, role changes."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import datetime, timedelta, timezone

import pandas as pd
from sqlalchemy.engine import Engine

import storage
from domain.records import Assessment, AuditEntry, Team
from domain.vocabulary import AuditAction
from services.access import Viewer, ViewerAccess
from services.roles import Permission

# A sign-in is trusted this long after the identity provider issued it (Streamlit's cookie lasts 30 days).
SIGN_IN_LIFETIME = timedelta(hours=12)


def log(engine: Engine, viewer: Viewer, action: AuditAction, target: str, organisation_id: int | None = None,
        details: str = "") -> None:
    """Record that this viewer did something."""
    storage.record(engine, viewer.actor, action, target, organisation_id=organisation_id, details=details)


def team_label(team: Team | None) -> str:
    """A team as the log names it."""
    return f"{team.organisation} · {team.name} (team {team.id})" if team else "a deleted team"


def log_session(engine: Engine, viewer: Viewer, action: AuditAction, assessment: Assessment, details: str = "") -> None:
    """Record something done to one session, under its team's organisation."""
    team = storage.get_team(engine, assessment.team_id)
    storage.record(engine, viewer.actor, action, f"{team_label(team)} · {assessment.title} (session {assessment.id})",
                   organisation_id=team.organisation_id if team else None, details=details)


def readable_organisations(access: ViewerAccess) -> set[int] | None:
    """Whose log this viewer may read: a site admin all (None), an admin their organisations."""
    if access.viewer.site_admin and access.signed_in:
        return None
    return {o.id for o in access.organisations(Permission.VIEW_AUDIT)}


def recent_entries(engine: Engine, access: ViewerAccess, limit: int = 500) -> list[AuditEntry]:
    """The newest events this viewer may read."""
    return storage.entries(engine, readable_organisations(access), limit=limit)


def log_frame(engine: Engine, access: ViewerAccess) -> pd.DataFrame:
    """Every event this viewer may read, oldest first, to download."""
    return storage.entries_frame(engine, readable_organisations(access))


def sign_in_key(claims: Mapping[str, object]) -> str:
    """One sign-in's identity: its issuer, subject, issue time and nonce, hashed."""
    parts = [str(claims.get(name, "")) for name in ("iss", "sub", "iat", "nonce")]
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()


def sign_in_state(engine: Engine, viewer: Viewer, claims: Mapping[str, object],
                  now: datetime | None = None) -> str:
    """'ok', 'ended' (signed out, on any replica) or 'expired'; the first sight of a sign-in is logged."""
    now = now or datetime.now(timezone.utc)
    issued = claims.get("iat")
    started = datetime.fromtimestamp(float(issued), timezone.utc) if isinstance(issued, (int, float)) else now
    if now - started > SIGN_IN_LIFETIME:
        return "expired"
    key = sign_in_key(claims)
    if storage.sign_in_ended(engine, key):
        return "ended"
    if storage.start_sign_in(engine, key, viewer.actor, started):
        for organisation_id in sorted({m.organisation_id for m in storage.memberships_of(engine, viewer.actor)}):
            log(engine, viewer, AuditAction.SIGN_IN, viewer.actor, organisation_id=organisation_id)
        if not storage.memberships_of(engine, viewer.actor):
            log(engine, viewer, AuditAction.SIGN_IN, viewer.actor, details="no role in any organisation")
    return "ok"


def sign_out(engine: Engine, viewer: Viewer, claims: Mapping[str, object]) -> None:
    """End a sign-in for good (its cookie opens nothing afterwards, even if copied) and log it."""
    storage.end_sign_in(engine, sign_in_key(claims))
    organisations: list[int | None] = [*sorted({m.organisation_id for m in storage.memberships_of(engine, viewer.actor)})]
    for organisation_id in organisations or [None]:
        log(engine, viewer, AuditAction.SIGN_OUT, viewer.actor, organisation_id=organisation_id)
