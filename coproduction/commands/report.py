"""`python -m coproduction report`: the manager's PDF, from the app's database or from an answers CSV."""

from __future__ import annotations

import datetime as dt

from coproduction.exit_codes import ExitCode
from coproduction.files import read_answers, resolve_bank, write_output
from questions.errors import Problem, ProjectError

SOURCE = "report"
DEFAULT_TITLE = "Co-production self-assessment"


class ReportInputError(ProjectError):
    """The report command was asked for something that does not exist."""


def _problem(path: str, expected: str, found: str, hint: str | None = None) -> ReportInputError:
    """The one problem of a bad request, named after the option at fault."""
    return ReportInputError([Problem(SOURCE, path, expected, found, hint=hint)])


def report(output: str, *, assessment: int | None = None, database: str | None = None,
           responses: str | None = None, bank: str | None = None, organisation: str = "", team: str = "",
           title: str = DEFAULT_TITLE, threshold: int = 3) -> int:
    """Build the results of a stored assessment, or of a CSV's answers on a bank, and write them as a PDF."""
    # The database, the results model and the PDF stack load only for this command.
    from reports.model import build_results, single_session
    from reports.parts import Results
    from reports.pdf import build_pdf

    results: Results
    if assessment is not None:
        import storage
        from services.access import FULL_ACCESS
        from services.results import results_for

        engine = storage.make_engine(database)
        try:
            stored = storage.get_assessment(engine, assessment)
            if stored is None:
                raise _problem("--assessment", "the id of an assessment in the database", str(assessment),
                               hint="The id is the number after a= in the results page's address.")
            # Whoever holds the database sees every earlier session as a baseline.
            results = results_for(engine, stored, FULL_ACCESS)
        finally:
            engine.dispose()
    else:
        if responses is None:
            raise _problem("--assessment", "an assessment id, or --responses with --bank", "neither")
        if not bank:
            raise _problem("--bank", "a bank file or built-in bank id with --responses", "nothing")
        questions = resolve_bank(bank)
        answers = read_answers(responses, questions)
        now = dt.datetime.now(dt.timezone.utc)
        results = build_results(single_session(questions, answers, title=title, taken_on=now.date(),
                                               threshold=threshold, generated_at=now, organisation=organisation,
                                               team=team))
    data = build_pdf(results)
    write_output(output, data)
    print(f"Wrote {output} ({len(data) / 1024:.0f} KB)")
    return ExitCode.OK
