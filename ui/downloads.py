"""File downloads: answers as CSV and XLSX, the PDF summary."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io

import pandas as pd
import streamlit as st

import scoring
import storage
from questions.errors import ProjectError
from questions.schema import Bank
from reports.parts import Report
from ui.access import may_see
from ui.context import engine, show_error


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _inert(value: object) -> object:
    """Text that a spreadsheet would run as a formula, with a leading apostrophe so it stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy whose text cells (comments, names, actions) cannot run as formulas in Excel or Calc."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column].dtype):
            safe[column] = safe[column].map(_inert).astype(object)
    return safe


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV with a BOM so that spreadsheet programs read accents correctly."""
    return spreadsheet_safe(frame).to_csv(index=False).encode("utf-8-sig")


def _without_timezones(frame: pd.DataFrame) -> pd.DataFrame:
    """Excel has no time zones: write UTC times as plain ones."""
    fixed = frame.copy()
    for column in fixed.columns:
        if isinstance(fixed[column].dtype, pd.DatetimeTZDtype):
            fixed[column] = fixed[column].dt.tz_convert("UTC").dt.tz_localize(None)
        elif fixed[column].dtype == object:
            fixed[column] = fixed[column].map(
                lambda v: v.astimezone(dt.timezone.utc).replace(tzinfo=None)
                if isinstance(v, dt.datetime) and v.tzinfo is not None else v
            )
    return fixed


def xlsx_bytes(sheets: dict[str, pd.DataFrame]) -> bytes:
    """An XLSX workbook with one sheet per frame."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in sheets.items():
            spreadsheet_safe(_without_timezones(frame)).to_excel(writer, sheet_name=name[:31], index=False)
    return buffer.getvalue()


def answer_downloads(assessment: storage.Assessment, responses: pd.DataFrame, stem: str, bank: Bank) -> None:
    """CSV and XLSX of the answers, only when enough people answered to keep them anonymous.

    Perspectives smaller than the threshold appear as the group they are merged into, as on the charts.
    """
    shared = scoring.shareable_answers(responses, bank, threshold=assessment.threshold)
    if shared is None:
        st.caption(f"Answer downloads appear once at least {assessment.threshold} people have answered.")
        return
    # Ratings are whole numbers: "3", not "3.0", in a spreadsheet.
    shared = shared.astype({"current": "Int64", "target": "Int64"})
    left, right = st.columns(2)
    left.download_button("Download answers (CSV)", csv_bytes(shared), f"{stem}.csv", "text/csv", key=f"csv_{assessment.id}")
    actions = pd.DataFrame([a.__dict__ for a in storage.list_actions(engine(), assessment.id)])
    agreed = pd.DataFrame([a.__dict__ for a in storage.agreed_ratings(engine(), assessment.id).values()],
                          columns=["statement_id", "rating", "notes", "updated_at"])
    right.download_button(
        "Download answers (XLSX)",
        # Written only when clicked: a workbook takes a moment, and most page runs never need it.
        lambda: xlsx_bytes({"answers": shared, "agreed": agreed, "actions": actions}),
        f"{stem}.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{assessment.id}",
    )


def _fingerprint(report: Report) -> str:
    """A digest of everything the PDF shows, so a PDF prepared earlier is never offered once it is stale."""
    digest = hashlib.sha256(repr(dataclasses.replace(report, generated_at="")).encode("utf-8"))
    digest.update(pd.util.hash_pandas_object(report.radar, index=False).to_numpy().tobytes())
    return digest.hexdigest()


def pdf_download(assessment: storage.Assessment, stem: str) -> None:
    """Prepare the manager's PDF on request (it takes a moment), then offer it while it is up to date."""
    from coproduction.reporting import assessment_report  # the PDF stack loads only when asked for
    from reports.pdf import build_pdf

    state = f"pdf_{assessment.id}"
    prepared = st.session_state.get(state)
    report: Report | None = None
    if prepared is not None:
        # Only with a PDF in hand is there anything to compare: the model is quick to build (the charts
        # and layout are the slow part) and tells whether that PDF is stale.
        try:
            report = assessment_report(engine(), assessment, may_see=may_see)
        except ProjectError as error:
            show_error(error, "The PDF could not be made")
            return
        if prepared[0] != _fingerprint(report):
            del st.session_state[state]
            prepared = None
            st.caption("The answers or actions have changed since the PDF was prepared: prepare it again.")
    if st.button("Prepare the PDF summary", key=f"prep_{assessment.id}"):
        with st.spinner("Drawing the charts and laying out the summary..."):
            try:
                report = report or assessment_report(engine(), assessment, may_see=may_see)
                prepared = (_fingerprint(report), build_pdf(report))
            except ProjectError as error:
                show_error(error, "The PDF could not be made")
            else:
                st.session_state[state] = prepared
    if prepared is not None:
        st.download_button(
            "Download the PDF summary", prepared[1], f"{stem}.pdf", "application/pdf",
            type="primary", key=f"pdf_dl_{assessment.id}",
        )
