"""The command line: `python -m coproduction validate|score|template` (more commands plug in)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from questions.errors import Problem, ProjectError
from questions.loader import builtin_bank_paths, load_bank, load_builtin
from questions.schema import Bank
from scoring import (
    MAX_BYTES,
    ResponseError,
    read_responses_csv,
    score_group,
    score_perspectives,
    template_csv,
    template_frame,
)

PROG = "coproduction"


class Command(NamedTuple):
    """One subcommand: its name, help line, argument setup and the function that runs it."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def resolve_bank(value: str) -> Bank:
    """A bank from a file path or a built-in bank id (BankError if neither works)."""
    path = Path(value)
    if path.exists() or value not in builtin_bank_paths() and path.suffix in (".yaml", ".yml"):
        return load_bank(path)
    return load_builtin(value)


def positive(text: str) -> int:
    """argparse type: a whole number of at least 1."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, found '{text}'")
    return number


def read_file(path: str, limit: int) -> bytes:
    """A file's bytes, refusing files over `limit` before reading them."""
    source = Path(path).name or path
    try:
        size = Path(path).stat().st_size
        if size > limit:
            raise ResponseError([Problem(source, "file", "a file of at most 20 MB",
                                         f"{size / 2**20:.1f} MB",
                                         hint="Split the answers into several files of at most "
                                              "20 MB.")])
        return Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ResponseError([Problem(source, "file", "a readable CSV file",
                                     f"an error reading it ({reason})",
                                     hint="Check the file name and that the file exists.")]) \
            from None


def write_output(path: str, data: bytes) -> None:
    """Write bytes to a file, as a ProjectError if that fails."""
    try:
        Path(path).write_bytes(data)
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ProjectError([Problem(path, "file", "a file that can be written",
                                    f"an error writing it ({reason})")]) from None


def add_validate(parser: argparse.ArgumentParser) -> None:
    """Arguments of `validate`."""
    parser.add_argument("banks", nargs="+", metavar="BANK",
                        help="bank YAML file or built-in bank id")


def run_validate(args: argparse.Namespace) -> int:
    """Check every bank; print OK lines or every problem."""
    failed = False
    for value in args.banks:
        try:
            bank = resolve_bank(value)
        except ProjectError as error:
            print(error, file=sys.stderr)
            failed = True
            continue
        print(f"OK: {value}: {bank.title} v{bank.version}, {len(bank.principles)} principles, "
              f"{len(bank.statements)} statements")
    return 1 if failed else 0


def add_score(parser: argparse.ArgumentParser) -> None:
    """Arguments of `score`."""
    parser.add_argument("--bank", required=True, help="bank YAML file or built-in bank id")
    parser.add_argument("--responses", required=True, metavar="CSV",
                        help="answers in the long format (see `template`)")
    parser.add_argument("--json", action="store_true", help="print machine-readable JSON")
    parser.add_argument("--threshold", type=positive, default=3,
                        help="fewest respondents whose results may be shown (default 3)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the JSON to FILE")


def run_score(args: argparse.Namespace) -> int:
    """Validate answers and print group, statement and perspective scores."""
    # Imported here so that `validate` and `template` start without the report formatting.
    from coproduction.render import score_json, score_text

    bank = resolve_bank(args.bank)
    data = read_file(args.responses, MAX_BYTES)
    answers = read_responses_csv(data, bank, source=Path(args.responses).name)
    group = score_group(answers, bank, threshold=args.threshold)
    perspectives = score_perspectives(answers, bank, threshold=args.threshold)
    if args.output:
        text = json.dumps(score_json(bank, group, perspectives), indent=2, ensure_ascii=False)
        write_output(args.output, (text + "\n").encode("utf-8"))
        print(f"Wrote {args.output}")
    elif args.json:
        print(json.dumps(score_json(bank, group, perspectives), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(score_text(bank, group, perspectives))
    return 0


def add_template(parser: argparse.ArgumentParser) -> None:
    """Arguments of `template`."""
    parser.add_argument("--bank", required=True, help="bank YAML file or built-in bank id")
    parser.add_argument("-o", "--output", metavar="FILE", help="write the CSV to FILE")


def run_template(args: argparse.Namespace) -> int:
    """Write the paper-collection CSV: one row per statement."""
    bank = resolve_bank(args.bank)
    if args.output:
        write_output(args.output, template_csv(bank))
        print(f"Wrote {args.output}: {len(bank.statements)} rows, one per statement")
    else:
        sys.stdout.write(template_frame(bank).to_csv(index=False))
    return 0


COMMANDS: list[Command] = [
    Command("validate", "check question bank files", add_validate, run_validate),
    Command("score", "score answers from a CSV file", add_score, run_score),
    Command("template", "write a blank answers CSV for a bank", add_template, run_template),
]


def _register_report() -> None:
    """Add `report` (its module imports the CLI helpers lazily, so no import cycle)."""
    from coproduction.report_command import add_report, run_report

    COMMANDS.append(Command("report", "write the manager's PDF summary", add_report, run_report))


_register_report()


def build_parser(commands: Sequence[Command] | None = None) -> argparse.ArgumentParser:
    """The argument parser with one subparser per command (default: COMMANDS, read at call)."""
    parser = argparse.ArgumentParser(
        prog=PROG, description="Co-production: how are you doing? Command-line tools.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS if commands is None else commands:
        sub = subparsers.add_parser(command.name, help=command.help, description=command.help)
        command.add_arguments(sub)
        sub.set_defaults(run=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 ok, 1 bad input, 2 bad usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse has printed usage and the error already
        return exit_.code if isinstance(exit_.code, int) else 2
    try:
        return int(args.run(args))
    except ProjectError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return 130
    except Exception as error:  # noqa: BLE001 - the last guard: people never see a traceback
        print(f"{PROG}: internal error ({type(error).__name__}: {error}). Please report it.",
              file=sys.stderr)
        return 1
