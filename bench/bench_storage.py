"""100 participants sending their answers to one workshop at once: per-submission write latency.

Two shapes of "at once". workshop: 100 threads run together and each presses Send at a
random moment within the same 3 seconds (the end of a real session); the target applies
here. burst: all 100 are released by one barrier in the same instant; a database with one
writer at a time must queue them, so p95 there is about 100 x one write, reported for
information. send: what the app's Send button does after answers were autosaved one by one
(storage.submit), all 100 clicks released in the same instant; also for information: in one
Python process 100 threads released together queue on the GIL and the single SQLite writer
(measured p95 about 160 ms on 2 busy cores).
"""

from __future__ import annotations

import random
import statistics
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.pool import NullPool

import storage
from questions.loader import builtin_bank_paths, load_bank
from questions.schema import Bank

PARTICIPANTS = 100
TARGET_P95_MS = 100.0
SPREAD_SECONDS = 3.0
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _percentile(values: list[float], fraction: float) -> float:
    """The value below which this fraction of measurements fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def _submissions(engine: Engine, bank: Bank, yaml_text: str, spread: float) -> list[float]:
    """Per-submission latencies (ms) of PARTICIPANTS threads, each sending within `spread` seconds."""
    row = storage.save_bank(engine, bank, yaml_text, builtin=True)  # the second call finds the first
    team = storage.create_team(engine, "Bench Council", "Bench team")
    workshop = storage.create_assessment(engine, team.id, row.id, "Bench", "workshop", ("staff",))
    answers = {s.id: storage.Answer(s.id, 2, 3, "a comment") for s in bank.statements}
    barrier = threading.Barrier(PARTICIPANTS)
    delays = [random.Random(number).uniform(0, spread) for number in range(PARTICIPANTS)]
    latencies: list[float] = []
    failures: list[BaseException] = []
    lock = threading.Lock()

    def participant(delay: float) -> None:
        barrier.wait()
        time.sleep(delay)
        start = time.perf_counter()
        try:
            storage.submit_response(engine, workshop.id, "staff", answers, uuid.uuid4().hex)
        except BaseException as error:  # noqa: BLE001 - counted as a failed submission
            with lock:
                failures.append(error)
            return
        with lock:
            latencies.append((time.perf_counter() - start) * 1000)

    threads = [threading.Thread(target=participant, args=(delay,)) for delay in delays]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures or storage.progress(engine, workshop.id) != (PARTICIPANTS, PARTICIPANTS):
        raise RuntimeError(f"{len(failures)} submissions failed: {failures[:1]!r}")
    return latencies


def _send_clicks(engine: Engine, bank: Bank, yaml_text: str) -> list[float]:
    """Latencies (ms) of 100 Send clicks at the same instant, after each person autosaved every answer."""
    row = storage.save_bank(engine, bank, yaml_text, builtin=True)
    team = storage.create_team(engine, "Bench Council", "Bench team")
    workshop = storage.create_assessment(engine, team.id, row.id, "Bench send", "workshop", ("staff",))
    people = [storage.join(engine, workshop.id, "staff") for _ in range(PARTICIPANTS)]
    for person in people:
        for statement in bank.statements:
            storage.save_answer(engine, person.id, statement.id, 2, 3, "")
    barrier = threading.Barrier(PARTICIPANTS)
    latencies: list[float] = []
    lock = threading.Lock()

    def click(respondent_id: int) -> None:
        barrier.wait()
        start = time.perf_counter()
        storage.submit(engine, respondent_id)
        with lock:
            latencies.append((time.perf_counter() - start) * 1000)

    threads = [threading.Thread(target=click, args=(person.id,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if storage.progress(engine, workshop.id) != (PARTICIPANTS, PARTICIPANTS):
        raise RuntimeError("not every Send click was stored")
    return latencies


def _results(database: str, shape: str, latencies: list[float]) -> list[dict[str, Any]]:
    """p50 and p95 lines; only SQLite's workshop p95 has a target, the rest inform."""
    p50, p95 = statistics.median(latencies), _percentile(latencies, 0.95)
    judged = database == "sqlite" and shape == "workshop"
    name = f"storage {database} {shape} ({PARTICIPANTS} participants) submit"
    return [
        {"name": f"{name} p50", "value": p50, "target": "info", "unit": "ms", "passed": True},
        {
            "name": f"{name} p95",
            "value": p95,
            "target": f"< {TARGET_P95_MS:.0f}" if judged else "info",
            "unit": "ms",
            "passed": p95 < TARGET_P95_MS if judged else True,
        },
    ]


def _measure(database: str, engine: Engine, bank: Bank, yaml_text: str) -> list[dict[str, Any]]:
    """Both shapes on one engine (each in its own workshop)."""
    results = _results(database, "workshop", _submissions(engine, bank, yaml_text, SPREAD_SECONDS))
    results += _results(database, "send", _send_clicks(engine, bank, yaml_text))
    return results + _results(database, "burst", _submissions(engine, bank, yaml_text, 0.0))


def _postgres(bank: Bank, yaml_text: str) -> list[dict[str, Any]] | None:
    """The burst on a throw-away PostgreSQL schema, or None if no server answers."""
    schema = f"bench_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(PG_URL, poolclass=NullPool, connect_args={"connect_timeout": 3})
    try:
        with admin.begin() as connection:
            connection.execute(sa.schema.CreateSchema(schema))
    except sa.exc.OperationalError:
        admin.dispose()
        return None
    try:
        engine = storage.make_engine(PG_URL, connect_args={"options": f"-csearch_path={schema}"})
        try:
            return _measure("postgresql", engine, bank, yaml_text)
        finally:
            engine.dispose()
    finally:
        with admin.begin() as connection:
            connection.execute(sa.schema.DropSchema(schema, cascade=True))
        admin.dispose()


def run() -> list[dict[str, Any]]:
    """Measure on SQLite (always) and PostgreSQL (when reachable); print one line each."""
    path = builtin_bank_paths()["coproduction-full"]
    bank, yaml_text = load_bank(path), path.read_text(encoding="utf-8")
    results: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as folder:
        engine = storage.make_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        try:
            results += _measure("sqlite", engine, bank, yaml_text)
        finally:
            engine.dispose()
    pg = _postgres(bank, yaml_text)
    if pg is not None:
        results += pg
    else:
        print("storage postgresql: not reachable, skipped")
    for result in results:
        print(f"{result['name']}: {result['value']:.1f} {result['unit']} (target {result['target']})")
    return results


if __name__ == "__main__":
    run()
