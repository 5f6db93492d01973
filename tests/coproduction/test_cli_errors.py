"""The last guard: an unexpected error is logged to a file with the versions, and exits 3 with one line."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml

import coproduction.main
from coproduction.error_handler import KEY_PACKAGES, internal_error
from coproduction.main import main
from tests.coproduction.test_cli import run


def explode(bank: str, output: str | None = None) -> int:
    """A command with a bug."""
    raise RuntimeError("boom\n  on two lines")


@pytest.fixture
def broken_template(monkeypatch: pytest.MonkeyPatch) -> None:
    """`template` raises an unexpected error."""
    monkeypatch.setattr(coproduction.main, "template", explode)


@pytest.mark.usefixtures("broken_template")
def test_cli_unexpected_error_is_logged_and_exits_3(capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("COPRO_LOG_DIR", str(tmp_path / "logs"))
    code, out, err = run(capsys, "template", "--bank", "coproduction-quick", "-o", str(tmp_path / "t.csv"))
    log = tmp_path / "logs" / "coproduction.log"
    assert (code, out) == (3, "")
    assert err == (f"coproduction: internal error (RuntimeError: boom on two lines). The details are in {log}; "
                   "please report the error with that file.\n")
    text = log.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "coproduction internal error"
    assert lines[1].startswith("time: 20")
    assert lines[2] == "command: template"
    assert lines[3] == f"python: {sys.version.splitlines()[0]} ({sys.executable})"
    assert f"PyYAML: {yaml.__version__}" in lines and f"pandas: {pd.__version__}" in lines
    assert [line.split(":")[0] for line in lines[5:5 + len(KEY_PACKAGES)]] == list(KEY_PACKAGES)
    assert text.endswith('in explode\n    raise RuntimeError("boom\\n  on two lines")\nRuntimeError: boom\n  on two lines\n')
    assert "Traceback (most recent call last):" in lines


def test_cli_log_leaves_out_the_command_line(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    def broken_report(output: str, **options: object) -> int:
        raise ValueError("no")

    monkeypatch.setattr(coproduction.main, "report", broken_report)
    monkeypatch.setenv("COPRO_LOG_DIR", str(tmp_path))
    code, _, err = run(capsys, "report", "--assessment", "1", "--database", "postgresql://ann:s3cret@db/copro",
                       "-o", "r.pdf")
    text = (tmp_path / "coproduction.log").read_text(encoding="utf-8")
    assert code == 3 and "command: report\n" in text
    assert "s3cret" not in text and "s3cret" not in err


@pytest.mark.usefixtures("broken_template")
def test_cli_log_goes_to_the_cache_folder_by_default(capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("COPRO_LOG_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    code, _, err = run(capsys, "template", "--bank", "coproduction-quick")
    log = tmp_path / ".cache" / "coproduction" / "coproduction.log"
    assert code == 3 and f"The details are in {log};" in err
    assert log.read_text(encoding="utf-8").startswith("coproduction internal error\n")


@pytest.mark.usefixtures("broken_template")
def test_cli_log_falls_back_to_a_temp_file(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the log folder should be", encoding="utf-8")
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("COPRO_LOG_DIR", str(blocked))
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    code, _, err = run(capsys, "template", "--bank", "coproduction-quick")
    (log,) = temp.glob("coproduction-*.log")
    assert code == 3
    assert err.endswith(f"The details are in {log}; please report the error with that file.\n")
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")


def test_internal_error_without_any_writable_folder_still_says_what_happened(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("COPRO_LOG_DIR", str(blocked))
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "missing"))
    assert internal_error("score", KeyError("x" * 300)) == (
        f"coproduction: internal error (KeyError: '{'x' * 196}...); the log could not be written "
        "(No such file or directory). Please report it.")


def test_cli_interrupt_exits_130(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(banks: list[str]) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(coproduction.main, "validate", interrupted)
    code, out, err = run(capsys, "validate", "coproduction-quick")
    assert (code, out, err) == (130, "", "Interrupted.\n")


def test_cli_bad_input_exits_1_without_a_log(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    monkeypatch.setenv("COPRO_LOG_DIR", str(tmp_path))
    assert main(["template", "--bank", "no-such-bank"]) == 1
    assert capsys.readouterr().err.startswith("<built-in>: bank id: expected one of coproduction-full")
    assert list(tmp_path.iterdir()) == []
