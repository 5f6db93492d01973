"""What the commands read and write: banks by file or id, answer CSVs within the size limit, outputs."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from questions.errors import Problem, ProjectError
from questions.loader import builtin_bank_paths, load_bank, load_builtin
from questions.schema import Bank
from scoring import MAX_BYTES, ResponseError, read_responses_csv


def resolve_bank(value: str) -> Bank:
    """A bank from a file path or a built-in bank id (BankError if neither works)."""
    path = Path(value)
    if path.exists() or value not in builtin_bank_paths() and path.suffix in (".yaml", ".yml"):
        return load_bank(path)
    return load_builtin(value)


def read_answers(path: str, bank: Bank) -> pd.DataFrame:
    """Validated answers from a CSV file, refusing a file over MAX_BYTES before reading it."""
    source = Path(path).name or path
    limit = f"{MAX_BYTES / 2**20:g} MB"
    try:
        size = Path(path).stat().st_size
        if size > MAX_BYTES:
            raise ResponseError([Problem(source, "file", f"a file of at most {limit}", f"{size / 2**20:.1f} MB",
                                         hint=f"Split the answers into several files of at most {limit}.")])
        data = Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ResponseError([Problem(source, "file", "a readable CSV file", f"an error reading it ({reason})",
                                     hint="Check the file name and that the file exists.")]) from None
    return read_responses_csv(data, bank, source=source)


def write_output(path: str, data: bytes) -> None:
    """Write bytes to a file, as a ProjectError if that fails."""
    try:
        Path(path).write_bytes(data)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ProjectError([Problem(path, "file", "a file that can be written",
                                    f"an error writing it ({reason})")]) from None
