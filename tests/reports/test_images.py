"""Chart images: PNG bytes, and a clear error when drawing fails."""

from __future__ import annotations

import pandas as pd
import pytest
import vl_convert

from reports import images
from reports.charts import radar_spec
from reports.errors import ReportError
from tests.reports.conftest import PRINCIPLES

SERIES = pd.DataFrame({"series": "Current", "principle": [p for p, _ in PRINCIPLES], "score": [80.0, 25.0, 50.0]})


def test_chart_png_returns_png_bytes() -> None:
    png = images.chart_png(radar_spec(SERIES, PRINCIPLES), scale=1)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_chart_png_wraps_converter_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(spec: str, scale: float) -> bytes:
        raise ValueError("boom\nstack trace line")

    monkeypatch.setattr(vl_convert, "vegalite_to_png", broken)
    with pytest.raises(ReportError) as caught:
        images.chart_png(radar_spec(SERIES, PRINCIPLES))
    assert str(caught.value) == ("report: chart image: expected a chart that can be drawn as PNG, found "
                                 "ValueError: boom. Hint: Try again; if it keeps failing, download the data instead.")
