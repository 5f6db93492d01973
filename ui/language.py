"""The reader's language in the app: chosen per browser session, kept in the address (`?lang=cy`)."""

from __future__ import annotations

import streamlit as st

import i18n

KEY = "language"


def _from_session() -> str | None:
    """The language this browser session chose (the address wins, so a shared link opens in its language)."""
    from_address = st.query_params.get("lang")
    if from_address:
        return i18n.normalise(from_address)
    value = st.session_state.get(KEY)
    return str(value) if value else None


def install() -> None:
    """Let the translation function find this session's language on every run, fragment and callback."""
    i18n.set_resolver(_from_session)
