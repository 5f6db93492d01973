"""The reader's language in the app: chosen per browser session, kept in the address (`?lang=cy`)."""

from __future__ import annotations

import streamlit as st

import i18n

KEY = "language"
CHOSEN = "language_chosen"
# The page right to left; each paragraph takes the direction of its own first letter (English bank or user text
# inside an Arabic page keeps its full stop at its end); bars fill and arrows point from the right.
_RIGHT_TO_LEFT = """<style>
[data-testid='stMain'], [data-testid='stSidebar'] { direction: rtl; text-align: right; }
[data-testid='stMain'] :is(p, li, h1, h2, h3, h4) { unicode-bidi: plaintext !important; text-align: start !important; }
[data-testid='stMain'] [data-testid='stProgressBarTrack'],
[data-testid='stMain'] summary [data-testid='stIconMaterial'] { transform: scaleX(-1); }
</style>"""  # set once this browser session picked a language itself (the picker, not a default)


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
    widget = f"language_picker_{domain}"
    if st.session_state.get(widget) != current:
        st.session_state[widget] = current  # first draw, or the language was restored with a resume code
    label = "Language / Iaith / اللغة"
    # `radio`: every choice in view, and no drop-down whose "Open" button a page's own "Open" button shares.
    if radio:
        chosen = container.radio(label, options, format_func=names.__getitem__, key=widget, on_change=_picked,
                                 args=(widget,))
    else:
        chosen = container.selectbox(label, options, format_func=names.__getitem__, key=widget, on_change=_picked,
                                     args=(widget,))
    # Only a change made with the picker (its callback) sets the language: drawing a picker never does, so a
    # staff picker (no Arabic) on the same page cannot switch an Arabic reader back to English.
    return str(chosen)


def _picked(widget: str) -> None:
    """Picker callback: runs before the page, so the whole next run is drawn in the new language."""
    use(str(st.session_state[widget]))
    st.session_state[CHOSEN] = True


def use(code: str) -> None:
    """Draw this browser session in a language from now on (a choice, or one restored with a resume code)."""
    st.session_state[KEY] = i18n.normalise(code)
    if st.query_params.get("lang") not in (None, st.session_state[KEY]):
        st.query_params["lang"] = st.session_state[KEY]


def follow(language: str, owner: str) -> None:
    """Open in the language a person chose before (kept with their code), once per session, unless this one picked.

    Reruns the page when the language changes, so everything is drawn in it.
    """
    marker = f"language_of_{owner}"
    if marker in st.session_state:
        return
    st.session_state[marker] = True
    if not chosen_here() and i18n.normalise(language) != i18n.current_language():
        use(language)
        st.rerun()


def chosen_here() -> bool:
    """Whether this browser session picked its language (with the picker, or `?lang=` in the address)."""
    return bool(st.session_state.get(CHOSEN)) or bool(st.query_params.get("lang"))


def apply_direction() -> None:
    """Lay the page out right to left when the reader's language is written that way."""
    if i18n.text_direction() == "rtl":
        st.html(_RIGHT_TO_LEFT)
