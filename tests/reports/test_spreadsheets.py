"""Spreadsheet writers: CSV with a BOM, XLSX workbooks that Excel can open (no time zones)."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
from openpyxl import load_workbook

from reports.spreadsheets import csv_bytes, xlsx_bytes


def test_downloads_csv_has_bom_and_keeps_text_literally() -> None:
    frame = pd.DataFrame({"comment": ["Tîm <b>ŵ</b>, \"quoted\""]})
    data = csv_bytes(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    assert pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")["comment"].tolist() == ["Tîm <b>ŵ</b>, \"quoted\""]


def test_downloads_xlsx_writes_one_sheet_per_frame_with_utc_times() -> None:
    moment = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    answers = pd.DataFrame({"respondent": ["1"], "current": [3.0]})
    actions = pd.DataFrame({"description": ["Co-chair the review"], "created_at": [moment]})
    book = load_workbook(io.BytesIO(xlsx_bytes({"answers": answers, "actions": actions})))
    assert book.sheetnames == ["answers", "actions"]
    rows = list(book["actions"].values)
    assert rows == [("description", "created_at"), ("Co-chair the review", dt.datetime(2026, 11, 23, 8, 30))]


HOSTILE = ["=HYPERLINK(\"http://x\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "Fine text", "a=b"]


def test_downloads_xlsx_never_holds_a_formula_from_user_text() -> None:
    frame = pd.DataFrame({"comment": HOSTILE, "current": [0.0, 1.0, 2.0, 3.0, 4.0, -1.0]})
    sheet = load_workbook(io.BytesIO(xlsx_bytes({"answers": frame})))["answers"]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert [cell.data_type for cell in cells] == ["s"] * 6
    assert [cell.value for cell in cells] == ["'=HYPERLINK(\"http://x\",\"click\")", "'+1+1", "'-2+3", "'@SUM(A1)",
                                              "Fine text", "a=b"]
    assert [row[1].value for row in sheet.iter_rows(min_row=2)] == [0, 1, 2, 3, 4, -1], "numbers stay numbers"


def test_downloads_csv_text_cannot_start_a_formula() -> None:
    read = pd.read_csv(io.BytesIO(csv_bytes(pd.DataFrame({"comment": HOSTILE}))), encoding="utf-8-sig")
    assert not any(value.startswith(("=", "+", "-", "@")) for value in read["comment"])
    assert read["comment"].tolist()[4:] == ["Fine text", "a=b"]


def test_downloads_xlsx_limit_is_excels_row_count() -> None:
    from reports.spreadsheets import EXCEL_MAX_ROWS

    assert EXCEL_MAX_ROWS == 1_048_576 == 2**20


def test_downloads_xlsx_splits_a_table_longer_than_a_sheet() -> None:
    # Issue 10 point 18: past Excel's row limit the team export failed ("This sheet is too large!").
    from reports.spreadsheets import split_sheets

    answers = pd.DataFrame({"respondent": [f"R{i:02d}" for i in range(10)], "current": range(10)})
    sheets, notes = split_sheets({"answers": answers, "team": answers.head(1)}, max_rows=4)
    assert list(sheets) == ["answers", "answers (2)", "answers (3)", "answers (4)", "team"]
    assert [len(frame) for frame in sheets.values()] == [3, 3, 3, 1, 1]  # each sheet: a header and 3 rows
    assert pd.concat([sheets[n] for n in list(sheets)[:4]])["respondent"].tolist() == answers["respondent"].tolist()
    assert notes == ("The answers table has 10 rows, more than one sheet holds (3): it is split across "
                     "the sheets answers, answers (2), answers (3), answers (4).",)
    book = load_workbook(io.BytesIO(xlsx_bytes({"answers": answers}, max_rows=4)))
    assert book.sheetnames == ["answers", "answers (2)", "answers (3)", "answers (4)"]
    assert [book[name].max_row for name in book.sheetnames] == [4, 4, 4, 2]
    whole, none = split_sheets({"answers": answers}, max_rows=11)
    assert list(whole) == ["answers"] and whole["answers"] is answers and none == ()
