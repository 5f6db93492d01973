"""docs/ARCHITECTURE.md stays true: every path, name and column list it mentions exists as written.

Conventions the document follows (so this test can read it):
- a path in backticks (`services/results.py`, `questions/pictures/`) names a file or folder of the repo;
- a dotted name in backticks whose first part is one of the project's packages
  (`reports.model.build_results`) names a module or an attribute that imports;
- a line `Columns of `name`: a, b, c.` lists exactly the values of that list or tuple, in order.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "ARCHITECTURE.md"
PACKAGES = {"domain", "i18n", "questions", "scoring", "reports", "storage", "services", "ui", "coproduction", "bench"}
TICKED = re.compile(r"`([^`\s]+)`")
PATH = re.compile(r"^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*(\.(py|md|yaml|toml|txt|sh)|/)$")
COLUMNS = re.compile(r"^Columns of `([^`]+)`: (.+)\.$")


def ticked() -> list[str]:
    """Every backticked token of the document, in order, without repeats."""
    return list(dict.fromkeys(TICKED.findall(DOC.read_text(encoding="utf-8"))))


def paths() -> list[str]:
    """The tokens that look like repository paths."""
    return [token for token in ticked() if PATH.match(token) and ("/" in token or token.endswith(".py"))]


def names() -> list[str]:
    """The dotted names that start with one of the project's packages."""
    return [token.rstrip("()") for token in ticked()
            if "." in token and token.split(".")[0] in PACKAGES and not token.endswith((".py", ".md", ".yaml"))]


def resolve(name: str) -> object:
    """The module or attribute a dotted name refers to (ImportError/AttributeError if none)."""
    parts = name.split(".")
    for split in range(len(parts), 0, -1):
        try:
            target: object = importlib.import_module(".".join(parts[:split]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[split:]:
            target = getattr(target, attribute)
        return target
    raise ImportError(name)


def column_lists() -> list[tuple[str, list[str]]]:
    """(name, listed columns) for every 'Columns of' line."""
    found = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = COLUMNS.match(line.strip())
        if match:
            found.append((match.group(1), [item.strip() for item in match.group(2).split(",")]))
    return found


def test_docs_mention_enough_to_be_worth_checking() -> None:
    assert len(paths()) >= 20 and len(names()) >= 15 and len(column_lists()) >= 3


@pytest.mark.parametrize("path", paths())
def test_docs_every_path_exists(path: str) -> None:
    assert (ROOT / path).exists(), f"docs/ARCHITECTURE.md names {path}, which does not exist"


@pytest.mark.parametrize("name", names())
def test_docs_every_name_imports(name: str) -> None:
    resolve(name)


@pytest.mark.parametrize(("name", "columns"), column_lists(), ids=[name for name, _ in column_lists()])
def test_docs_every_column_list_is_exact(name: str, columns: list[str]) -> None:
    value = resolve(name)
    assert isinstance(value, (list, tuple)), name
    assert list(value) == columns


def test_docs_check_sees_a_missing_name() -> None:
    with pytest.raises((ImportError, AttributeError)):
        resolve("reports.model.no_such_function")
