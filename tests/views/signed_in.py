"""AppTest in signed-in mode: [auth] in the test's secrets and a signed-in person as st.user."""

from __future__ import annotations

import time
from typing import Any

from streamlit.testing.v1 import AppTest

from tests.views.conftest import DEVICE, ROOT

AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
        "client_id": "coproduction-tests", "client_secret": "not-a-secret",
        "server_metadata_url": "http://localhost:1/.well-known/openid-configuration"}


def open_signed_in(page: str, email: str | None, *, session: dict[str, Any] | None = None,
                   **params: str) -> AppTest:
    """Run app.py in signed-in mode as `email` (None: nobody signed in), switch to a page and return the run."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["auth"] = AUTH
    at.user = ({"is_logged_in": True, "email": email, "email_verified": True, "sub": email, "iss": "tests",
                "iat": int(time.time()), "nonce": "n"} if email else {"is_logged_in": False})
    for name, value in {"copro_device_id": DEVICE, **(session or {})}.items():
        at.session_state[name] = value
    at.run()
    at.switch_page(page)
    for name, value in params.items():
        at.query_params[name] = value
    return at.run()


def texts(at: AppTest) -> str:
    """Every markdown, caption, header, info, warning and success text of the run, one per line."""
    parts = [*at.title, *at.header, *at.subheader, *at.markdown, *at.caption, *at.info, *at.warning, *at.success,
             *at.error]
    return "\n".join(str(getattr(part, "value", "")) for part in parts)
