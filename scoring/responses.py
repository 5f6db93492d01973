"""The long answer format: validation, CSV reading and the paper-collection template."""

from __future__ import annotations

import difflib
import io
import math
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from domain.vocabulary import LONG_COLUMNS as LONG_COLUMNS_SPEC
from questions.schema import Bank
from scoring.errors import Problem, ResponseError
from domain.vocabulary import NAME_LIMIT, TEXT_LIMIT  # the limits storage keeps, checked before an import

# The long answer format is part of the shared vocabulary (storage builds the same columns).
LONG_COLUMNS = list(LONG_COLUMNS_SPEC)
TEXT_COLUMNS = ("respondent", "perspective", "statement", "comment")
ANSWER_COLUMNS = ("current", "target")
MAX_BYTES = 20 * 1024 * 1024
# Past this many problems the rest are counted, not listed: nobody reads 10,000 lines.
MAX_LISTED = 100
SAVE_AS_HINT = "Save the file as CSV UTF-8 (in Excel: File > Save As > CSV UTF-8)."
FIRST_DATA_ROW = 2  # spreadsheet numbering: the header is row 1


def validate_responses(
    df: pd.DataFrame,
    bank: Bank,
    *,
    allowed_perspectives: Iterable[str] | None = None,
    source: str = "responses.csv",
) -> pd.DataFrame:
    """A normalised copy of long-format answers, or ResponseError listing every problem.

    Rows whose respondent, current, target and comment are all empty are blank template
    rows and are dropped silently. Rows are numbered as in a spreadsheet (header = row 1), and
    the result's index (named "row") keeps each row's number: validating the result again, as
    the import does (services.imports), passes and names the same rows. Text is held to the
    limits storage keeps (domain.vocabulary.TEXT_LIMIT), so a file the check accepts imports.
    """
    frame = _with_normalised_header(df, source)
    numbered = (df.index.to_numpy(dtype="int64") if df.index.name == "row"
                else np.arange(len(frame)) + FIRST_DATA_ROW)
    text = {name: _as_text(frame[name]) for name in TEXT_COLUMNS}
    raw = {name: _as_text(frame[name]) for name in ANSWER_COLUMNS}
    blank = (text["respondent"] == "") & (raw["current"] == "") & (raw["target"] == "")
    keep = (~(blank & (text["comment"] == ""))).to_numpy()
    rows = numbered[keep]
    text = {name: column[keep].reset_index(drop=True) for name, column in text.items()}
    raw = {name: column[keep].reset_index(drop=True) for name, column in raw.items()}
    numbers = {name: pd.to_numeric(raw[name], errors="coerce") for name in ANSWER_COLUMNS}
    if allowed_perspectives is None:
        allowed_perspectives = [p.id for p in bank.perspectives]
    found: list[tuple[int, int, Problem]] = []
    found += _check_respondents(text, rows, source)
    found += _check_text(text, rows, source)
    found += _check_choices(text["perspective"], rows, source, "perspective",
                            list(allowed_perspectives), _perspective_aliases(bank),
                            "one of {choices}")
    found += _check_choices(text["statement"], rows, source, "statement",
                            list(bank.statement_ids), {},
                            f"a statement id from bank {bank.id}")
    for order, name in enumerate(ANSWER_COLUMNS, start=3):
        found += _check_answers(raw[name], numbers[name], rows, source, name, order, bank)
    found += _check_duplicates(text, rows, source)
    found += _check_one_perspective(text, rows, source)
    if found:
        raise ResponseError(_listed(sorted(found, key=lambda item: item[:2]), source))
    if not len(rows):
        raise ResponseError([Problem(source, "rows", "at least one answer", "no answers",
                                     hint="Fill in one row per answer below the header row.")])
    result = pd.DataFrame({name: column.astype("str") for name, column in text.items()})
    for name in ANSWER_COLUMNS:
        result[name] = numbers[name].astype("float64")
    result.index = pd.Index(rows, name="row")
    return result[LONG_COLUMNS]


def read_responses_csv(
    data: bytes,
    bank: Bank,
    source: str = "responses.csv",
    *,
    allowed_perspectives: Iterable[str] | None = None,
) -> pd.DataFrame:
    """Decode, parse and validate an uploaded answers CSV (only ResponseError escapes)."""
    text = _decoded(data, source)
    frame = _parsed(text, source)
    return validate_responses(frame, bank, allowed_perspectives=allowed_perspectives,
                              source=source)


# The template's extra columns: what each statement says, so a person typing in paper answers sees it.
# The check and the import ignore columns beyond the long format, so a filled-in template imports as it is.
WORDING_COLUMNS = ["number", "from", "to"]


def template_frame(bank: Bank) -> pd.DataFrame:
    """The paper-collection frame: one row per statement, with its number and From/To wording."""
    count = len(bank.statement_ids)
    empty = pd.Series([""] * count, dtype="str")
    return pd.DataFrame({
        "respondent": empty,
        "perspective": empty,
        "statement": pd.Series(list(bank.statement_ids), dtype="str"),
        "current": np.full(count, np.nan),
        "target": np.full(count, np.nan),
        "comment": empty,
        "number": np.arange(1, count + 1),
        "from": pd.Series([s.from_text for s in bank.statements], dtype="str"),
        "to": pd.Series([s.to_text for s in bank.statements], dtype="str"),
    })[[*LONG_COLUMNS, *WORDING_COLUMNS]]


def template_csv(bank: Bank) -> bytes:
    """The template as CSV bytes, UTF-8 with a BOM so that Excel shows accents right."""
    return str(template_frame(bank).to_csv(index=False)).encode("utf-8-sig")


def _error(source: str, path: str, expected: str, found: str, hint: str | None = None,
           line: int | None = None) -> ResponseError:
    """A ResponseError with a single problem."""
    return ResponseError([Problem(source, path, expected, found, line=line, hint=hint)])


def _decoded(data: bytes, source: str) -> str:
    """The text of CSV bytes: UTF-8 (BOM optional) or UTF-16 with a BOM."""
    if len(data) > MAX_BYTES:
        raise _error(source, "file", "a file of at most 20 MB",
                     f"{len(data) / 2**20:.1f} MB",
                     "Split the answers into several files of at most 20 MB.")
    if data.startswith(b"PK\x03\x04"):
        raise _error(source, "file", "a CSV text file", "an Excel workbook or other zip file",
                     SAVE_AS_HINT)
    utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")
    if not utf16 and b"\x00" in data[:65536]:  # text files never hold NUL bytes; UTF-16 does
        raise _error(source, "file", "a CSV text file", "binary data", SAVE_AS_HINT)
    try:
        if utf16:
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        expected = "text saved as UTF-16" if exc.encoding == "utf-16" else "text saved as UTF-8"
        byte = data[exc.start]
        raise _error(source, "encoding", expected, f"byte 0x{byte:02x}, which is not valid there",
                     SAVE_AS_HINT, line=line) from None
    if "\x00" in text:
        raise _error(source, "file", "a CSV text file", "binary data", SAVE_AS_HINT)
    if not text.strip():
        raise _error(source, "file", "a header row and one row per answer", "an empty file",
                     "Start from the template: it has the header row.")
    return text


def _parsed(text: str, source: str) -> pd.DataFrame:
    """Every cell as text; the separator (comma, semicolon or tab) is read off the header."""
    header = text.split("\n", 1)[0]
    separator = max((",", ";", "\t"), key=header.count)
    try:
        # header=None: the header row sets the cell count, so a longer row is an error
        # (with a header, pandas would silently make extra cells an index or drop them).
        table = pd.read_csv(io.StringIO(text), sep=separator, header=None, dtype=str,
                            na_filter=False, skip_blank_lines=False, engine="c")
        return pd.DataFrame(table.iloc[1:].to_numpy(), columns=list(table.iloc[0]))
    except (ValueError, IndexError, OverflowError) as exc:  # ParserError is a ValueError
        raise _parse_error(str(exc), source, separator) from None


def _parse_error(message: str, source: str, separator: str) -> ResponseError:
    """Translate a pandas parser message into a plain problem."""
    shown = {",": "comma", ";": "semicolon", "\t": "tab"}[separator]
    quote_hint = (f"Put text that contains a {shown} or a line break in double quotes, "
                  "or save the file from a spreadsheet as CSV UTF-8.")
    fields = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message)
    if fields:
        expected, line, saw = fields.groups()
        return _error(source, f"row {line}", f"{expected} cells like the header row",
                      f"{saw} cells", quote_hint)
    return _error(source, "file", "a readable CSV table", "text that cannot be split into cells",
                  quote_hint)


def _with_normalised_header(df: pd.DataFrame, source: str) -> pd.DataFrame:
    """The frame with lower-case, trimmed column names; missing or doubled columns raise."""
    names = [str(name).replace("\ufeff", "").strip().lower() for name in df.columns]
    problems = []
    doubled = sorted({name for name in names if names.count(name) > 1 and name in LONG_COLUMNS})
    for name in doubled:
        problems.append(Problem(source, "row 1 (header)", f"one column named '{name}'",
                                f"{names.count(name)} columns named '{name}'"))
    missing = [name for name in LONG_COLUMNS if name not in names]
    if missing:
        listed = ", ".join(f"'{name}'" for name in missing)
        problems.append(Problem(
            source, "row 1 (header)", "the columns " + ", ".join(LONG_COLUMNS),
            f"no column {listed}" if len(missing) == 1 else f"no columns {listed}",
            hint="The first row must name the columns; the template has them."))
    if problems:
        raise ResponseError(problems)
    frame = df.copy()
    frame.columns = pd.Index(names)
    return frame.reset_index(drop=True)


def _as_text(column: pd.Series) -> pd.Series:
    """Cells as trimmed text; missing cells become ''."""
    values = column.astype(object)
    return values.where(values.notna(), "").astype(str).str.strip()


def _quoted(value: str) -> str:
    """A found value for a message: 'value', shortened, or 'nothing'."""
    if value == "":
        return "nothing"
    return f"'{value[:40]}...'" if len(value) > 40 else f"'{value}'"


def _listed(found: list[tuple[int, int, Problem]], source: str) -> list[Problem]:
    """The first MAX_LISTED problems, plus one line counting the rest."""
    problems = [problem for _, _, problem in found[:MAX_LISTED]]
    if len(found) > MAX_LISTED:
        problems.append(Problem(source, "more rows", "no further problems",
                                f"{len(found) - MAX_LISTED} more problems not listed here",
                                hint="Fix the problems above and check the file again."))
    return problems


def _check_respondents(text: dict[str, pd.Series], rows: np.ndarray,
                       source: str) -> list[tuple[int, int, Problem]]:
    """Answers without a respondent id."""
    bad = (text["respondent"] == "").to_numpy()
    return [(int(row), 0, Problem(source, f"row {row}, column respondent", "a respondent id",
                                  "nothing", hint="Give each person a label (e.g. r1) and use it on all "
                                  "their rows."))
            for row in rows[bad]]


# The longest text each column may hold, as storage keeps it, and what a message calls it.
TEXT_LIMITS = {"respondent": (NAME_LIMIT, "a respondent label"), "perspective": (NAME_LIMIT, "a perspective"),
               "comment": (TEXT_LIMIT, "a comment")}


def _check_text(text: dict[str, pd.Series], rows: np.ndarray,
                source: str) -> list[tuple[int, int, Problem]]:
    """Text longer than storage keeps, or holding a NUL character (which no database text can)."""
    found: list[tuple[int, int, Problem]] = []
    for name, (limit, what) in TEXT_LIMITS.items():
        order = LONG_COLUMNS.index(name)
        lengths = text[name].str.len().to_numpy()
        for row, length in zip(rows[lengths > limit], lengths[lengths > limit]):
            found.append((int(row), order, Problem(source, f"row {row}, column {name}",
                                                   f"{what} of at most {limit:,} characters",
                                                   f"{int(length):,} characters")))
        nul = text[name].str.contains("\x00", regex=False).to_numpy()
        found += [(int(row), order, Problem(source, f"row {row}, column {name}", "text without NUL characters",
                                            "a NUL character", hint=SAVE_AS_HINT)) for row in rows[nul]]
    return found


def _perspective_aliases(bank: Bank) -> dict[str, str]:
    """Lower-cased ids and labels of the bank's perspectives, for did-you-mean hints."""
    aliases = {p.label.strip().lower(): p.id for p in bank.perspectives}
    aliases.update({p.id.lower(): p.id for p in bank.perspectives})
    return aliases


def _suggestion(value: str, choices: list[str], aliases: dict[str, str],
                fallback: str | None = None) -> str | None:
    """A did-you-mean hint for an unknown value, if a close choice exists."""
    close = aliases.get(value.lower()) if aliases.get(value.lower()) in choices else None
    close = close or next(
        iter(difflib.get_close_matches(value, choices, n=1, cutoff=0.6)), None)
    return f"Did you mean '{close}'?" if close and value else fallback


def _check_choices(values: pd.Series, rows: np.ndarray, source: str, name: str,
                   choices: list[str], aliases: dict[str, str],
                   expected: str) -> list[tuple[int, int, Problem]]:
    """Values that are not among the allowed ids (perspectives, statements)."""
    if not choices:
        return []  # a bank without perspectives accepts any perspective
    bad = (~values.isin(choices)).to_numpy()
    order = LONG_COLUMNS.index(name)
    wanted = expected.format(choices=", ".join(choices))
    # With no close match, point at where the allowed ids are written down.
    fallback = ("Use the statement ids in the template for this bank." if name == "statement"
                else "Use one of the ids listed.")
    hints = {value: _suggestion(value, choices, aliases, fallback) for value in values[bad].unique()}
    return [(int(row), order, Problem(source, f"row {row}, column {name}", wanted,
                                      _quoted(value), hint=hints[value]))
            for row, value in zip(rows[bad], values[bad])]


def _check_answers(raw: pd.Series, numbers: pd.Series, rows: np.ndarray, source: str,
                   name: str, order: int, bank: Bank) -> list[tuple[int, int, Problem]]:
    """current/target cells that are not a whole number on the scale (empty is fine)."""
    low, high = bank.scale.min, bank.scale.max
    values = numbers.to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        valid = np.isnan(values) | ((values >= low) & (values <= high)
                                    & (values == np.round(values)))
    bad = (raw != "").to_numpy() & (np.isnan(values) | ~valid)
    expected = f"a whole number from {low} to {high}, or nothing for don't know"
    # Words ("three", "don't know") and numbers off the scale each get their own hint.
    words = "Leave the cell empty for don't know."
    numbers_hint = f"Use {', '.join(str(v) for v in range(low, high + 1))} (from 'mostly like From' to 'mostly like To')."
    return [(int(row), order, Problem(source, f"row {row}, column {name}", expected,
                                      _quoted(value), hint=words if math.isnan(number) else numbers_hint))
            for row, value, number in zip(rows[bad], raw[bad], values[bad])]


def _check_duplicates(text: dict[str, pd.Series], rows: np.ndarray,
                      source: str) -> list[tuple[int, int, Problem]]:
    """A second answer from the same respondent to the same statement."""
    pairs = pd.DataFrame({"respondent": text["respondent"], "statement": text["statement"],
                          "row": rows})
    pairs = pairs[(pairs["respondent"] != "") & (pairs["statement"] != "")]
    first = pairs.groupby(["respondent", "statement"], sort=False)["row"].transform("first")
    again = pairs[pairs["row"] != first]
    return [(int(row), 9, Problem(
        source, f"row {row}", "one answer per respondent and statement",
        f"a second answer from respondent '{who}' to statement '{what}' (first in row {was})",
        hint="Keep one of the two rows, or give the second person their own respondent label."))
        for row, who, what, was in zip(again["row"], again["respondent"], again["statement"],
                                       first[again.index])]


def _check_one_perspective(text: dict[str, pd.Series], rows: np.ndarray,
                           source: str) -> list[tuple[int, int, Problem]]:
    """A respondent whose rows name different perspectives."""
    table = pd.DataFrame({"respondent": text["respondent"], "perspective": text["perspective"],
                          "row": rows})
    table = table[table["respondent"] != ""]
    grouped = table.groupby("respondent", sort=False)
    first = grouped["perspective"].transform("first")
    first_row = grouped["row"].transform("first")
    odd = table[table["perspective"] != first]
    return [(int(row), 1, Problem(
        source, f"row {row}, column perspective",
        f"the same perspective on every row of respondent '{who}' (row {was_row} says "
        f"{_quoted(was)})", _quoted(value),
        hint="Each person answers from one point of view; give a second person their own label."))
        for row, who, value, was, was_row in zip(odd["row"], odd["respondent"],
                                                 odd["perspective"], first[odd.index],
                                                 first_row[odd.index])]
