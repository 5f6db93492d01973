"""Join link and QR code for a session, shown on the facilitator's screen."""

from __future__ import annotations

import io
import os
from urllib.parse import urlsplit

import segno
import streamlit as st

from domain.records import Assessment
from i18n import _


def base_url() -> str:
    """The app's public address: COPRO_PUBLIC_URL when set (behind a proxy), else this request's."""
    configured = os.environ.get("COPRO_PUBLIC_URL")
    if configured:
        return configured.rstrip("/")
    try:
        parts = urlsplit(st.context.url or "")
    except Exception:  # AppTest and very old sessions have no request URL
        parts = urlsplit("")
    if not parts.scheme:
        return "http://localhost:8501"
    return f"{parts.scheme}://{parts.netloc}"


def join_link(assessment: Assessment) -> str:
    """The link participants open on their phones."""
    return f"{base_url()}/assess?code={assessment.join_code}"


def qr_png(link: str) -> bytes:
    """A QR code for the link, as PNG bytes."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=8, border=2)
    return buffer.getvalue()


def show_join(assessment: Assessment) -> None:
    """Code, link and QR code, large enough to read from the back of a room."""
    link = join_link(assessment)
    left, right = st.columns([2, 1])
    with left:
        st.markdown(_("Join on your phone at the link or scan the code, then enter:"))
        st.markdown(f"## `{assessment.join_code}`")
        st.code(link, language=None)
    with right:
        st.image(qr_png(link), caption=_("Scan to join"), width=200, alt=_("QR code that opens {link}").format(link=link))
