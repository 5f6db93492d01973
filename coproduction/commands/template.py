"""`python -m coproduction template`: the blank answers CSV for paper collection."""

from __future__ import annotations

import sys

from coproduction.exit_codes import ExitCode
from coproduction.files import resolve_bank, write_output
from scoring import template_csv, template_frame


def template(bank: str, output: str | None = None) -> int:
    """Write the paper-collection CSV (one row per statement) to `output`, or print it."""
    questions = resolve_bank(bank)
    if output:
        write_output(output, template_csv(questions))
        print(f"Wrote {output}: {len(questions.statements)} rows, one per statement")
    else:
        sys.stdout.write(template_frame(questions).to_csv(index=False))
    return ExitCode.OK
