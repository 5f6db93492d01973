"""The last guard of the command line: bad input exits 1; an unexpected error is logged to a file and exits 3."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import platform
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path

from coproduction.exit_codes import ExitCode
from questions.errors import ProjectError

PROG = "coproduction"
LOG_NAME = "coproduction.log"
LOG_DIR_VARIABLE = "COPRO_LOG_DIR"
# The versions that matter to reproduce a failure of the command line.
KEY_PACKAGES = ("PyYAML", "pandas", "numpy", "pyarrow", "SQLAlchemy", "psycopg", "fpdf2", "vl-convert-python")
_MESSAGE_LIMIT = 200


def guarded(command: str, run: Callable[[], int]) -> int:
    """Run a command: problems in the input exit 1, Ctrl-C 130, anything else is logged and exits 3."""
    try:
        return run()
    except ProjectError as error:
        print(error, file=sys.stderr)
        return ExitCode.BAD_INPUT
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except Exception as error:  # noqa: BLE001 - the last guard: people never see a traceback
        print(internal_error(command, error), file=sys.stderr)
        return ExitCode.INTERNAL_ERROR


def internal_error(command: str, error: Exception) -> str:
    """Write the log of an unexpected error and return the one line that says what happened and where the log is."""
    detail = " ".join(str(error).split())
    if len(detail) > _MESSAGE_LIMIT:
        detail = detail[: _MESSAGE_LIMIT - 3] + "..."
    what = f"{PROG}: internal error ({type(error).__name__}{': ' + detail if detail else ''})"
    try:
        path = write_log(log_text(command, error))
    except OSError as log_error:
        reason = log_error.strerror or type(log_error).__name__
        return f"{what}; the log could not be written ({reason}). Please report it."
    return f"{what}. The details are in {path}; please report the error with that file."


def log_text(command: str, error: Exception) -> str:
    """The log: when, which command, the versions of Python and the key packages, then the traceback."""
    lines = [
        f"{PROG} internal error",
        f"time: {dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')}",
        f"command: {command}",  # not the whole command line: a database URL may hold a password
        f"python: {sys.version.splitlines()[0]} ({sys.executable})",
        f"platform: {platform.platform()}",
        *(f"{name}: {package_version(name)}" for name in KEY_PACKAGES),
        "",
    ]
    return "\n".join(lines) + "".join(traceback.format_exception(error))


def package_version(name: str) -> str:
    """The installed version of a distribution, or 'not installed'."""
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "not installed"


def log_folder() -> Path:
    """COPRO_LOG_DIR when set, else ~/.cache/coproduction."""
    configured = os.environ.get(LOG_DIR_VARIABLE)
    return Path(configured) if configured else Path.home() / ".cache" / PROG


def write_log(text: str) -> Path:
    """Write the log as coproduction.log in the log folder, or to a new temp file if that folder is not writable."""
    try:
        folder = log_folder()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        path.write_text(text, encoding="utf-8")
        return path
    except (OSError, RuntimeError):  # RuntimeError: Path.home() when there is no home
        # A new file with a random name: a fixed name in a shared temp folder could be a planted link.
        handle, name = tempfile.mkstemp(prefix=f"{PROG}-", suffix=".log")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        return Path(name)
