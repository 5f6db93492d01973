"""What every benchmark shares: warm best-of-N timing, result rows and how a row is printed.

Only rows with a target from the project's issues are judged (PASS or FAIL); every other row is
printed as INFO. Timings on a busy 2-core machine are noisy, so each judged number is the best
(minimum) of several warm runs, and the two sides of a ratio are timed alternately in the same run
so that both see the same machine load.
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TypedDict

REPEATS = 5  # timed runs per measurement; the best one counts


class Result(TypedDict):
    """One printed line: what was measured, its value, the target and the verdict."""

    name: str
    value: float
    unit: str
    target: str | None   # None: informational, never judged
    verdict: str         # "PASS", "FAIL" or "INFO"
    how: str             # how the value was taken, e.g. "best of 5, warm"


def judged(name: str, value: float, unit: str, target: str, passed: bool, how: str) -> Result:
    """A row with a target from the issues: PASS or FAIL."""
    return Result(name=name, value=value, unit=unit, target=target, verdict="PASS" if passed else "FAIL", how=how)


def info(name: str, value: float, unit: str, how: str) -> Result:
    """A row shown for information only: INFO, never PASS or FAIL."""
    return Result(name=name, value=value, unit=unit, target=None, verdict="INFO", how=how)


def format_line(result: Result) -> str:
    """One line: verdict, name, value, how it was measured and the target (if any)."""
    value = result["value"]
    digits = 1 if result["unit"] == "ms" else 2 if result["unit"] == "x" else 3
    text = f"{result['verdict']:<4}  {result['name']}: {value:.{digits}f} {result['unit']} ({result['how']}"
    return text + (f"; target {result['target']})" if result["target"] else ")")


def best_times(actions: Mapping[str, Callable[[], object]], repeats: int = REPEATS,
               warmups: int = 1) -> dict[str, list[float]]:
    """Wall-clock seconds of every run of each action, after `warmups` untimed runs of each.

    The actions take turns (a, b, a, b, ...) so that a burst of machine load hits both sides of a
    ratio rather than one of them. The garbage collector runs before each timed run, not during.
    """
    for _ in range(warmups):
        for action in actions.values():
            action()
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeats):
        for name, action in actions.items():
            gc.collect()
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return times


def percentile(values: Sequence[float], fraction: float) -> float:
    """The value below which this fraction of measurements fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def print_results(results: Sequence[Result]) -> None:
    """Print each row with format_line."""
    for result in results:
        print(format_line(result), flush=True)


def exit_code(results: Sequence[Result]) -> int:
    """1 when a judged target was missed, else 0 (INFO rows never fail a run)."""
    return 1 if any(r["verdict"] == "FAIL" for r in results) else 0


def standalone(run: Callable[[], list[Result]], doc: str | None = None, argv: list[str] | None = None) -> int:
    """Run one benchmark module on its own (`python -m bench.bench_x`) and print its rows.

    It takes no arguments: --help shows `doc`, anything else is refused with a usage message.
    """
    argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args(argv)
    results = run()
    print_results(results)
    return exit_code(results)


def describe(values: Sequence[float], unit_scale: float = 1.0, unit: str = "s") -> str:
    """'best 0.123 s, median 0.140 s' for a detail line."""
    ordered = sorted(values)
    middle = ordered[len(ordered) // 2]
    return f"best {ordered[0] * unit_scale:.3f} {unit}, median {middle * unit_scale:.3f} {unit}"


__all__ = ["REPEATS", "Result", "best_times", "describe", "exit_code", "format_line", "info",
           "judged", "percentile", "print_results", "standalone"]
