"""The bad-CSV corpus in tests/data/bad_responses: exact messages, and two files that must load."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions.loader import load_builtin
from scoring import ResponseError, read_responses_csv

CORPUS = Path(__file__).resolve().parents[1] / "data" / "bad_responses"
SAVE_AS = "Hint: Save the file as CSV UTF-8 (in Excel: File > Save As > CSV UTF-8)."
WHOLE = "expected a whole number from 0 to 4, or nothing for don't know"
PERSPECTIVES = "expected one of staff, people_using_services, carers, managers, commissioners"
STATEMENT = "expected a statement id from bank coproduction-quick"
USE = "Hint: Use 0, 1, 2, 3, 4 (from 'mostly like From' to 'mostly like To')."

EXPECTED = {
    "binary_junk.csv": [f"binary_junk.csv: file: expected a CSV text file, found binary data. "
                        f"{SAVE_AS}"],
    "duplicate_rows.csv": [
        "duplicate_rows.csv: row 4: expected one answer per respondent and statement, found a "
        "second answer from respondent 'r1' to statement 'quick-assets' (first in row 2). Hint: Keep one of "
        "the two rows, or give the second person their own respondent label."],
    "empty.csv": ["empty.csv: file: expected a header row and one row per answer, found an empty "
                  "file. Hint: Start from the template: it has the header row."],
    "empty_respondent.csv": ["empty_respondent.csv: row 2, column respondent: expected a "
                             "respondent id, found nothing. Hint: Give each person a label (e.g. r1) "
                             "and use it on all their rows."],
    "excel_workbook.csv": [f"excel_workbook.csv: file: expected a CSV text file, found an Excel "
                           f"workbook or other zip file. {SAVE_AS}"],
    "extra_cells.csv": [
        "extra_cells.csv: row 2: expected 6 cells like the header row, found 7 cells. Hint: Put "
        "text that contains a comma or a line break in double quotes, or save the file from a "
        "spreadsheet as CSV UTF-8."],
    "header_only.csv": ["header_only.csv: rows: expected at least one answer, found no answers. "
                        "Hint: Fill in one row per answer below the header row."],
    "latin1_encoding.csv": [f"latin1_encoding.csv:2: encoding: expected text saved as UTF-8, "
                            f"found byte 0xe8, which is not valid there. {SAVE_AS}"],
    "missing_columns.csv": [
        "missing_columns.csv: row 1 (header): expected the columns respondent, perspective, "
        "statement, current, target, comment, found no columns 'perspective', 'current', "
        "'target', 'comment'. Hint: The first row must name the columns; the template has them."],
    "non_integer.csv": [f"non_integer.csv: row 2, column current: {WHOLE}, found '2.5'. {USE}"],
    "non_numeric.csv": [
        f"non_numeric.csv: row 2, column current: {WHOLE}, found 'three'. Hint: Leave the cell "
        "empty for don't know.",
        f"non_numeric.csv: row 3, column current: {WHOLE}, found 'don't know'. Hint: Leave the "
        "cell empty for don't know."],
    "out_of_range.csv": [f"out_of_range.csv: row 2, column current: {WHOLE}, found '5'. {USE}",
                         f"out_of_range.csv: row 3, column target: {WHOLE}, found '-1'. {USE}"],
    "two_perspectives.csv": [
        "two_perspectives.csv: row 3, column perspective: expected the same perspective on every "
        "row of respondent 'r1' (row 2 says 'staff'), found 'carers'. Hint: Each person answers from one "
        "point of view; give a second person their own label."],
    "unknown_perspective.csv": [
        f"unknown_perspective.csv: row 2, column perspective: {PERSPECTIVES}, found 'Staff and "
        "volunteers'. Hint: Did you mean 'staff'?",
        f"unknown_perspective.csv: row 3, column perspective: {PERSPECTIVES}, found "
        "'volunteers'. Hint: Use one of the ids listed."],
    "unknown_statements.csv": [
        f"unknown_statements.csv: row 2, column statement: {STATEMENT}, found 'quick-asets'. "
        "Hint: Did you mean 'quick-assets'?",
        f"unknown_statements.csv: row 3, column statement: {STATEMENT}, found 'networks'. "
        "Hint: Did you mean 'quick-networks'?",
        f"unknown_statements.csv: row 4, column statement: {STATEMENT}, found 'question-7'. "
        "Hint: Use the statement ids in the template for this bank."],
}
VALID = {
    "bom_semicolons_valid.csv": [["r1", "staff", "quick-assets", 2.0, 3.0, "Très bien"],
                                 ["r1", "staff", "quick-networks", None, 3.0, ""],
                                 ["r2", "carers", "quick-assets", 4.0, 4.0, ""]],
    "utf16_tabs_valid.csv": [["r1", "managers", "quick-reciprocity", 0.0, 2.0, "Ŵyn"],
                             ["r2", "managers", "quick-reciprocity", 1.0, None, ""]],
}


def test_bad_responses_corpus_is_fully_covered() -> None:
    assert sorted(path.name for path in CORPUS.glob("*.csv")) == sorted([*EXPECTED, *VALID])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_responses_file_gives_exact_message(name: str) -> None:
    with pytest.raises(ResponseError) as error:
        read_responses_csv((CORPUS / name).read_bytes(), load_builtin("coproduction-quick"),
                           source=name)
    assert str(error.value).split("\n") == EXPECTED[name]


@pytest.mark.parametrize("name", sorted(VALID))
def test_bad_responses_valid_file_loads(name: str) -> None:
    result = read_responses_csv((CORPUS / name).read_bytes(), load_builtin("coproduction-quick"),
                                source=name)
    rows = result.astype(object).where(result.notna(), None).values.tolist()
    assert rows == VALID[name]


def test_bad_responses_fifty_megabytes_rejected_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:  # generated here: a 50 MB file is never committed
        handle.write(b"respondent,perspective,statement,current,target,comment\n")
        handle.write(b"r1,staff,quick-assets,2,3,\n" * (50 * 2**20 // 27 + 1))
    with pytest.raises(ResponseError) as error:
        read_responses_csv(path.read_bytes(), load_builtin("coproduction-quick"), source=path.name)
    assert str(error.value) == ("huge.csv: file: expected a file of at most 20 MB, found 50.0 MB. "
                                "Hint: Split the answers into several files of at most 20 MB.")


def test_bad_responses_every_problem_ends_with_a_hint() -> None:
    lines = [line for lines in EXPECTED.values() for line in lines]
    assert all(" Hint: " in line for line in lines), [line for line in lines if " Hint: " not in line]
