"""Importing answer files into storage: a bad file is rejected whole and saves nothing."""

from __future__ import annotations

from pathlib import Path
import io

import pandas as pd
import pytest
from sqlalchemy.engine import Engine

import storage
from services.imports import check_answers_csv, import_answers
from questions.errors import ProjectError
from tests.services.conftest import quick_row

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad_responses"
BAD = sorted(p for p in CORPUS.glob("*.csv") if not p.stem.endswith("_valid"))
GOOD = sorted(CORPUS.glob("*_valid.csv"))


def _assessment(engine: Engine) -> storage.Assessment:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    row = quick_row(engine)
    return storage.create_assessment(engine, team.id, row, "Imported")


def import_answers_csv(engine: Engine, assessment: storage.Assessment, data: bytes, source: str) -> int:
    """What the Import page does: check the whole file, then store it."""
    return import_answers(engine, assessment, check_answers_csv(engine, assessment, data, source))


def _stored_rows(engine: Engine, assessment: storage.Assessment) -> int:
    return len(storage.responses_frame(engine, assessment.id)) + storage.progress(engine, assessment.id)[0]


def test_imports_corpus_has_at_least_ten_bad_files() -> None:
    assert len(BAD) >= 10


@pytest.mark.parametrize("path", BAD, ids=lambda p: p.name)
def test_imports_bad_file_saves_nothing(engine: Engine, path: Path) -> None:
    assessment = _assessment(engine)
    with pytest.raises(ProjectError) as caught:
        import_answers_csv(engine, assessment, path.read_bytes(), path.name)
    assert str(caught.value).startswith(path.name)
    assert _stored_rows(engine, assessment) == 0


@pytest.mark.parametrize("path", GOOD, ids=lambda p: p.name)
def test_imports_valid_file_stores_every_respondent(engine: Engine, path: Path) -> None:
    assessment = _assessment(engine)
    count = import_answers_csv(engine, assessment, path.read_bytes(), path.name)
    frame = storage.responses_frame(engine, assessment.id, submitted_only=True)
    assert count == frame["respondent"].nunique() >= 1
    assert storage.progress(engine, assessment.id) == (count, count)


def test_imports_fifty_megabyte_file_is_refused_and_saves_nothing(engine: Engine) -> None:
    assessment = _assessment(engine)
    line = b"r1,staff,quick-assets,2,3,padding padding padding padding padding padding\n"
    data = b"respondent,perspective,statement,current,target,comment\n" + line * (50 * 2**20 // len(line))
    with pytest.raises(ProjectError) as caught:
        import_answers_csv(engine, assessment, data, "huge.csv")
    assert "20 MB" in str(caught.value)
    assert _stored_rows(engine, assessment) == 0


def test_imports_perspective_outside_the_session_is_refused(engine: Engine) -> None:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    row = quick_row(engine)
    workshop, _key = storage.create_workshop(engine, team.id, row, "W", ("staff",), 3)
    data = b"respondent,perspective,statement,current,target,comment\nr1,carers,quick-assets,2,3,\n"
    with pytest.raises(ProjectError) as caught:
        import_answers_csv(engine, workshop, data, "answers.csv")
    assert "carers" in str(caught.value)
    assert _stored_rows(engine, workshop) == 0


def _problems(engine: Engine, assessment: storage.Assessment, act: str, data: bytes) -> list[str]:
    """The problems the check (act='check') or the import of an unchecked table (act='import') names."""
    with pytest.raises(ProjectError) as caught:
        if act == "check":
            check_answers_csv(engine, assessment, data, "answers.csv")
        else:
            unchecked = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, skip_blank_lines=False)
            import_answers(engine, assessment, unchecked, source="answers.csv")
    return [str(problem) for problem in caught.value.problems]


@pytest.mark.parametrize("act", ["check", "import"])
def test_imports_check_and_import_give_the_same_verdict_and_row(engine: Engine, act: str) -> None:
    # Issue 10 point 19: an over-long comment passed the check, then failed at import with another row number.
    assessment = _assessment(engine)
    long = "x" * 10_001
    data = ("respondent,perspective,statement,current,target,comment\n"
            "r1,staff,quick-assets,2,3,fine\n"
            ",,,,,\n"  # a blank template row: skipped, but it still has its row number (3)
            f"r1,staff,quick-networks,2,3,{long}\n"
            f"r2,staff,quick-assets,9,3,\n").encode()
    assert _problems(engine, assessment, act, data) == [
        "answers.csv: row 4, column comment: expected a comment of at most 10,000 characters, "
        "found 10,001 characters.",
        "answers.csv: row 5, column current: expected a whole number from 0 to 4, or nothing for don't know, "
        "found '9'. Hint: Use 0, 1, 2, 3, 4 (from 'mostly like From' to 'mostly like To').",
    ]
    assert _stored_rows(engine, assessment) == 0
