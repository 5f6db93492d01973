"""Reports: chart specs, the report model and the PDF writer (imported from its own module)."""

from __future__ import annotations

from reports.errors import ReportError
from reports.model import Report, build_report, format_date

# The PDF writer (reports.pdf) and chart images (reports.images) are left to explicit imports
# so that the core stays free of fpdf and vl-convert.
__all__ = ["Report", "ReportError", "build_report", "format_date"]
