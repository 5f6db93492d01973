"""`python -m coproduction score`: group, statement and perspective scores of an answers CSV."""

from __future__ import annotations

import json
import sys

from coproduction.exit_codes import ExitCode
from coproduction.files import read_answers, resolve_bank, write_output
from coproduction.render import score_json, score_text
from scoring import score_all


def score(bank: str, responses: str, *, threshold: int = 3, as_json: bool = False, output: str | None = None) -> int:
    """Validate the answers, then print the scores as text or JSON, or write the JSON to `output`."""
    questions = resolve_bank(bank)
    answers = read_answers(responses, questions)
    group, perspectives = score_all(answers, questions, threshold=threshold)
    if output:
        text = json.dumps(score_json(questions, group, perspectives), indent=2, ensure_ascii=False)
        write_output(output, (text + "\n").encode("utf-8"))
        print(f"Wrote {output}")
    elif as_json:
        print(json.dumps(score_json(questions, group, perspectives), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(score_text(questions, group, perspectives))
    return ExitCode.OK
