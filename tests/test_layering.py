"""The layers stay apart: each package is imported in a fresh interpreter and what it loaded is checked.

Checking sys.modules (not the import lines) means an indirect import counts too: a core module that
imports a helper that imports streamlit is caught.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
IO = {"streamlit", "sqlalchemy", "psycopg", "fpdf", "openpyxl", "vl_convert", "pptx"}
APP = {"storage", "services", "ui", "views", "coproduction"}


def modules_of(package: str) -> list[str]:
    """Every module of a package folder, as dotted names."""
    return sorted(f"{package}.{path.stem}" if path.stem != "__init__" else package
                  for path in (ROOT / package).glob("*.py"))


# (modules, forbidden top-level packages): what each layer may never load, directly or not.
LAYERS: dict[str, tuple[list[str], set[str]]] = {
    "core": ([*modules_of("domain"), *modules_of("i18n"), *modules_of("questions"), *modules_of("scoring"), "reports", "reports.model", "reports.rules",
              "reports.parts", "reports.charts", "reports.geometry", "reports.formatting", "reports.method", "reports.snapshot",
              "reports.organisation", "reports.org_charts"], IO | APP),
    "storage": (modules_of("storage"), {"streamlit", "ui", "services", "views", "scoring", "reports", "fpdf",
                                        "altair", "coproduction"}),
    "services": (modules_of("services"), {"streamlit", "ui", "views", "fpdf", "coproduction"}),
    "cli": (["coproduction", "coproduction.__main__"], {"streamlit", "ui", "views", "fpdf"}),
}


def loaded(module: str, path: Path = ROOT) -> set[str]:
    """Top-level names of every module loaded by importing `module` in a fresh interpreter."""
    code = f"import json, sys; import {module}; print(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], cwd=path, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    return {name.split(".")[0] for name in json.loads(done.stdout.splitlines()[-1])}


@pytest.mark.parametrize("layer", LAYERS)
def test_layering_each_layer_loads_nothing_it_must_not(layer: str) -> None:
    modules, forbidden = LAYERS[layer]
    assert modules, layer
    # One interpreter per layer importing all its modules: any one of them loading a forbidden package fails.
    found = loaded(", ".join(modules))
    assert found & forbidden == set(), f"{layer} loads {sorted(found & forbidden)}"


def test_layering_check_sees_an_indirect_import(tmp_path: Path) -> None:
    (tmp_path / "core_pkg").mkdir()
    (tmp_path / "core_pkg" / "__init__.py").write_text("from core_pkg import helper\n", encoding="utf-8")
    (tmp_path / "core_pkg" / "helper.py").write_text("import json as streamlit_free\nimport sqlite3\n",
                                                     encoding="utf-8")
    assert "sqlite3" in loaded("core_pkg", tmp_path)


def imported_roots(path: Path) -> set[str]:
    """Top-level names of every module a file imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


PAGES = [*sorted((ROOT / "views").glob("*.py")), *sorted((ROOT / "ui").glob("*.py")), ROOT / "app.py"]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_layering_pages_reach_storage_only_through_services(path: Path) -> None:
    assert imported_roots(path) & {"storage", "sqlalchemy", "psycopg"} == set()


def test_layering_scan_sees_forbidden_imports(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import streamlit as st\nfrom storage import join\n", encoding="utf-8")
    assert imported_roots(bad) == {"streamlit", "storage"}
