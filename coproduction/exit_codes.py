"""The command line's exit codes: one meaning each, listed in `--help`."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """What the exit status of `python -m coproduction` means."""

    OK = 0
    BAD_INPUT = 1
    BAD_USAGE = 2
    INTERNAL_ERROR = 3
    INTERRUPTED = 130


MEANINGS: dict[ExitCode, str] = {
    ExitCode.OK: "done",
    ExitCode.BAD_INPUT: "bad input: every problem is printed (file, line or row, expected, found, hint)",
    ExitCode.BAD_USAGE: "bad usage: an unknown command or option, a missing or invalid argument",
    ExitCode.INTERNAL_ERROR: "internal error: the details are written to a log file named on stderr",
    ExitCode.INTERRUPTED: "interrupted (Ctrl-C)",
}
