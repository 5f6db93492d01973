"""The records storage returns: defined once in domain.records, re-exported for storage's callers."""

from __future__ import annotations

from domain.records import (
    Action,
    AgreedRating,
    Answer,
    Assessment,
    AuditEntry,
    Membership,
    Organisation,
    Respondent,
    StoredBank,
    Team,
)

__all__ = ["Action", "AgreedRating", "Answer", "Assessment", "AuditEntry", "Membership", "Organisation", "Respondent",
           "StoredBank", "Team"]
