"""Opening the app's database: migrated, with the built-in banks installed."""

from __future__ import annotations

from sqlalchemy.engine import Engine

import storage

__all__ = ["Engine", "open_database"]  # Engine re-exported: pages hold one without importing SQLAlchemy


def open_database(url: str | None) -> Engine:
    """A migrated engine for the URL (None: COPRO_DATABASE_URL or the local SQLite file), built-in banks in."""
    engine = storage.make_engine(url)
    storage.install_builtin_banks(engine)
    return engine
