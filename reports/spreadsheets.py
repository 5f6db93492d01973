"""Spreadsheet writers (CSV and XLSX) at the edge: text that can never run as a formula, no time zones."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Rows in one Excel sheet, the header row included (openpyxl refuses more: "This sheet is too large!").
EXCEL_MAX_ROWS = 1_048_576
SHEET_NAME_LENGTH = 31


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


def split_sheets(sheets: dict[str, pd.DataFrame],
                 max_rows: int = EXCEL_MAX_ROWS) -> tuple[dict[str, pd.DataFrame], tuple[str, ...]]:
    """The sheets with every table longer than a sheet holds split across "name", "name (2)", ...

    Returns the sheets and one note per split table, saying where its rows went.
    """
    per_sheet = max_rows - 1  # the header takes a row
    out: dict[str, pd.DataFrame] = {}
    notes: list[str] = []
    for name, frame in sheets.items():
        if len(frame) <= per_sheet:
            out[name] = frame
            continue
        parts = [frame.iloc[start:start + per_sheet] for start in range(0, len(frame), per_sheet)]
        names = [name] + [f"{name[:SHEET_NAME_LENGTH - 6]} ({number})" for number in range(2, len(parts) + 1)]
        out.update(zip(names, parts))
        notes.append(f"The {name} table has {len(frame):,} rows, more than one sheet holds ({per_sheet:,}): "
                     f"it is split across the sheets {', '.join(names)}.")
    return out, tuple(notes)


def xlsx_bytes(sheets: dict[str, pd.DataFrame], max_rows: int = EXCEL_MAX_ROWS) -> bytes:
    """An XLSX workbook with one sheet per frame; a frame longer than a sheet goes on to more (split_sheets)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in split_sheets(sheets, max_rows)[0].items():
            spreadsheet_safe(_without_timezones(frame)).to_excel(writer, sheet_name=name[:SHEET_NAME_LENGTH],
                                                                 index=False)
    return buffer.getvalue()
