"""Entry point: wires the pages together (run with `streamlit run app.py`)."""

from __future__ import annotations

import logging

import streamlit as st

from questions.errors import ProjectError
from ui.context import show_error

st.set_page_config(page_title="Co-production: how are you doing?", page_icon=":material/handshake:", layout="wide")

pages = {
    "Self-assessment": [
        st.Page("views/home.py", title="Home", icon=":material/home:", default=True),
        st.Page("views/assess.py", title="Answer", icon=":material/edit_note:", url_path="assess"),
        st.Page("views/results.py", title="Results", icon=":material/radar:", url_path="results"),
    ],
    "Workshops": [
        st.Page("views/workshop.py", title="New workshop", icon=":material/groups:", url_path="workshop"),
        st.Page("views/facilitate.py", title="Facilitator view", icon=":material/monitoring:", url_path="facilitate"),
    ],
    "Data": [
        st.Page("views/data.py", title="Import and export", icon=":material/swap_vert:", url_path="data"),
        st.Page("views/banks.py", title="Question banks", icon=":material/library_books:", url_path="banks"),
    ],
}
try:
    st.navigation(pages).run()
except ProjectError as error:  # e.g. the database cannot be reached: say so plainly
    show_error(error, "The tool cannot do that right now")
except Exception:  # the last guard: people never see a traceback (st.stop/st.rerun are BaseExceptions)
    logging.getLogger("coproduction").exception("Unexpected error while running a page")
    st.error(
        "Something went wrong on our side. Everything already saved is safe: reload the page to carry on. "
        "If it keeps happening, tell whoever runs this tool (the details are in the server log)."
    )
