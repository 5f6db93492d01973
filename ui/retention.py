"""The app's daily retention check: one background thread per process, one run a day across all replicas."""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime, timezone

import streamlit as st

from services.database import Engine
from services.retention import run_daily
from ui.context import database_url, engine

# How often each process asks whether a day has passed since any replica (or cron) last ran the check.
CHECK_SECONDS = 3600
# A fresh process serves its first pages before it looks.
FIRST_CHECK_SECONDS = 60

_log = logging.getLogger("coproduction.retention")


def _loop(database: Engine) -> None:
    """Ask every hour; the database says whether the day's check is still to do (services.retention.run_daily)."""
    time.sleep(FIRST_CHECK_SECONDS)
    while True:
        try:
            done = run_daily(database, datetime.now(timezone.utc))
            if done:
                _log.info("Retention check: deleted the answers of %d sessions, keeping their scores", len(done))
        except Exception:  # the thread must outlive a database hiccup or a bad COPRO_RETENTION_DAYS
            _log.exception("The daily retention check failed; it is tried again within the hour")
        time.sleep(CHECK_SECONDS)


@st.cache_resource(show_spinner=False)
def _started(url: str | None, _database: Engine) -> threading.Thread:
    """One checking thread per process and database (st.cache_resource runs this once)."""
    thread = threading.Thread(target=_loop, args=(_database,), name="retention-check", daemon=True)
    thread.start()
    return thread


def start_daily_check() -> None:
    """Make sure this process runs the daily retention check (cheap after the first call)."""
    _started(database_url(), engine())
