"""File downloads: CSV with a BOM, XLSX workbooks that Excel can open (no time zones)."""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
from openpyxl import load_workbook

from ui.downloads import csv_bytes, xlsx_bytes


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
