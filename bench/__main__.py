"""Run the benchmarks and print one line per measurement: PASS/FAIL for targets, INFO for the rest."""

from __future__ import annotations

import argparse
import importlib
import sys
import time
import traceback

from bench.common import Result, exit_code, format_line

MODULES = {
    "scoring": "bench.bench_scoring",
    "facilitator": "bench.bench_facilitator",
    "storage": "bench.bench_storage",
    "report": "bench.bench_report",
    "browser": "bench.bench_browser",
}


def parser() -> argparse.ArgumentParser:
    """Command-line arguments: which benchmarks to run (default: all)."""
    names = ", ".join(MODULES)
    result = argparse.ArgumentParser(
        prog="python -m bench",
        description="Run the benchmarks and print one line per measurement. Lines with a target from the "
                    "project's issues say PASS or FAIL (judged on the best of several warm runs); the "
                    "others say INFO. Exit status 1 when a target is missed.",
    )
    result.add_argument("benchmarks", nargs="*", metavar="BENCHMARK",
                        help=f"which to run: {names} (default: all; 'bench_scoring' and "
                             "'bench.bench_scoring' are accepted too)")
    return result


def module_name(argument: str) -> str | None:
    """The module for 'scoring', 'bench_scoring' or 'bench.bench_scoring'; None if unknown."""
    short = argument.removeprefix("bench.").removeprefix("bench_")
    return MODULES.get(short)


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks; exit 1 when a target is missed, 2 on bad arguments."""
    arguments = parser()
    args = arguments.parse_args(argv)
    chosen = []
    for argument in args.benchmarks or list(MODULES):
        name = module_name(argument)
        if name is None:
            arguments.error(f"unknown benchmark {argument!r}; choose from: {', '.join(MODULES)}")
        chosen.append(name)
    results: list[Result] = []
    started = time.perf_counter()
    crashed = []
    for name in dict.fromkeys(chosen):
        print(f"# {name}", flush=True)
        try:
            results.extend(importlib.import_module(name).run())
        except Exception as error:  # noqa: BLE001 - one broken benchmark must not hide the others
            traceback.print_exc()
            crashed.append(f"ERROR {name}: {type(error).__name__}: {error}")
    print(f"# summary ({time.perf_counter() - started:.0f} s)")
    for result in results:
        print(format_line(result))
    for line in crashed:
        print(line)
    return 1 if crashed else exit_code(results)


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv[1:]))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        sys.exit(130)
