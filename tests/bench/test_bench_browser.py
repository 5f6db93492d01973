"""The browser benchmark runs end to end in a quick mode: one server, one timed run of each line."""

from __future__ import annotations

import pytest

from bench.bench_browser import LABELS, TARGETS, run

pytestmark = pytest.mark.browser


def test_browser_benchmark_times_every_judged_line_once() -> None:
    rows = run(repeats=1)
    judged = [row for row in rows if row["verdict"] != "INFO"]
    assert [row["name"] for row in judged] == [LABELS[key] for key in TARGETS]
    for row in judged:
        assert row["verdict"] in ("PASS", "FAIL") and 0 < row["value"] < 60, row
