"""The paper pack downloads (standard and Easy Read) and the link to typing paper answers in."""

from __future__ import annotations

import functools

import streamlit as st

from domain.records import Assessment
from services.paper import paper_pack_pdf
from ui.access import session_link
from ui.context import engine
from ui.downloads import offer_file
from ui.joining import join_link


def paper_pack_downloads(assessment: Assessment) -> None:
    """Two small buttons: the printable answer pack, standard and Easy Read (made when clicked)."""
    link = join_link(assessment) if assessment.join_code else None
    db = engine()
    left, right = st.columns(2)
    for column, easy_read, label in ((left, False, "Download the paper pack (PDF)"),
                                     (right, True, "Download the Easy Read paper pack (PDF)")):
        with column:
            offer_file(label, functools.partial(paper_pack_pdf, db, assessment, link, easy_read),
                       f"paper-pack-{assessment.id}{'-easy-read' if easy_read else ''}.pdf", "application/pdf",
                       key=f"paper_pack_{assessment.id}_{easy_read}",
                       audit=(assessment, f"paper pack{' (Easy Read)' if easy_read else ''}"), icon=":material/print:")


def paper_entry_link(assessment: Assessment) -> None:
    """A link to the screen where a facilitator types in paper answers."""
    st.page_link("views/paper.py", label="Type in paper answers", icon=":material/keyboard:",
                 query_params=session_link(assessment))
