"""Sessions: create self-assessments and workshops, find them, open and close them, facilitator keys."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.engine import Engine

import storage
from domain.records import Assessment
from domain.vocabulary import AuditAction, GrantKind, Mode, SessionStatus
from services.access import Viewer, ViewerAccess, grant
from services.audit import log_session
from storage import StorageError


def _check_bank(engine: Engine, team_id: int, bank_row_id: int) -> None:
    """Refuse a bank the team's organisation cannot see (another organisation's upload)."""
    team, bank = storage.get_team(engine, team_id), storage.get_bank(engine, bank_row_id)
    if team is None:
        raise StorageError("That team no longer exists.")
    if bank is None or not (bank.builtin or bank.organisation_id in (None, team.organisation_id)):
        raise StorageError("That question bank is no longer in the database.")


def create_self_assessment(engine: Engine, team_id: int, bank_row_id: int, title: str, threshold: int,
                           request_id: str) -> Assessment:
    """Start a self-assessment; a repeated request (double click, retry) returns the one it made."""
    _check_bank(engine, team_id, bank_row_id)
    return storage.create_assessment(engine, team_id, bank_row_id, title, mode=Mode.SELF, threshold=threshold,
                                     request_id=request_id)


def new_facilitator_key() -> str:
    """A fresh facilitator key, made before the click so a repeated request hands back the same one."""
    return storage.new_facilitator_key()


def create_workshop(engine: Engine, team_id: int, bank_row_id: int, title: str, perspectives: Iterable[str],
                    threshold: int, key: str | None = None, request_id: str | None = None) -> tuple[Assessment, str]:
    """Start a workshop; returns it and the facilitator key (only its hash is stored)."""
    _check_bank(engine, team_id, bank_row_id)
    return storage.create_workshop(engine, team_id, bank_row_id, title, perspectives, threshold, key=key,
                                   request_id=request_id)


def follow_up(engine: Engine, workshop: Assessment, key: str | None) -> tuple[Assessment, str]:
    """A new workshop on the same team, bank, perspectives and threshold, opened with the same key.

    Without the key in hand (the facilitator was let in by this browser's unlock, not by typing it) the
    follow-up keeps the stored hash, so the same key still opens it; the key returned is then "".
    """
    title = f"Follow-up to {workshop.title}"
    if key:
        return storage.create_workshop(engine, workshop.team_id, workshop.bank_row_id, title, workshop.perspectives,
                                       workshop.threshold, key=key)
    return storage.create_follow_up(engine, workshop.id, title), ""


def get_session(engine: Engine, assessment_id: int) -> Assessment | None:
    """The session with this id, or None."""
    return storage.get_assessment(engine, assessment_id)


def find_session(engine: Engine, code: str | None) -> Assessment | None:
    """The session with this join code as typed (any case, spaces or dashes), or None."""
    return storage.find_by_join_code(engine, code)


def session_by_link(engine: Engine, access: ViewerAccess, token: str | None) -> Assessment | None:
    """The session of a results link; in open mode this browser keeps it from now on."""
    assessment = storage.find_by_link(engine, token)
    if assessment is not None and not access.viewer.signed_in_mode:
        grant(engine, access, GrantKind.SESSION, assessment.id)
    return assessment


def set_open(engine: Engine, assessment: Assessment, is_open: bool) -> Assessment:
    """Open or close a session."""
    return storage.set_status(engine, assessment.id, SessionStatus.OPEN if is_open else SessionStatus.CLOSED)


def key_matches(engine: Engine, assessment_id: int, key: str | None) -> bool:
    """Whether the key is this workshop's facilitator key."""
    return storage.check_facilitator_key(engine, assessment_id, key)


def remember_unlock(engine: Engine, access: ViewerAccess, assessment: Assessment) -> None:
    """This browser may open a workshop it just created (or unlocked) until the unlock expires."""
    grant(engine, access, GrantKind.FACILITATOR, assessment.id)


def unlock(engine: Engine, access: ViewerAccess, assessment: Assessment, key: str) -> bool:
    """Check a typed facilitator key; if right, this browser opens the workshop and its series from now on.

    The key itself is never kept: the browser's device id gets an expiring grant, stored hashed, that
    the workshop's facilitator can revoke everywhere (see lock_everywhere).
    """
    if not assessment.is_workshop or not key_matches(engine, assessment.id, key):
        return False
    remember_unlock(engine, access, assessment)
    # A follow-up keeps its series' key: the same key opens the earlier workshops for the trend.
    for other in storage.list_assessments(engine, assessment.team_id):
        if other.is_workshop and other.id != assessment.id and not access.unlocked(other) \
                and key_matches(engine, other.id, key):
            remember_unlock(engine, access, other)
    log_session(engine, access.viewer, AuditAction.FACILITATOR_UNLOCKED, assessment)
    return True


def lock_everywhere(engine: Engine, access: ViewerAccess, assessment: Assessment) -> int:
    """End every other browser's unlock of this workshop (a lost or copied cookie); returns how many."""
    if not access.unlocked(assessment):
        raise StorageError("Only a browser that holds this workshop's key can lock it.")
    ended = storage.revoke_object(engine, GrantKind.FACILITATOR, assessment.id, keep_device_hash=access.viewer.device_hash)
    log_session(engine, access.viewer, AuditAction.DEVICES_REVOKED, assessment, details=f"{ended} other browsers")
    return ended


def forget_browser(engine: Engine, viewer: Viewer) -> int:
    """End everything this browser was given (on a shared computer); returns how many grants ended."""
    if not viewer.device_hash:
        return 0
    return storage.revoke_device(engine, viewer.device_hash)


def unlocked_devices(engine: Engine, assessment: Assessment) -> int:
    """How many browsers may open this workshop's facilitator view now."""
    return storage.grant_count(engine, GrantKind.FACILITATOR, assessment.id)
