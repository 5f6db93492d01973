"""The core (banks, scoring, report model, charts) stays free of Streamlit, database and PDF imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORE = [
    *sorted((ROOT / "questions").glob("*.py")),
    *sorted((ROOT / "scoring").glob("*.py")),
    ROOT / "reports" / "model.py",
    ROOT / "reports" / "charts.py",
]
FORBIDDEN = {"streamlit", "sqlalchemy", "psycopg", "fpdf", "storage", "ui", "reportlab"}


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


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(ROOT)))
def test_layering_core_module_imports_no_io_library(path: Path) -> None:
    assert path.exists()
    assert imported_roots(path) & FORBIDDEN == set()


def test_layering_scan_sees_forbidden_imports(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("import streamlit as st\nfrom sqlalchemy import text\n", encoding="utf-8")
    assert imported_roots(bad) == {"streamlit", "sqlalchemy"}


def test_layering_pages_do_not_import_the_database_directly() -> None:
    for page in sorted((ROOT / "views").glob("*.py")):
        assert "sqlalchemy" not in imported_roots(page), page.name
