"""`python -m coproduction report`: PDFs from a CSV or from the app's database, clear errors otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

import storage
from coproduction.commands.report import report
from coproduction.main import main
from questions.errors import ProjectError
from tests.coproduction.test_cli import run, write_answers
from tests.storage.engines import sqlite_engine


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_report_from_csv_writes_a_pdf_with_the_scores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = write_answers(tmp_path / "a.csv", {"a": ("staff", 4), "b": ("staff", 2), "c": ("staff", 0)})
    out = tmp_path / "summary.pdf"
    code, stdout, stderr = run(capsys, "report", "--bank", "coproduction-quick", "--responses", str(answers),
                               "--team", "Tîm Cymorth <b>& co</b>", "-o", str(out))
    assert (code, stderr) == (0, "")
    assert stdout.startswith(f"Wrote {out} (")
    text = pdf_text(out)
    assert "Tîm Cymorth <b>& co</b>" in text
    assert "Overall score: 50 out of 100" in text


def test_report_from_database_includes_actions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    engine = sqlite_engine(tmp_path)
    storage.install_builtin_banks(engine)
    team = storage.create_team(engine, "Riverside Council", "Day services")
    row = next(b.id for b in storage.list_banks(engine) if b.bank_id == "coproduction-quick")
    assessment = storage.create_assessment(engine, team.id, row, "Spring")
    for i, value in enumerate((1, 2, 3)):
        answers = {sid: storage.Answer(sid, value, 4, "") for sid in storage.load_bank_version(engine, row).statement_ids}
        storage.submit_response(engine, assessment.id, "staff", answers, f"r{i}")
    storage.add_action(engine, assessment.id, "networks", "Map local groups with the people we support", "Priya")
    url = str(engine.url)
    engine.dispose()
    out = tmp_path / "db.pdf"
    code, _stdout, stderr = run(capsys, "report", "--assessment", str(assessment.id), "--database", url, "-o", str(out))
    assert (code, stderr) == (0, "")
    text = pdf_text(out)
    assert "Map local groups with the people we support" in text
    assert "Riverside Council" in text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--assessment", "42"], "report: --assessment: expected the id of an assessment in the database, found 42. "
                                 "Hint: The id is the number after a= in the results page's address.\n"),
        (["--responses", "x.csv"], "report: --bank: expected a bank file or built-in bank id with --responses, found nothing.\n"),
        (["--responses", "x.csv", "--bank", "coproduction-quick"],
         "x.csv: file: expected a readable CSV file, found an error reading it (No such file or directory). "
         "Hint: Check the file name and that the file exists.\n"),
    ],
)
def test_report_bad_requests_are_explained(tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], message: str) -> None:
    database = f"sqlite:///{tmp_path / 'empty.db'}"
    code, _stdout, stderr = run(capsys, "report", *argv, "--database", database, "-o", str(tmp_path / "x.pdf"))
    assert (code, stderr) == (1, message)
    assert not (tmp_path / "x.pdf").exists()


def test_report_needs_a_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["report", "-o", "x.pdf"]) == 2
    assert "one of the arguments --assessment --responses is required" in capsys.readouterr().err


def test_report_called_without_a_source_is_explained(tmp_path: Path) -> None:
    with pytest.raises(ProjectError) as caught:
        report(str(tmp_path / "x.pdf"))
    assert str(caught.value) == ("report: --assessment: expected an assessment id, or --responses with --bank, "
                                 "found neither.")
