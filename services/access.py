"""Who may see what: the viewer's access, passed to every service that reads results."""

from __future__ import annotations

from typing import Protocol

from domain.records import Assessment


class Access(Protocol):
    """What one viewer may see; the pages pass their browser's access, the command line full access."""

    def may_see(self, assessment: Assessment) -> bool:
        """Whether this viewer may see the assessment's results."""


class FullAccess:
    """Whoever holds the database (the command line, benchmarks) sees everything."""

    def may_see(self, assessment: Assessment) -> bool:
        """Everything is visible."""
        return True


FULL_ACCESS = FullAccess()
