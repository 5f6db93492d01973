"""The storage benchmark's shapes in a small, quick room: what they store and which lines they judge."""

from __future__ import annotations

import math

from bench.bench_storage import SHAPE_NAMES, Pace, answering_run, run, whole_response_run
from bench.common import exit_code
from bench.databases import sqlite_setup
from questions.loader import builtin_bank_paths, load_bank
from questions.schema import Bank

SMALL = Pace(participants=4, tap_pause=0.0, spread_seconds=0.05)
NOWHERE = "postgresql+psycopg://nobody@127.0.0.1:1/none"


def _bank_text() -> tuple[Bank, str]:
    """The full built-in bank and its YAML text."""
    path = builtin_bank_paths()["coproduction-full"]
    return load_bank(path), path.read_text(encoding="utf-8")


def test_answering_run_times_every_join_tap_and_send() -> None:
    bank, text = _bank_text()
    with sqlite_setup(bank, text) as setup:
        room = answering_run(setup, 0, SMALL)
    statements = len(setup.bank.statements)
    assert [len(room.latencies(shape).values) for shape in ("join", "taps", "send")] == [4, 4 * statements, 4]


def test_whole_response_run_times_every_response() -> None:
    bank, text = _bank_text()
    with sqlite_setup(bank, text) as setup:
        room = whole_response_run(setup, 0, "spread", SMALL.spread_seconds, SMALL)
    assert len(room.latencies("spread").values) == 4


def test_run_unreachable_postgres_fails_every_postgres_line() -> None:
    rows = run(repeats=1, pg_url=NOWHERE, pace=SMALL)
    postgres = [row for row in rows if "PostgreSQL" in row["name"]]
    assert [row["verdict"] for row in postgres] == ["FAIL"] * (1 + len(SHAPE_NAMES))
    assert all(math.isnan(row["value"]) and row["how"].startswith("PostgreSQL not reachable at ") for row in postgres)
    assert exit_code(rows) == 1
    assert [row["verdict"] for row in rows if "SQLite spread" in row["name"]] == ["INFO", "PASS"]


def test_run_judges_postgres_burst_and_every_shape_against_sqlite() -> None:
    rows = run(repeats=1, pace=SMALL)
    judged = [row["name"] for row in rows if row["verdict"] != "INFO"]
    assert judged == [
        "storage SQLite spread (4 whole responses within 0.05 s) p95",
        "storage PostgreSQL burst (4 whole responses at once) p95",
        *[f"storage PostgreSQL p95 - SQLite p95, {shape} ({SMALL.summary(shape)})" for shape in SHAPE_NAMES],
    ]
