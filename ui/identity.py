"""Who is looking, worked out once per page run: this browser's device cookie and, if configured, the sign-in."""

from __future__ import annotations

import json
import os
import re
import secrets
from collections.abc import Mapping
from typing import Any

import streamlit as st

from i18n import _
from services.access import Viewer, ViewerAccess, access_for
from services.audit import sign_in_state, sign_out
from ui.context import engine

DEVICE_COOKIE = "copro_device"
_DEVICE_FORMAT = re.compile(r"^[A-Za-z0-9_-]{32,64}$")
_DEVICE_STATE = "copro_device_id"
_ACCESS_STATE = "copro_page_access"
_NOTICE_STATE = "copro_sign_in_notice"
# The cookie outlives every grant (grants expire on their own, in the database).
_COOKIE_SECONDS = 400 * 24 * 3600


def _secrets() -> Mapping[str, Any]:
    """Streamlit's secrets, or nothing when there is no secrets.toml (Streamlit raises rather than returning)."""
    try:
        return dict(st.secrets)
    except Exception:  # no secrets file at all
        return {}


def auth_section() -> Mapping[str, Any]:
    """The [auth] settings st.login reads; empty in open mode."""
    section = _secrets().get("auth")
    return section if isinstance(section, Mapping) else {}


def signed_in_mode() -> bool:
    """Signed-in mode is on when sign-in is configured ([auth] in .streamlit/secrets.toml)."""
    return bool(auth_section())


def login_provider() -> str | None:
    """The provider to sign in with: None for settings directly under [auth], else the first [auth.NAME]."""
    named = [name for name, value in auth_section().items() if isinstance(value, Mapping)]
    return None if "client_id" in auth_section() or not named else named[0]


def site_admins() -> set[str]:
    """The first admins, from COPRO_ADMINS (comma or space separated) or `admins` in secrets.toml."""
    configured: Any = os.environ.get("COPRO_ADMINS") or _secrets().get("admins") or ""
    if isinstance(configured, str):
        configured = re.split(r"[,\s;]+", configured)
    return {str(email).strip().lower() for email in configured if str(email).strip()}


def device_id() -> str:
    """This browser's random id: from its cookie, else made now and written to the cookie (kept across reloads)."""
    held = st.session_state.get(_DEVICE_STATE)
    if isinstance(held, str):
        return held
    try:
        cookie = st.context.cookies.get(DEVICE_COOKIE)
    except Exception:  # AppTest and sessions without a request have no cookies
        cookie = None
    if isinstance(cookie, str) and _DEVICE_FORMAT.match(cookie):
        st.session_state[_DEVICE_STATE] = cookie
        return cookie
    made = secrets.token_urlsafe(24)
    st.session_state[_DEVICE_STATE] = made
    _write_cookie(made)
    return made


def _write_cookie(value: str) -> None:
    """Set the device cookie from the page (Streamlit has no server-side way); the value is ours, never user text."""
    secure = "; Secure" if (st.context.url or "").startswith("https:") else ""
    script = (f"<script>document.cookie = {json.dumps(f'{DEVICE_COOKIE}={value}')} + "
              f"'; Path=/; Max-Age={_COOKIE_SECONDS}; SameSite=Lax{secure}';</script>")
    st.html(script, unsafe_allow_javascript=True)


def new_device() -> None:
    """Give this browser a fresh device id (after it forgot everything it was given)."""
    st.session_state.pop(_DEVICE_STATE, None)
    made = secrets.token_urlsafe(24)
    st.session_state[_DEVICE_STATE] = made
    _write_cookie(made)


def _claims() -> dict[str, Any]:
    """The signed-in person's identity claims (st.user), or nothing."""
    try:
        user = st.user
        return dict(user.to_dict()) if user.get("is_logged_in") else {}
    except Exception:  # AppTest without auth
        return {}


def _signed_in_email(claims: Mapping[str, Any]) -> str | None:
    """The verified email of the sign-in, or None when the provider gave none or says it is unverified."""
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email or claims.get("email_verified") is False:
        return None
    return email.strip().lower()


def begin_run() -> ViewerAccess:
    """Work out who is looking for this page run (app.py calls it before any page): checked on every run."""
    device = device_id()
    if not signed_in_mode():
        access = access_for(engine(), Viewer(signed_in_mode=False, device=device))
    else:
        claims = _claims()
        email = _signed_in_email(claims) if claims else None
        viewer = Viewer(signed_in_mode=True, email=email, device=device, site_admin=email in site_admins())
        if claims and email is None:
            st.session_state[_NOTICE_STATE] = _("Your sign-in gave no verified email address, so it opens nothing here.")
        elif email is not None:
            state = sign_in_state(engine(), viewer, claims)
            if state != "ok":
                st.session_state[_NOTICE_STATE] = (_("You have signed out: sign in again to carry on.")
                                                   if state == "ended"
                                                   else _("Your sign-in has expired: sign in again to carry on."))
                viewer = Viewer(signed_in_mode=True, email=None, device=device)
        access = access_for(engine(), viewer)
    st.session_state[_ACCESS_STATE] = access
    return access


def page_access() -> ViewerAccess:
    """What the viewer of this run may do (worked out by begin_run, or now if a test runs a page alone)."""
    held = st.session_state.get(_ACCESS_STATE)
    return held if isinstance(held, ViewerAccess) else begin_run()


def sign_in_notice() -> str | None:
    """A message about a sign-in that no longer counts, once."""
    notice = st.session_state.pop(_NOTICE_STATE, None)
    return notice if isinstance(notice, str) else None


def sign_in() -> None:
    """Start the OpenID Connect sign-in (Streamlit sends the browser to the provider)."""
    provider = login_provider()
    if provider is None:
        st.login()
    else:
        st.login(provider)


def end_sign_in() -> None:
    """Sign out: the sign-in is ended in the database first (a copied cookie opens nothing), then Streamlit's."""
    access = page_access()
    claims = _claims()
    if claims and access.viewer.email:
        sign_out(engine(), access.viewer, claims)
    st.session_state.pop(_ACCESS_STATE, None)
    st.logout()
