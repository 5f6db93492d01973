"""A room of participants for the storage benchmark: one thread each, released together, timing each call."""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from bench.common import percentile

T = TypeVar("T")


@dataclass(frozen=True)
class Latencies:
    """The wall times (ms) of the calls of one run of one shape."""

    values: tuple[float, ...]

    @property
    def p50(self) -> float:
        """The median."""
        return statistics.median(self.values)

    @property
    def p95(self) -> float:
        """The nearest-rank 95th percentile."""
        return percentile(self.values, 0.95)


class Room:
    """Per-shape latencies collected from many participant threads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[str, list[float]] = {}

    def timed(self, shape: str, call: Callable[[], T]) -> T:
        """Run the call, record its wall time (ms) under the shape's name and return what it returned."""
        start = time.perf_counter()
        value = call()
        elapsed = (time.perf_counter() - start) * 1000
        with self._lock:
            self._values.setdefault(shape, []).append(elapsed)
        return value

    def latencies(self, shape: str) -> Latencies:
        """Every recorded latency of a shape."""
        return Latencies(tuple(self._values.get(shape, ())))


def together(participants: Sequence[Callable[[threading.Barrier], None]]) -> None:
    """Run each participant in its own thread; each gets one barrier shared by all to start phases together.

    A participant that fails breaks the barrier (so no other waits forever) and the first failure is
    raised here once every thread has finished.
    """
    barrier = threading.Barrier(len(participants))
    failures: list[BaseException] = []
    lock = threading.Lock()

    def run(participant: Callable[[threading.Barrier], None]) -> None:
        try:
            participant(barrier)
        except threading.BrokenBarrierError:
            pass  # another participant failed: its error is the one reported
        except BaseException as error:  # noqa: BLE001 - counted as a failed run and raised below
            barrier.abort()
            with lock:
                failures.append(error)

    threads = [threading.Thread(target=run, args=(participant,)) for participant in participants]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError(f"{len(failures)} of {len(participants)} participants failed, first: {failures[0]!r}")
