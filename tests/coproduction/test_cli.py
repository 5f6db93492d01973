"""The command line, called in-process through main(argv)."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

import coproduction.main
from coproduction.main import build_parser, main
from questions.loader import MAX_BYTES

ROOT = Path(__file__).resolve().parents[2]
HEADER = "respondent,perspective,statement,current,target,comment\n"
STATEMENTS = ["quick-assets", "quick-reciprocity", "quick-networks", "quick-valuing_work",
              "quick-blurring_roles", "quick-facilitating"]


def write_answers(path: Path, people: dict[str, tuple[str, int]]) -> Path:
    """A quick-bank CSV where each respondent gives one answer to every statement."""
    rows = [f"{who},{perspective},{sid},{value},4,\n"
            for who, (perspective, value) in people.items() for sid in STATEMENTS]
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    return path


@pytest.fixture
def answers_csv(tmp_path: Path) -> Path:
    """Three staff and one carer on the quick bank."""
    return write_answers(tmp_path / "round1.csv", {"a": ("staff", 4), "b": ("staff", 2),
                                                   "c": ("staff", 0), "d": ("carers", 3)})


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of one call."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_build_parser_lists_exactly_the_five_commands() -> None:
    (commands,) = [action for action in build_parser()._actions if isinstance(action, argparse._SubParsersAction)]
    assert list(commands.choices) == ["validate", "score", "template", "report", "retention"]


@pytest.mark.parametrize(("argv", "args", "kwargs"), [
    (["validate", "a.yaml", "coproduction-quick"], (["a.yaml", "coproduction-quick"],), {}),
    (["score", "--bank", "b", "--responses", "r.csv"], ("b", "r.csv"),
     {"threshold": 3, "as_json": False, "output": None}),
    (["score", "--bank", "b", "--responses", "r.csv", "--json", "--threshold", "5", "-o", "s.json"], ("b", "r.csv"),
     {"threshold": 5, "as_json": True, "output": "s.json"}),
    (["template", "--bank", "b"], ("b",), {"output": None}),
    (["report", "--assessment", "7", "-o", "r.pdf"], ("r.pdf",),
     {"assessment": 7, "database": None, "responses": None, "bank": None, "organisation": "", "team": "",
      "title": "Co-production self-assessment", "threshold": 3}),
    (["report", "--responses", "r.csv", "--bank", "b", "--team", "T", "--threshold", "4", "-o", "r.pdf"], ("r.pdf",),
     {"assessment": None, "database": None, "responses": "r.csv", "bank": "b", "organisation": "", "team": "T",
      "title": "Co-production self-assessment", "threshold": 4}),
    (["retention"], (), {"database": None, "site_default": None, "dry_run": False}),
    (["retention", "--database", "sqlite:///x.db", "--days", "30", "--dry-run"], (),
     {"database": "sqlite:///x.db", "site_default": 30, "dry_run": True}),
], ids=["validate", "score", "score-all-options", "template", "report-database", "report-csv", "retention",
        "retention-all-options"])
def test_main_calls_each_command_with_typed_arguments(monkeypatch: pytest.MonkeyPatch, argv: list[str],
                                                      args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    calls: list[tuple[tuple[object, ...], dict[str, object]]] = []

    def record(*given: object, **named: object) -> int:
        calls.append((given, named))
        return 0

    monkeypatch.setattr(coproduction.main, argv[0], record)
    assert main(argv) == 0
    assert calls == [(args, kwargs)]


def test_cli_help_lists_the_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert out.split("\n\nexit codes:\n")[1] == (
        "  0    done\n"
        "  1    bad input: every problem is printed (file, line or row, expected, found, hint)\n"
        "  2    bad usage: an unknown command or option, a missing or invalid argument\n"
        "  3    internal error: the details are written to a log file named on stderr\n"
        "  130  interrupted (Ctrl-C)\n"
        "\n"
        "The log of an internal error is $COPRO_LOG_DIR/coproduction.log (default: "
        "~/.cache/coproduction/coproduction.log).\n")


def test_cli_validate_ok(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(ROOT / "questions" / "coproduction_quick.yaml")
    code, out, err = run(capsys, "validate", path, "coproduction-quick")
    assert (code, err) == (0, "")
    translations = ("  translation ar: 118 texts; awaiting review by a first-language Arabic speaker\n"
                    "  translation cy: 118 texts; awaiting review by a first-language Welsh speaker\n")
    assert out == (f"OK: {path}: Co-production self-reflection (quick) v1.1, 6 principles, "
                   f"6 statements\n{translations}OK: coproduction-quick: Co-production self-reflection (quick) "
                   f"v1.1, 6 principles, 6 statements\n{translations}")


def test_cli_validate_reports_every_bad_bank(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    code, out, err = run(capsys, "validate", str(missing), "coproduction-quick", "quick")
    assert code == 1
    assert out.startswith("OK: coproduction-quick: ")
    assert err == ("missing.yaml: file: expected a readable bank file, found an error reading it "
                   "(No such file or directory). Hint: Check the file name and that the file "
                   "exists.\n<built-in>: bank id: expected one of coproduction-full, "
                   "coproduction-quick, found text 'quick'.\n")


def test_cli_score_prints_readable_summary(capsys: pytest.CaptureFixture[str],
                                           answers_csv: Path) -> None:
    code, out, err = run(capsys, "score", "--bank", "coproduction-quick", "--responses",
                         str(answers_csv))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[:2] == ["Co-production self-reflection (quick) v1.1: 4 respondents (results "
                         "shown from 3)", "Overall score: 56 (Doing with)"]
    assert "  Recognising people as assets            56     100   44      37  4  Doing with" \
        in lines
    assert {"Strengths (highest mean, 0-4)", "Development areas (lowest mean, 0-4)",
            "Hot spots (least agreement, 0-1)", "Perspectives", "Notes"} <= set(lines)
    assert "  - Carers and family members: 1 respondent, merged into Other perspectives." in lines


def test_cli_score_json(capsys: pytest.CaptureFixture[str], answers_csv: Path) -> None:
    code, out, _ = run(capsys, "score", "--bank", "coproduction-quick", "--responses",
                       str(answers_csv), "--json", "--threshold", "1")
    data = json.loads(out)
    assert code == 0 and data["threshold"] == 1 and data["n_respondents"] == 4
    assert data["overall_score"] == pytest.approx(56.25)
    assert [p["principle"] for p in data["principles"]][:2] == ["assets", "reciprocity"]
    assert len(data["statements"]) == 6 and len(data["hot_spots"]) == 3
    assert {g["perspective"] for g in data["perspectives"]["scores"]} == {"staff", "carers"}
    assert data["perspectives"]["gaps"][0]["max_gap"] == pytest.approx(75 - 50)


def test_cli_score_writes_json_file(capsys: pytest.CaptureFixture[str], answers_csv: Path,
                                    tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "score", "--bank", "coproduction-quick", "--responses",
                       str(answers_csv), "-o", str(target))
    assert (code, out) == (0, f"Wrote {target}\n")
    assert json.loads(target.read_text(encoding="utf-8"))["withheld"] is False


def test_cli_score_withheld(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_answers(tmp_path / "two.csv", {"a": ("staff", 4), "b": ("staff", 2)})
    code, out, _ = run(capsys, "score", "--bank", "coproduction-quick", "--responses", str(path))
    assert code == 0
    assert out == ("Co-production self-reflection (quick) v1.1: 2 respondents (results shown "
                   "from 3)\nResults withheld: too few respondents.\n\nNotes\n  - 2 respondents: "
                   "results are shown once at least 3 have answered, so that no one's answers "
                   "can be picked out.\n")


def test_cli_score_bad_csv(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(HEADER + "a,staff,quick-assets,7,4,\n", encoding="utf-8")
    code, out, err = run(capsys, "score", "--bank", "coproduction-quick", "--responses", str(path))
    assert (code, out) == (1, "")
    assert err == ("bad.csv: row 2, column current: expected a whole number from 0 to 4, or "
                   "nothing for don't know, found '7'. Hint: Use 0, 1, 2, 3, 4 (from 'mostly like From' to "
                   "'mostly like To').\n")


def test_cli_score_missing_and_huge_files(capsys: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    code, _, err = run(capsys, "score", "--bank", "coproduction-quick", "--responses",
                       str(tmp_path / "nope.csv"))
    assert (code, err) == (1, "nope.csv: file: expected a readable CSV file, found an error "
                              "reading it (No such file or directory). Hint: Check the file "
                              "name and that the file exists.\n")
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as handle:
        handle.truncate(50 * 2**20)  # sparse: 50 MB on paper, nothing written
    code, _, err = run(capsys, "score", "--bank", "coproduction-quick", "--responses", str(huge))
    assert (code, err) == (1, "huge.csv: file: expected a file of at most 20 MB, found 50.0 MB. "
                              "Hint: Split the answers into several files of at most 20 MB.\n")


def test_cli_template_to_stdout_and_file(capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    code, out, _ = run(capsys, "template", "--bank", "coproduction-quick")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == HEADER.rstrip("\n") + ",number,from,to"
    assert [line.split(",")[:6] for line in lines[1:]] == [["", "", sid, "", "", ""] for sid in STATEMENTS]
    target = tmp_path / "template.csv"
    code, out, _ = run(capsys, "template", "--bank", "coproduction-quick", "-o", str(target))
    assert (code, out) == (0, f"Wrote {target}: 6 rows, one per statement\n")
    assert target.read_bytes().startswith(b"\xef\xbb\xbfrespondent,perspective,statement")


@pytest.mark.parametrize(("argv", "last_line"), [
    ([], "coproduction: error: the following arguments are required: COMMAND"),
    (["score", "--bank", "coproduction-quick"],
     "coproduction score: error: the following arguments are required: --responses"),
    (["score", "--bank", "b", "--responses", "r", "--threshold", "0"],
     "coproduction score: error: argument --threshold: expected a whole number of at least 1, "
     "found '0'"),
    (["report", "--bank", "b", "--responses", "r", "--threshold", "0", "-o", "x.pdf"],
     "coproduction report: error: argument --threshold: expected a whole number of at least 1, "
     "found '0'"),
    (["score", "--bank", "b", "--responses", "r", "--threshold", "two"],
     "coproduction score: error: argument --threshold: expected a whole number of at least 1, "
     "found 'two'"),
    (["publish"], "coproduction: error: argument COMMAND: invalid choice: 'publish' (choose from "
                  "'validate', 'score', 'template', 'report', 'retention')"),
    (["report", "--responses", "r.csv"], "coproduction report: error: the following arguments are "
                                         "required: -o/--output"),
])
def test_cli_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str],
                                 last_line: str) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.splitlines()[0].startswith("usage: coproduction")
    assert err.splitlines()[-1] == last_line


def test_cli_runs_as_module(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "coproduction", "validate", "nope"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert (result.returncode, result.stdout) == (1, "")
    assert "Traceback" not in result.stderr and result.stderr.startswith("<built-in>: bank id:")


def test_cli_validate_refuses_a_bank_of_a_million_items(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"principles: [" + b"[], " * ((MAX_BYTES - 16) // 4) + b"]\n")
    code, out, err = run(capsys, "validate", str(path))
    assert (code, out) == (1, "")
    assert err == ("big.yaml:1:80002: principles[19997]: expected at most 20,000 entries (texts, numbers, lists "
                   "and mappings), found more. Hint: A question bank has a few hundred entries; check that this is "
                   "the right file.\n")
