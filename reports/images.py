"""Static PNG images of Altair charts, rendered without a browser."""

from __future__ import annotations

import json
from typing import Any

import altair as alt
import vl_convert as vlc

from reports.errors import ReportError, report_error


def chart_png(chart: alt.TopLevelMixin | dict[str, Any], scale: float = 2) -> bytes:
    """PNG bytes of a chart (Altair object or Vega-Lite dict) via vl-convert; ReportError if it cannot be drawn."""
    try:
        spec = json.dumps(chart) if isinstance(chart, dict) else chart.to_json()
    except Exception as exc:  # Altair raises several schema/validation types; the user needs one message.
        raise report_error("chart", "a valid chart specification", _first_line(exc),
                           hint="This is a fault in the report, not in your answers.") from exc
    try:
        return bytes(vlc.vegalite_to_png(spec, scale=scale))
    except Exception as exc:  # vl-convert raises plain ValueError/RuntimeError from its JS engine.
        raise report_error("chart image", "a chart that can be drawn as PNG", _first_line(exc),
                           hint="Try again; if it keeps failing, download the data instead.") from exc


def _first_line(exc: BaseException) -> str:
    """A short, single-line description of an underlying error."""
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__


__all__ = ["ReportError", "chart_png"]
