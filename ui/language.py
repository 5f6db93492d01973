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


def language_picker(domain: str, *, where: str = "sidebar", radio: bool = False) -> str:
    """A choice of the languages this part of the app ships in; returns the chosen code (kept for the session).

    `domain` is "participant" (join page, answer form, own link) or "staff" (everything else): Arabic ships the
    participant screens only, so staff pages do not offer it.
    """
    options = [language.code for language in i18n.languages_for(domain)]
    current = i18n.current_language()
    if current not in options:
        current = i18n.SOURCE_LANGUAGE
    names = {language.code: language.name for language in i18n.LANGUAGES.values()}
    container = st.sidebar if where == "sidebar" else st.container()
    # `radio`: every choice in view, and no drop-down whose "Open" button a page's own "Open" button shares.
    label, key = "Language / Iaith / اللغة", f"language_picker_{domain}"
    if radio:
        chosen = container.radio(label, options, index=options.index(current), format_func=names.__getitem__,
                                 key=key)
    else:
        chosen = container.selectbox(label, options, index=options.index(current), format_func=names.__getitem__,
                                     key=key)
    if chosen != st.session_state.get(KEY):
        st.session_state[KEY] = chosen
    if st.query_params.get("lang") not in (None, chosen):
        st.query_params["lang"] = chosen
    return str(chosen)


def apply_direction() -> None:
    """Lay the page out right to left when the reader's language is written that way."""
    if i18n.text_direction() == "rtl":
        st.html("<style>[data-testid='stMain'], [data-testid='stSidebar'] {direction: rtl; text-align: right;}</style>")
