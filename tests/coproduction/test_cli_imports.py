"""The CLI package has no import cycle: main imports the commands, nothing imports main, nothing registers itself."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "coproduction"


def module_name(path: Path) -> str:
    """The dotted name of a module file of the package."""
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = sorted(module_name(path) for path in PACKAGE.rglob("*.py"))


def package_imports(path: Path) -> set[str]:
    """The coproduction modules a file imports anywhere (at the top or inside a function)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                 else [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else [])
        if isinstance(node, ast.ImportFrom) and node.module:
            names += [f"{node.module}.{alias.name}" for alias in node.names]
        found.update(name for name in names if name in MODULES)
    return found


GRAPH = {module_name(path): package_imports(path) for path in PACKAGE.rglob("*.py")}


def cycle_from(start: str, graph: dict[str, set[str]]) -> list[str] | None:
    """An import cycle through `start`, or None."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        module, path = stack.pop()
        for imported in sorted(graph.get(module, set())):
            if imported == start:
                return [*path, start]
            if imported not in seen:
                seen.add(imported)
                stack.append((imported, [*path, imported]))
    return None


def test_cli_modules_are_the_expected_ones() -> None:
    assert MODULES == ["coproduction", "coproduction.__main__", "coproduction.commands", "coproduction.commands.report",
                       "coproduction.commands.retention", "coproduction.commands.score", "coproduction.commands.template",
                       "coproduction.commands.validate", "coproduction.error_handler", "coproduction.exit_codes",
                       "coproduction.files", "coproduction.main", "coproduction.render"]


def test_cli_only_the_entry_point_imports_main() -> None:
    assert sorted(module for module, imported in GRAPH.items() if "coproduction.main" in imported) == [
        "coproduction.__main__"]
    assert GRAPH["coproduction"] == set()  # importing the package loads no command


def test_cli_modules_import_no_cycle() -> None:
    assert {module: cycle_from(module, GRAPH) for module in GRAPH} == dict.fromkeys(GRAPH)


def test_cycle_from_finds_a_cycle() -> None:
    assert cycle_from("a", {"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle_from("a", {"a": {"b"}, "b": set()}) is None


def test_cli_each_module_imports_alone_without_main() -> None:
    # One fresh interpreter; before each import every coproduction module is forgotten, so each one is
    # imported first, as it would be on its own.
    code = f"""
import json, sys
found = {{}}
for name in {MODULES!r}:
    for loaded in [m for m in sys.modules if m == "coproduction" or m.startswith("coproduction.")]:
        del sys.modules[loaded]
    __import__(name)
    found[name] = "coproduction.main" in sys.modules
print(json.dumps(found))
"""
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    loads_main = json.loads(done.stdout.splitlines()[-1])
    assert sorted(name for name, loaded in loads_main.items() if loaded) == ["coproduction.__main__",
                                                                             "coproduction.main"]
