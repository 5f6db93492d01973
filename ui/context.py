"""Per-process resources for the pages: the database engine and the bank cache."""

from __future__ import annotations

import os
import re
from typing import Any

import streamlit as st

from domain.records import Assessment
from questions.errors import ProjectError
from questions.schema import Bank
from services.banks import bank_of
from services.database import Engine, open_database

# Characters that Streamlit's Markdown would interpret; user text must be shown literally.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
# Streamlit's Markdown (remark-gfm) turns bare addresses into links after escapes are read, so escaping alone
# leaves "http://…", "www.…" and "name@host" clickable: an invisible word joiner breaks each pattern instead.
_WORD_JOINER = "\u2060"
_AUTOLINKS = re.compile(r"(?i)(?<=:)(?=//)|(?<=www)(?=\\?\.)|(?=@)")


# What people see when something unexpected fails (app.py's last guard, widget callbacks): never a traceback.
SOMETHING_WENT_WRONG = (
    "Something went wrong on our side. Everything already saved is safe: reload the page to carry on. "
    "If it keeps happening, tell whoever runs this tool (the details are in the server log)."
)


def database_url() -> str | None:
    """The database URL from Streamlit secrets or the environment (None: the SQLite default)."""
    try:
        secret = st.secrets.get("database_url")
    except Exception:  # no secrets.toml at all: Streamlit raises rather than returning None
        secret = None
    return secret or os.environ.get("COPRO_DATABASE_URL") or None


@st.cache_resource(show_spinner=False)
def _engine(url: str | None) -> Engine:
    """One engine per process and URL; migrations and built-in banks are applied once."""
    return open_database(url)


def engine() -> Engine:
    """The shared engine for this process."""
    return _engine(database_url())


def bank_for(assessment: Assessment, language: str | None = None) -> Bank:
    """The bank version an assessment was started with, in `language` where it is translated."""
    return bank_of(engine(), assessment, language)


def md(text: Any) -> str:
    """Escape user text so Markdown shows it literally."""
    return _AUTOLINKS.sub(_WORD_JOINER, _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)))


def show_error(error: ProjectError, title: str = "That did not work") -> None:
    """Show every problem of a project error, never a traceback."""
    lines = "\n".join(f"- {md(problem)}" for problem in error.problems) or md(error)
    st.error(f"**{title}**\n\n{lines}")


def query_int(name: str) -> int | None:
    """An integer query parameter, or None when absent or not a number."""
    value = st.query_params.get(name)
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None
