"""`python -m coproduction validate`: check question bank files."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from coproduction.exit_codes import ExitCode
from coproduction.files import resolve_bank
from questions.errors import ProjectError


def validate(banks: Sequence[str]) -> int:
    """Check every bank (file or built-in id); print an OK line for each good one, every problem of the others."""
    failed = False
    for value in banks:
        try:
            bank = resolve_bank(value)
        except ProjectError as error:
            print(error, file=sys.stderr)
            failed = True
            continue
        print(f"OK: {value}: {bank.title} v{bank.version}, {len(bank.principles)} principles, "
              f"{len(bank.statements)} statements")
        for translation in bank.translations:  # checked against the bank's ids while loading
            left = f", {len(translation.fallbacks)} left in English" if translation.fallbacks else ""
            print(f"  translation {translation.language}: {len(translation.texts)} texts{left}; {translation.status}")
    return ExitCode.BAD_INPUT if failed else ExitCode.OK
