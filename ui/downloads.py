"""Download buttons: answers as CSV and XLSX, the PDF summary (files are written by reports/)."""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

from domain.records import Assessment
from domain.vocabulary import AuditAction
from i18n import _, current_language, use_language
from questions.errors import ProjectError
from reports.parts import Results
from reports.spreadsheets import csv_bytes, xlsx_bytes
from services.audit import log_session
from services.exports import plan_tables, shared_answers
from services.results import results_for
from ui.access import BROWSER
from ui.context import engine, show_error
from ui.identity import page_access

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def offer_file(label: str, make: Callable[[], bytes], file_name: str, mime: str, *, key: str,
               audit: tuple[Assessment, str] | None = None, **options: Any) -> None:
    """A download button whose file is made when clicked, and whose click never reruns the page.

    A rerun gives every deferred download a new id, and a click still holding the old one did
    nothing ("Deferred file ... not found", issue 10 point 13): a download clicked within a second
    of another, whose audit callback had rerun the page. So the audit entry is written while the
    file is made, and the click does not rerun (on_click="ignore").
    """
    viewer, db = page_access().viewer, engine()

    def made() -> bytes:
        if audit is not None:
            log_session(db, viewer, AuditAction.EXPORT, audit[0], details=audit[1])
        return make()

    st.download_button(label, made, file_name, mime, key=key, on_click="ignore", **options)


def answer_downloads(assessment: Assessment, results: Results, stem: str) -> None:
    """CSV and XLSX of the answers, only when enough people answered to keep them anonymous."""
    shared = shared_answers(engine(), assessment)
    if shared is None:
        st.caption(_("Answer downloads appear once at least {n} people have answered.").format(n=assessment.threshold))
        return
    left, right = st.columns(2)
    # Written only when clicked: a workbook takes a moment, and most page runs never need it.
    with left:
        offer_file(_("Download answers (CSV)"), lambda: csv_bytes(shared), f"{stem}.csv", "text/csv",
                   key=f"csv_{assessment.id}", audit=(assessment, "answers (CSV)"))
    with right:
        offer_file(_("Download answers (XLSX)"), lambda: xlsx_bytes({"answers": shared, **plan_tables(results)}),
                   f"{stem}.xlsx", XLSX, key=f"xlsx_{assessment.id}", audit=(assessment, "answers (XLSX)"))


def fingerprint(results: Results) -> str:
    """A digest of everything the PDF shows, so a PDF prepared earlier is never offered once it is stale."""
    digest = hashlib.sha256()
    for item in dataclasses.fields(results):
        value = getattr(results, item.name)
        if item.name == "generated_at":
            continue
        if isinstance(value, pd.DataFrame):
            digest.update(pd.util.hash_pandas_object(value, index=False).to_numpy().tobytes())
        elif item.name == "group":
            for frame in (results.group.principles, results.group.statements):
                digest.update(pd.util.hash_pandas_object(frame, index=False).to_numpy().tobytes())
        else:
            digest.update(repr(value).encode("utf-8"))
    return digest.hexdigest()


def pdf_download(assessment: Assessment, results: Results, stem: str) -> None:
    """Prepare the manager's PDF on request (it takes a moment), then offer it while it is up to date."""
    from reports.pdf import build_pdf  # the PDF stack loads only when asked for

    state = f"pdf_{assessment.id}"
    prepared = st.session_state.get(state)
    comments = st.checkbox("Include what people wrote (comments on statements whose results are shown)",
                           key=f"pdf_comments_{assessment.id}")
    if prepared is not None and prepared[0] != fingerprint(results) + str(comments):
        del st.session_state[state]
        prepared = None
        st.caption(_("The answers or actions have changed since the PDF was prepared: prepare it again."))
    if st.button(_("Prepare the PDF summary"), key=f"prep_{assessment.id}"):
        with st.spinner(_("Drawing the charts and laying out the summary...")):
            try:
                # Built afresh: the page's model may be a few seconds old, the PDF states the time it was made.
                # In the viewer's language: the model's notes and the PDF's own text are both drawn in it.
                with use_language(current_language()):
                    fresh = results_for(engine(), assessment, BROWSER)
                    prepared = (fingerprint(fresh) + str(comments), build_pdf(fresh, comments=comments))
            except ProjectError as error:
                show_error(error, _("The PDF could not be made"))
            else:
                st.session_state[state] = prepared
    if prepared is not None:
        pdf = prepared[1]
        offer_file(_("Download the PDF summary"), lambda: pdf, f"{stem}.pdf", "application/pdf", type="primary",
                   key=f"pdf_dl_{assessment.id}", audit=(assessment, "PDF summary"))
