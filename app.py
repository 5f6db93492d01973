"""Entry point: wires the pages together (run with `streamlit run app.py`)."""

from __future__ import annotations

import logging

import streamlit as st

from i18n import _
from questions.errors import ProjectError
from ui.context import SOMETHING_WENT_WRONG, show_error
from ui.language import install as install_language
from ui.navigation import page_sections, show_who, staff_language
from ui.retention import start_daily_check

install_language()  # before any text is drawn: every run, fragment and callback reads the session's language
st.set_page_config(page_title=_("Co-production: how are you doing?"), page_icon=":material/handshake:", layout="wide")

try:
    # Who is looking is worked out on every run, server side, before any page draws (ui/identity.py);
    # the list below only hides what the viewer cannot open: each page checks again at its top.
    start_daily_check()  # the retention check's background thread, once per process (ui/retention.py)
    sections = page_sections()
    show_who()
    page = st.navigation(sections)
    staff_language(page)  # the staff pages' language picker (the answer form has its own)
    page.run()
except ProjectError as error:  # e.g. the database cannot be reached: say so plainly
    show_error(error, _("The tool cannot do that right now"))
except Exception:  # the last guard: people never see a traceback (st.stop/st.rerun are BaseExceptions)
    logging.getLogger("coproduction").exception("Unexpected error while running a page")
    st.error(_(SOMETHING_WENT_WRONG))
