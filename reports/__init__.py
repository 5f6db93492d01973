"""Reports: the results model and chart specs (core), and the writers at the edge (PDF, spreadsheets)."""

from __future__ import annotations

from reports.errors import ReportError
from reports.model import build_results
from reports.parts import Results, ResultsInput, SessionData

# The writers (reports.pdf, reports.spreadsheets) and chart images (reports.images) are left to
# explicit imports so that the core stays free of fpdf, openpyxl and vl-convert.
__all__ = ["ReportError", "Results", "ResultsInput", "SessionData", "build_results"]
