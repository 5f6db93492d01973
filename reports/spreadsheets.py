"""Spreadsheet writers (CSV and XLSX) at the edge: text that can never run as a formula, no time zones."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd

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
    return str(spreadsheet_safe(frame).to_csv(index=False)).encode("utf-8-sig")


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
