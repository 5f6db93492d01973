"""`python -m coproduction report`: the manager's PDF from the app's database or from a CSV."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from questions.errors import Problem, ProjectError

SOURCE = "report"


class ReportInputError(ProjectError):
    """The report command was asked for something that does not exist."""


def add_report(parser: argparse.ArgumentParser) -> None:
    """Arguments of `report`: either --assessment, or --bank with --responses."""
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--assessment", type=int, metavar="ID", help="assessment id in the app's database")
    source.add_argument("--responses", metavar="CSV", help="answers in the long format (needs --bank)")
    parser.add_argument("--bank", help="bank YAML file or built-in bank id (with --responses)")
    parser.add_argument("--database", metavar="URL", help="database URL (default: COPRO_DATABASE_URL or the local SQLite file)")
    parser.add_argument("--organisation", default="", help="organisation name (with --responses)")
    parser.add_argument("--team", default="", help="team name (with --responses)")
    parser.add_argument("--title", default="Co-production self-assessment", help="report title (with --responses)")
    parser.add_argument("--threshold", type=int, default=3, help="fewest respondents whose results may be shown (default 3)")
    parser.add_argument("-o", "--output", required=True, metavar="PDF", help="where to write the PDF")


def _problem(path: str, expected: str, found: str, hint: str | None = None) -> ReportInputError:
    return ReportInputError([Problem(SOURCE, path, expected, found, hint=hint)])


def run_report(args: argparse.Namespace) -> int:
    """Build the report model, render the PDF and write it."""
    # The PDF stack loads only for this command.
    from coproduction.cli import read_file, resolve_bank, write_output
    from reports.model import build_report
    from reports.pdf import build_pdf
    from scoring import MAX_BYTES, read_responses_csv

    if args.threshold < 1:
        raise _problem("--threshold", "a whole number of at least 1", str(args.threshold))
    if args.assessment is not None:
        import storage
        from coproduction.reporting import assessment_report

        engine = storage.make_engine(args.database)
        assessment = storage.get_assessment(engine, args.assessment)
        if assessment is None:
            raise _problem("--assessment", "the id of an assessment in the database", str(args.assessment),
                           hint="The id is the number after a= in the results page's address.")
        report = assessment_report(engine, assessment)
    else:
        if not args.bank:
            raise _problem("--bank", "a bank file or built-in bank id with --responses", "nothing")
        bank = resolve_bank(args.bank)
        answers = read_responses_csv(read_file(args.responses, MAX_BYTES), bank, source=Path(args.responses).name)
        now = dt.datetime.now(dt.timezone.utc)
        report = build_report(
            bank=bank, organisation=args.organisation, team=args.team, title=args.title,
            assessment_date=now.date(), responses=answers, threshold=args.threshold, generated_at=now,
        )
    data = build_pdf(report)
    write_output(args.output, data)
    print(f"Wrote {args.output} ({len(data) / 1024:.0f} KB)")
    return 0
