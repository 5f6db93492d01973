"""Run every benchmark and print one line per target with its measurement and PASS/FAIL."""

from __future__ import annotations

import importlib
import sys
from typing import Any

MODULES = ("bench.bench_scoring", "bench.bench_facilitator", "bench.bench_storage", "bench.bench_report")


def format_line(result: dict[str, Any]) -> str:
    """One line: name, measured value, target and verdict."""
    verdict = "PASS" if result["passed"] else "FAIL"
    return f"{verdict}  {result['name']}: {result['value']:.3f} {result['unit']} (target {result['target']})"


def main(argv: list[str] | None = None) -> int:
    """Run the chosen (default: all) benchmark modules; exit 1 when a target is missed."""
    chosen = argv if argv else list(MODULES)
    results: list[dict[str, Any]] = []
    for name in chosen:
        module = importlib.import_module(name if name.startswith("bench.") else f"bench.{name}")
        print(f"# {module.__name__}", flush=True)
        results.extend(module.run())
    print("# summary")
    for result in results:
        print(format_line(result))
    return 0 if all(r["passed"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
