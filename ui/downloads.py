"""Download buttons: answers as CSV and XLSX, the PDF summary (files are written by reports/)."""

from __future__ import annotations

import dataclasses
import hashlib

import pandas as pd
import streamlit as st

from domain.records import Assessment
from i18n import _, current_language, use_language
from questions.errors import ProjectError
from reports.parts import Results
from reports.spreadsheets import csv_bytes, xlsx_bytes
from services.exports import plan_tables, shared_answers
from services.results import results_for
from ui.access import BROWSER, audit_export
from ui.context import engine, show_error


def answer_downloads(assessment: Assessment, results: Results, stem: str) -> None:
    """CSV and XLSX of the answers, only when enough people answered to keep them anonymous."""
    shared = shared_answers(engine(), assessment)
    if shared is None:
        st.caption(_("Answer downloads appear once at least {n} people have answered.").format(n=assessment.threshold))
        return
    left, right = st.columns(2)
    left.download_button(_("Download answers (CSV)"), csv_bytes(shared), f"{stem}.csv", "text/csv",
                         key=f"csv_{assessment.id}", on_click=audit_export, args=(assessment, "answers (CSV)"))
    right.download_button(
        _("Download answers (XLSX)"),
        # Written only when clicked: a workbook takes a moment, and most page runs never need it.
        lambda: xlsx_bytes({"answers": shared, **plan_tables(results)}),
        f"{stem}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{assessment.id}", on_click=audit_export, args=(assessment, "answers (XLSX)"),
    )


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
    if prepared is not None and prepared[0] != fingerprint(results):
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
                    prepared = (fingerprint(fresh), build_pdf(fresh))
            except ProjectError as error:
                show_error(error, _("The PDF could not be made"))
            else:
                st.session_state[state] = prepared
    if prepared is not None:
        st.download_button(
            _("Download the PDF summary"), prepared[1], f"{stem}.pdf", "application/pdf",
            type="primary", key=f"pdf_dl_{assessment.id}", on_click=audit_export, args=(assessment, "PDF summary"),
        )
