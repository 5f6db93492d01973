"""The command line: `python -m coproduction validate|score|template|report|retention`, parsed and dispatched here."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from coproduction.commands.report import DEFAULT_TITLE, report
from coproduction.commands.retention import retention
from coproduction.commands.score import score
from coproduction.commands.template import template
from coproduction.commands.validate import validate
from coproduction.error_handler import LOG_DIR_VARIABLE, LOG_NAME, PROG, guarded
from coproduction.exit_codes import MEANINGS, ExitCode

DEFAULT_THRESHOLD = 3
BANK_HELP = "bank YAML file or built-in bank id"
THRESHOLD_HELP = f"fewest respondents whose results may be shown (default {DEFAULT_THRESHOLD})"


def threshold(text: str) -> int:
    """argparse type of --threshold, shared by score and report: a whole number of at least 1."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, found '{text}'")
    return number


def epilog() -> str:
    """The exit codes and where an internal error's log goes, for `--help`."""
    codes = "\n".join(f"  {code.value:<4} {meaning}" for code, meaning in MEANINGS.items())
    return (f"exit codes:\n{codes}\n\nThe log of an internal error is ${LOG_DIR_VARIABLE}/{LOG_NAME} "
            f"(default: ~/.cache/{PROG}/{LOG_NAME}).")


def build_parser() -> argparse.ArgumentParser:
    """The parser: one subparser per command, every argument declared here."""
    parser = argparse.ArgumentParser(prog=PROG, description="Co-production: how are you doing? Command-line tools.",
                                     epilog=epilog(), formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate_parser = commands.add_parser("validate", help="check question bank files",
                                          description="check question bank files")
    validate_parser.add_argument("banks", nargs="+", metavar="BANK", help=BANK_HELP)

    score_parser = commands.add_parser("score", help="score answers from a CSV file",
                                       description="score answers from a CSV file")
    score_parser.add_argument("--bank", required=True, help=BANK_HELP)
    score_parser.add_argument("--responses", required=True, metavar="CSV",
                              help="answers in the long format (see `template`)")
    score_parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    score_parser.add_argument("--threshold", type=threshold, default=DEFAULT_THRESHOLD, help=THRESHOLD_HELP)
    score_parser.add_argument("-o", "--output", metavar="FILE", help="write the JSON to FILE")

    template_parser = commands.add_parser("template", help="write a blank answers CSV for a bank",
                                          description="write a blank answers CSV for a bank")
    template_parser.add_argument("--bank", required=True, help=BANK_HELP)
    template_parser.add_argument("-o", "--output", metavar="FILE", help="write the CSV to FILE")

    report_parser = commands.add_parser("report", help="write the manager's PDF summary",
                                        description="write the manager's PDF summary")
    source = report_parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--assessment", type=int, metavar="ID", help="assessment id in the app's database")
    source.add_argument("--responses", metavar="CSV", help="answers in the long format (needs --bank)")
    report_parser.add_argument("--bank", help=f"{BANK_HELP} (with --responses)")
    report_parser.add_argument("--database", metavar="URL",
                               help="database URL (default: COPRO_DATABASE_URL or the local SQLite file)")
    report_parser.add_argument("--organisation", default="", help="organisation name (with --responses)")
    report_parser.add_argument("--team", default="", help="team name (with --responses)")
    report_parser.add_argument("--title", default=DEFAULT_TITLE, help="report title (with --responses)")
    report_parser.add_argument("--threshold", type=threshold, default=DEFAULT_THRESHOLD,
                               help=f"{THRESHOLD_HELP} (with --responses)")
    report_parser.add_argument("-o", "--output", required=True, metavar="PDF", help="where to write the PDF")

    retention_parser = commands.add_parser(
        "retention", help="delete answers past the retention period (daily, e.g. from cron)",
        description="delete the individual answers of sessions past their organisation's retention period, "
                    "keeping the scores they showed; safe to run on several servers at once")
    retention_parser.add_argument("--database", metavar="URL",
                                  help="database URL (default: COPRO_DATABASE_URL or the local SQLite file)")
    retention_parser.add_argument("--days", type=threshold, metavar="N",
                                  help="period for organisations without their own setting "
                                       "(default: COPRO_RETENTION_DAYS, else answers are kept)")
    retention_parser.add_argument("--dry-run", action="store_true", help="list the sessions due, delete nothing")
    return parser


def run(args: argparse.Namespace) -> int:
    """Call the command the arguments name, with its own typed parameters."""
    if args.command == "validate":
        return validate(args.banks)
    elif args.command == "score":
        return score(args.bank, args.responses, threshold=args.threshold, as_json=args.json, output=args.output)
    elif args.command == "template":
        return template(args.bank, output=args.output)
    elif args.command == "report":
        return report(args.output, assessment=args.assessment, database=args.database, responses=args.responses,
                      bank=args.bank, organisation=args.organisation, team=args.team, title=args.title,
                      threshold=args.threshold)
    elif args.command == "retention":
        return retention(database=args.database, site_default=args.days, dry_run=args.dry_run)
    raise NotImplementedError(f"the command {args.command!r} is parsed but not run")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code (see coproduction.exit_codes)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed the usage and the error (or the help) already
        return exit_.code if isinstance(exit_.code, int) else ExitCode.BAD_USAGE
    return guarded(args.command, lambda: run(args))
