"""Validation of long-format answers, CSV decoding and the template."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from questions.schema import Bank
from scoring import (
    LONG_COLUMNS,
    ResponseError,
    read_responses_csv,
    template_csv,
    template_frame,
    validate_responses,
)
from tests.scoring.conftest import mini_bank

HEADER = "respondent,perspective,statement,current,target,comment"


def csv_frame(text: str) -> pd.DataFrame:
    """Every cell as text, the way read_responses_csv parses a file."""
    lines = [line.split(",") for line in text.strip("\n").split("\n")]
    return pd.DataFrame(lines[1:], columns=lines[0])


def problems(error: pytest.ExceptionInfo[ResponseError]) -> list[str]:
    """The error's message, one problem per item."""
    return str(error.value).split("\n")


def test_validate_responses_normalises_types_and_columns(bank: Bank) -> None:
    frame = pd.DataFrame({" Respondent ": ["r1", "r1"], "PERSPECTIVE": ["staff", "staff"],
                          "statement": ["s1a", "s1b"], "current": [" 3 ", ""],
                          "target": ["4.0", "2"], "comment": ["ok", None], "extra": [1, 2]})
    result = validate_responses(frame, bank)
    assert list(result.columns) == LONG_COLUMNS
    assert [str(dtype) for dtype in result.dtypes] == ["str", "str", "str", "float64",
                                                       "float64", "str"]
    assert result["current"].tolist()[0] == 3.0 and math.isnan(result["current"].tolist()[1])
    assert result["target"].tolist() == [4.0, 2.0]
    assert result["comment"].tolist() == ["ok", ""]


def test_validate_responses_accepts_numeric_columns(bank: Bank) -> None:
    frame = pd.DataFrame({"respondent": ["r1"], "perspective": ["staff"], "statement": ["s1a"],
                          "current": [2], "target": [math.nan], "comment": [""]})
    result = validate_responses(frame, bank)
    assert result["current"].tolist() == [2.0]
    assert math.isnan(result["target"].iloc[0])


def test_validate_responses_ignores_blank_template_rows(bank: Bank) -> None:
    frame = pd.concat([template_frame(bank), csv_frame(f"{HEADER}\nr1,staff,s2a,1,,")],
                      ignore_index=True)
    result = validate_responses(frame, bank)
    assert result[["respondent", "statement"]].values.tolist() == [["r1", "s2a"]]


MESSAGES = [
    ("empty respondent", ",staff,s1a,1,2,",
     "responses.csv: row 2, column respondent: expected a respondent id, found nothing. Hint: Give each person a label (e.g. r1) and use it on all their rows."),
    ("unknown perspective", "r1,nurses,s1a,1,2,",
     "responses.csv: row 2, column perspective: expected one of staff, carers, managers, "
     "found 'nurses'. Hint: Use one of the ids listed."),
    ("perspective label", "r1,Carers,s1a,1,2,",
     "responses.csv: row 2, column perspective: expected one of staff, carers, managers, "
     "found 'Carers'. Hint: Did you mean 'carers'?"),
    ("empty perspective", "r1,,s1a,1,2,",
     "responses.csv: row 2, column perspective: expected one of staff, carers, managers, "
     "found nothing. Hint: Use one of the ids listed."),
    ("unknown statement", "r1,staff,s3,1,2,",
     "responses.csv: row 2, column statement: expected a statement id from bank mini, "
     "found 's3'. Hint: Did you mean 's3a'?"),
    ("unrelated statement", "r1,staff,banana,1,2,",
     "responses.csv: row 2, column statement: expected a statement id from bank mini, "
     "found 'banana'. Hint: Use the statement ids in the template for this bank."),
    ("non-numeric", "r1,staff,s1a,three,2,",
     "responses.csv: row 2, column current: expected a whole number from 0 to 4, or nothing "
     "for don't know, found 'three'. Hint: Leave the cell empty for don't know."),
    ("out of range", "r1,staff,s1a,1,5,",
     "responses.csv: row 2, column target: expected a whole number from 0 to 4, or nothing "
     "for don't know, found '5'. Hint: Use 0, 1, 2, 3, 4 (from 'mostly like From' to 'mostly like To')."),
    ("negative", "r1,staff,s1a,-1,2,",
     "responses.csv: row 2, column current: expected a whole number from 0 to 4, or nothing "
     "for don't know, found '-1'. Hint: Use 0, 1, 2, 3, 4 (from 'mostly like From' to 'mostly like To')."),
    ("not whole", "r1,staff,s1a,2.5,2,",
     "responses.csv: row 2, column current: expected a whole number from 0 to 4, or nothing "
     "for don't know, found '2.5'. Hint: Use 0, 1, 2, 3, 4 (from 'mostly like From' to 'mostly like To')."),
    ("text nan", "r1,staff,s1a,nan,2,",
     "responses.csv: row 2, column current: expected a whole number from 0 to 4, or nothing "
     "for don't know, found 'nan'. Hint: Leave the cell empty for don't know."),
]


@pytest.mark.parametrize(("case", "row", "message"), MESSAGES, ids=[m[0] for m in MESSAGES])
def test_validate_responses_reports_bad_cell(bank: Bank, case: str, row: str,
                                             message: str) -> None:
    with pytest.raises(ResponseError) as error:
        validate_responses(csv_frame(f"{HEADER}\n{row}"), bank)
    assert problems(error) == [message]


def test_validate_responses_reports_duplicates_and_second_perspective(bank: Bank) -> None:
    text = f"{HEADER}\nr1,staff,s1a,1,2,\nr1,staff,s1b,1,2,\nr1,carers,s2a,1,2,\nr1,staff,s1a,3,,"
    with pytest.raises(ResponseError) as error:
        validate_responses(csv_frame(text), bank)
    assert problems(error) == [
        "responses.csv: row 4, column perspective: expected the same perspective on every row "
        "of respondent 'r1' (row 2 says 'staff'), found 'carers'. Hint: Each person answers from one point of view; give a second person their own label.",
        "responses.csv: row 5: expected one answer per respondent and statement, found a second "
        "answer from respondent 'r1' to statement 's1a' (first in row 2). Hint: Keep one of the two rows, or give the second person their own respondent label.",
    ]


def test_validate_responses_lists_every_problem_in_row_order(bank: Bank) -> None:
    text = f"{HEADER}\nr1,staff,s1a,1,2,\n,staff,zzz,9,x,\nr2,staff,s1a,,,note"
    with pytest.raises(ResponseError) as error:
        validate_responses(csv_frame(text), bank, source="round1.csv")
    assert problems(error) == [
        "round1.csv: row 3, column respondent: expected a respondent id, found nothing. Hint: Give each person a label (e.g. r1) and use it on all their rows.",
        "round1.csv: row 3, column statement: expected a statement id from bank mini, "
        "found 'zzz'. Hint: Use the statement ids in the template for this bank.",
        "round1.csv: row 3, column current: expected a whole number from 0 to 4, or nothing "
        "for don't know, found '9'. Hint: Use 0, 1, 2, 3, 4 (from 'mostly like From' to 'mostly like To').",
        "round1.csv: row 3, column target: expected a whole number from 0 to 4, or nothing "
        "for don't know, found 'x'. Hint: Leave the cell empty for don't know.",
    ]


def test_validate_responses_allowed_perspectives_override(bank: Bank) -> None:
    frame = csv_frame(f"{HEADER}\nr1,nurses,s1a,1,2,")
    result = validate_responses(frame, bank, allowed_perspectives=["nurses"])
    assert result["perspective"].tolist() == ["nurses"]
    with pytest.raises(ResponseError) as error:
        validate_responses(csv_frame(f"{HEADER}\nr1,staff,s1a,1,2,"), bank,
                           allowed_perspectives=["nurses", "doctors"])
    assert problems(error) == ["responses.csv: row 2, column perspective: expected one of "
                               "nurses, doctors, found 'staff'. Hint: Use one of the ids listed."]


def test_validate_responses_missing_columns(bank: Bank) -> None:
    frame = pd.DataFrame({"respondent": ["r1"], "statement": ["s1a"], "Current": ["1"]})
    with pytest.raises(ResponseError) as error:
        validate_responses(frame, bank)
    assert problems(error) == [
        "responses.csv: row 1 (header): expected the columns respondent, perspective, statement, "
        "current, target, comment, found no columns 'perspective', 'target', 'comment'. "
        "Hint: The first row must name the columns; the template has them."]


def test_validate_responses_doubled_column(bank: Bank) -> None:
    frame = pd.DataFrame([["r1", "staff", "s1a", "1", "1", "2", ""]],
                         columns=["respondent", "perspective", "statement", "current",
                                  "Current", "target", "comment"])
    with pytest.raises(ResponseError) as error:
        validate_responses(frame, bank)
    assert problems(error) == ["responses.csv: row 1 (header): expected one column named "
                               "'current', found 2 columns named 'current'."]


def test_validate_responses_only_blank_rows_is_no_answers(bank: Bank) -> None:
    with pytest.raises(ResponseError) as error:
        validate_responses(template_frame(bank), bank)
    assert problems(error) == ["responses.csv: rows: expected at least one answer, found no "
                               "answers. Hint: Fill in one row per answer below the header row."]


def test_validate_responses_counts_problems_past_one_hundred(bank: Bank) -> None:
    rows = "\n".join(f"r{i},staff,s1a,7,," for i in range(130))
    with pytest.raises(ResponseError) as error:
        validate_responses(csv_frame(f"{HEADER}\n{rows}"), bank)
    listed = problems(error)
    assert len(listed) == 101
    assert listed[-1] == ("responses.csv: more rows: expected no further problems, found 30 more "
                          "problems not listed here. Hint: Fix the problems above and check the "
                          "file again.")


def test_template_frame_has_one_blank_row_per_statement(bank: Bank) -> None:
    template = template_frame(bank)
    # Issue 12 point 8: each row carries its statement's wording, not only its id.
    assert list(template.columns) == [*LONG_COLUMNS, "number", "from", "to"]
    assert template["statement"].tolist() == list(bank.statement_ids)
    assert template["from"].tolist() == [s.from_text for s in bank.statements]
    assert template["to"].tolist() == [s.to_text for s in bank.statements]
    assert template["number"].tolist() == list(range(1, len(bank.statements) + 1))
    assert (template["respondent"] == "").all() and template["current"].isna().all()


def test_template_csv_round_trips_once_filled_in(bank: Bank) -> None:
    text = template_csv(bank).decode("utf-8-sig").replace(",,s2b,,,", "r9,managers,s2b,3,4,hi")
    result = read_responses_csv(text.encode("utf-8"), bank)
    assert result.values.tolist() == [["r9", "managers", "s2b", 3.0, 4.0, "hi"]]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
@pytest.mark.parametrize("separator", [",", ";", "\t"])
def test_read_responses_csv_encodings_and_separators(bank: Bank, encoding: str,
                                                     separator: str) -> None:
    text = f"{HEADER}\nr1,carers,s1a,2,4,\"Café, ŵ\"\r\n".replace(",", separator)
    text = text.replace(f'"Café{separator} ŵ"', '"Café, ŵ"')
    result = read_responses_csv(text.encode(encoding), bank)
    assert result.values.tolist() == [["r1", "carers", "s1a", 2.0, 4.0, "Café, ŵ"]]


def test_read_responses_csv_keeps_spreadsheet_row_numbers_across_blank_lines(bank: Bank) -> None:
    data = f"{HEADER}\nr1,staff,s1a,1,,\n\nr2,staff,s1a,8,,\n".encode()
    with pytest.raises(ResponseError) as error:
        read_responses_csv(data, bank)
    assert problems(error) == ["responses.csv: row 4, column current: expected a whole number "
                               "from 0 to 4, or nothing for don't know, found '8'. "
                               "Hint: Use 0, 1, 2, 3, 4 (from 'mostly like From' to 'mostly like To')."]


CSV_ERRORS = [
    ("latin-1", f"{HEADER}\nr1,staff,s1a,1,2,caf\xe9\n".encode("latin-1"),
     "responses.csv:2: encoding: expected text saved as UTF-8, found byte 0xe9, which is not "
     "valid there. Hint: Save the file as CSV UTF-8 (in Excel: File > Save As > CSV UTF-8)."),
    ("empty", b"", "responses.csv: file: expected a header row and one row per answer, found an "
     "empty file. Hint: Start from the template: it has the header row."),
    ("blank lines", b"\xef\xbb\xbf\n \n", "responses.csv: file: expected a header row and one "
     "row per answer, found an empty file. Hint: Start from the template: it has the header "
     "row."),
    ("header only", f"{HEADER}\n".encode(), "responses.csv: rows: expected at least one answer, "
     "found no answers. Hint: Fill in one row per answer below the header row."),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "responses.csv: file: expected a CSV text "
     "file, found binary data. Hint: Save the file as CSV UTF-8 (in Excel: File > Save As > CSV "
     "UTF-8)."),
    ("xlsx", b"PK\x03\x04\x14\x00\x06\x00", "responses.csv: file: expected a CSV text file, "
     "found an Excel workbook or other zip file. Hint: Save the file as CSV UTF-8 (in Excel: "
     "File > Save As > CSV UTF-8)."),
    ("extra cells", f"{HEADER}\nr1,staff,s1a,1,2,a,b,c\n".encode(), "responses.csv: row 2: "
     "expected 6 cells like the header row, found 8 cells. Hint: Put text that contains a comma "
     "or a line break in double quotes, or save the file from a spreadsheet as CSV UTF-8."),
]


@pytest.mark.parametrize(("case", "data", "message"), CSV_ERRORS, ids=[c[0] for c in CSV_ERRORS])
def test_read_responses_csv_rejects_bad_file(bank: Bank, case: str, data: bytes,
                                             message: str) -> None:
    with pytest.raises(ResponseError) as error:
        read_responses_csv(data, bank)
    assert str(error.value) == message


def test_read_responses_csv_rejects_too_big_before_parsing(bank: Bank) -> None:
    data = b"x" * (20 * 1024 * 1024 + 1)  # not even CSV: the size check comes first
    with pytest.raises(ResponseError) as error:
        read_responses_csv(data, bank, source="big.csv")
    assert str(error.value) == ("big.csv: file: expected a file of at most 20 MB, found 20.0 MB. "
                                "Hint: Split the answers into several files of at most 20 MB.")


FUZZ_BANK = mini_bank()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from(["r1", "staff", "s1a", "3", "", ",", ";", "\n", "\"", "\r",
                              HEADER, "\ufeff", "x"]), max_size=40)
    .map(lambda parts: "".join(parts).encode("utf-8")),
))
def test_read_responses_csv_fuzz_only_response_error_escapes(data: bytes) -> None:
    try:
        result = read_responses_csv(data, FUZZ_BANK)
    except ResponseError as error:
        assert error.problems and all(str(problem) for problem in error.problems)
    else:
        assert list(result.columns) == LONG_COLUMNS and len(result) > 0
