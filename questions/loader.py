"""Load question banks from YAML, collecting every problem before failing once."""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
from pathlib import Path

from yaml.nodes import MappingNode, Node, ScalarNode

from questions.defaults import DEFAULT_LANGUAGE, DEFAULT_PERSPECTIVES, DEFAULT_SCALE
from questions.errors import BankError, Problem
from questions.compose import compose
from questions.easy_read import read_easy_read
from questions.nodes import START_HINT, NodeReader, join, optional, quote
from questions.principles import is_repeat, read_principles
from questions.scales import read_scale
from questions.schema import Bank, Perspective
from questions.translations import LANGUAGE_PATTERN, Translation, primary, read_translation

MAX_BYTES = 2 * 1024 * 1024
MAX_LINES = 20_000  # the full built-in bank has 391; 2 MB of empty lines took 2.5 s to scan
BANK_DIR = Path(__file__).resolve().parent
TRANSLATION_DIR = "translations"  # beside a bank file: translations/<bank id>.<language>.yaml

_NO_TEXTS: tuple[str, ...] = ()
_BANK_KEYS = (("id", "title", "version", "principles"),
              ("language", "description", "references", "scale", "perspectives", "easy_read", "translations"))
_LANGUAGE = LANGUAGE_PATTERN
_LANGUAGE_HINT = "Use a language tag such as 'en-GB' or 'cy'."
_SMALL_FILE_HINT = "A question bank is a small text file; check that this is the right file."


def load_bank(path: str | Path, *, requires_easy_read: bool = False, translations: bool = True) -> Bank:
    """Read, parse and validate a bank file; raise BankError listing every problem.

    requires_easy_read: also report every missing Easy Read text and picture (the built-in banks need them).
    translations: also read translations/<bank id>.<language>.yaml beside the file, checked against the bank.
    """
    bank_path = Path(path)
    bank = load_bank_bytes(_read_bytes(bank_path, "a readable bank file"), _source(bank_path),
                           requires_easy_read=requires_easy_read)
    if not translations:
        return bank
    files = sorted((bank_path.parent / TRANSLATION_DIR).glob(f"{glob_escape(bank.id)}.*.yaml"))
    return with_translation_files(bank, files)


def with_translation_files(bank: Bank, paths: list[Path]) -> Bank:
    """The bank with each translation file added; BankError listing every problem in every file."""
    problems: list[Problem] = []
    found: list[Translation] = list(bank.translations)
    for path in paths:
        try:
            translation = load_translation(path, bank)
        except BankError as error:
            problems.extend(error.problems)
            continue
        if any(primary(t.language) == primary(translation.language) for t in found):
            problems.append(Problem(_source(path), "language", "one translation per language",
                                    f"a second translation into {translation.language!r}",
                                    hint="Keep one translation per language: remove this file or the other."))
            continue
        found.append(translation)
    if problems:
        raise BankError(problems)
    return dataclasses.replace(bank, translations=tuple(found))


def load_translation(path: str | Path, bank: Bank) -> Translation:
    """A translation file (<bank id>.<language>.yaml) checked against its bank; BankError listing every problem."""
    file_path = Path(path)
    source = _source(file_path)
    data = _read_bytes(file_path, "a readable translation file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BankError([Problem(source, "file", "UTF-8 text", "a byte that is not UTF-8",
                                 data[: error.start].count(b"\n") + 1, None,
                                 "Save the file as UTF-8 (in most editors: Save as, then choose UTF-8).")]) from None
    root = compose(text, source)
    reader = NodeReader(source)
    if root is None:
        reader.report(None, "", "a mapping with the keys bank, bank_version, language and status",
                      "nothing (the file is empty)", "Start from questions/translations/coproduction-quick.cy.yaml.")
        raise BankError(reader.problems)
    stem = file_path.name.removesuffix(".yaml")
    file_language = stem.rsplit(".", 1)[1] if "." in stem else None
    translation = read_translation(reader, root, bank, file_language=file_language)
    if reader.problems or translation is None:
        raise BankError(sorted(reader.problems, key=lambda problem: problem.line or 0))
    return translation


def glob_escape(value: str) -> str:
    """Text matched literally by Path.glob (ids cannot hold wildcards, but be safe)."""
    return re.sub(r"([*?\[])", r"[\1]", value)


def _source(path: Path) -> str:
    """How messages name a file."""
    return path.name or str(path)


def _read_bytes(path: Path, what: str) -> bytes:
    """A small file's bytes, or BankError (a file over MAX_BYTES is never read)."""
    source = _source(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:  # check before reading so a huge file is never loaded
            raise BankError([_too_big(source, size)])
        return path.read_bytes()
    except (OSError, ValueError) as error:
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        raise BankError([Problem(source, "file", what, f"an error reading it ({reason})",
                                 hint="Check the file name and that the file exists.")]) from None


def load_bank_bytes(data: bytes, source: str = "<upload>", *, requires_easy_read: bool = False) -> Bank:
    """Decode UTF-8 bytes (a BOM is fine) and load them as a bank."""
    if len(data) > MAX_BYTES:
        raise BankError([_too_big(source, len(data))])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        found = f"a byte that is not UTF-8 (0x{data[error.start]:02x} at byte {error.start + 1})"
        raise BankError([Problem(source, "file", "UTF-8 text", found, line, None,
                                 "Save the file as UTF-8 (in most editors: Save as, then choose UTF-8).")]) from None
    return load_bank_text(text, source, requires_easy_read=requires_easy_read)


def load_bank_text(text: str, source: str = "<upload>", *, requires_easy_read: bool = False) -> Bank:
    """Parse and validate bank YAML text; raise BankError listing every problem."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise BankError([_too_big(source, size)])
    lines = _line_count(text)
    if lines > MAX_LINES:
        raise BankError([Problem(source, "file", f"at most {MAX_LINES:,} lines", f"{lines:,} lines",
                                 hint=_SMALL_FILE_HINT)])
    root = compose(text.removeprefix("\ufeff"), source)
    reader = NodeReader(source, requires_easy_read)
    if root is None:
        reader.report(None, "", "a mapping with the keys id, title, version and principles",
                      "nothing (the file is empty)", START_HINT)
        raise BankError(reader.problems)
    bank = _read_bank(root, reader)
    if reader.problems or bank is None:
        # Sort by line so people can work down the file; problems without a line come first.
        raise BankError(sorted(reader.problems, key=lambda problem: problem.line or 0))
    return bank


def builtin_bank_paths() -> dict[str, Path]:
    """Bank id -> file for every bank shipped in this package."""
    return {bank_id: path for bank_id, (path, _) in _builtin_banks().items()}


def load_builtin(bank_id: str) -> Bank:
    """A built-in bank by id (loaded once, then shared: banks are immutable)."""
    banks = _builtin_banks()
    if bank_id in banks:
        return banks[bank_id][1]
    close = difflib.get_close_matches(str(bank_id), list(banks), n=1, cutoff=0.6)
    raise BankError([Problem("<built-in>", "bank id", f"one of {', '.join(banks)}", f"text {quote(str(bank_id))}",
                             hint=f"Did you mean {close[0]!r}?" if close else None)])


def with_builtin_translations(bank: Bank) -> Bank:
    """A stored copy of a built-in bank with the shipped translations of that same version (else unchanged)."""
    shipped = _builtin_banks().get(bank.id)
    if shipped is None or shipped[1].version != bank.version or bank.translations:
        return bank
    return dataclasses.replace(bank, translations=shipped[1].translations)


@functools.cache
def _builtin_banks() -> dict[str, tuple[Path, Bank]]:
    """Every built-in bank, keyed by id."""
    banks: dict[str, tuple[Path, Bank]] = {}
    for path in sorted(BANK_DIR.glob("*.yaml")):
        # Participants may read any built-in bank in Easy Read, so each must have it throughout.
        bank = load_bank(path, requires_easy_read=True)
        banks[bank.id] = (path, bank)
    return banks


def _too_big(source: str, size: int) -> Problem:
    """The one problem reported for an oversized input."""
    return Problem(source, "file", f"at most 2 MB ({MAX_BYTES:,} bytes)", f"{size:,} bytes", hint=_SMALL_FILE_HINT)


def _line_count(text: str) -> int:
    """Lines as an editor counts them (YAML also ends a line at a lone \\r, NEL, LS and PS)."""
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    breaks += sum(text.count(mark) for mark in "\x85\u2028\u2029")
    return breaks + (1 if text and not text.endswith(("\n", "\r", "\x85", "\u2028", "\u2029")) else 0)


def _read_bank(root: Node, reader: NodeReader) -> Bank | None:
    """The whole bank, or None if anything was wrong (problems are in the reader)."""
    fields = reader.mapping(root, "", *_BANK_KEYS, expected="a mapping with the keys id, title, version and principles")
    if fields is None:
        return None
    bank_id = reader.identifier(fields.get("id"), "id")
    title = reader.text(fields.get("title"), "title")
    version = reader.scalar_text(fields.get("version"), "version")
    language = optional(fields, "language", lambda node, path: _read_language(reader, node, path), DEFAULT_LANGUAGE)
    description = optional(fields, "description", reader.text, "")
    references = optional(fields, "references", reader.text_list, _NO_TEXTS)
    scale = optional(fields, "scale", lambda node, _: read_scale(reader, node), DEFAULT_SCALE)
    perspectives = optional(fields, "perspectives", lambda node, _: _read_perspectives(reader, node),
                            DEFAULT_PERSPECTIVES)
    standard = frozenset(("title", *(("description",) if "description" in fields else ())))
    easy = read_easy_read(reader, root, fields, "", ("title", "description"), standard)
    principles = read_principles(reader, fields.get("principles"))
    if (bank_id is None or title is None or version is None or language is None or description is None
            or references is None or scale is None or perspectives is None or easy is None or principles is None):
        _read_inline_translations(reader, fields.get("translations"), None)
        return None
    bank = Bank(bank_id, title, version, language, description, scale, principles, perspectives, references,
                easy.get("title"), easy.get("description"))
    translations = _read_inline_translations(reader, fields.get("translations"), bank)
    return None if translations is None else dataclasses.replace(bank, translations=translations)


def _read_inline_translations(reader: NodeReader, node: Node | None, bank: Bank | None) -> tuple[Translation, ...] | None:
    """`translations:` in the bank file: language tag -> that language's texts, each checked against the bank.

    Without a valid bank only the language tags are checked (there is nothing to compare the texts with).
    """
    if node is None:
        return ()
    fields = reader.mapping(node, "translations", (), tuple(_language_keys(node)))
    if fields is None:
        return None
    found: list[Translation] = []
    complete = True
    for language, value in fields.items():
        path = join("translations", language)
        if not _LANGUAGE.match(language):
            reader.report(value, path, "a language tag as the key", f"text {quote(language)}", _LANGUAGE_HINT)
            complete = False
        elif bank is not None and primary(language) == primary(bank.language):
            reader.report(value, path, f"a language other than the bank's own ({bank.language})",
                          f"text {quote(language)}", "Change the bank's own texts to correct them.")
            complete = False
        elif bank is not None:
            translation = read_translation(reader, value, bank, path, language=language)
            if translation is None:
                complete = False
            else:
                found.append(translation)
    return tuple(found) if complete else None


def _language_keys(node: Node) -> list[str]:
    """The text keys of a mapping node (every key is allowed under translations: it is a language)."""
    if not isinstance(node, MappingNode):
        return []
    return [str(key.value) for key, _ in node.value if isinstance(key, ScalarNode)]


def _read_language(reader: NodeReader, node: Node, path: str) -> str | None:
    """A BCP 47-style language tag such as en-GB or cy."""
    value = reader.text(node, path)
    if value is not None and not _LANGUAGE.match(value):
        reader.report(node, path, "a language tag", f"text {quote(value)}", _LANGUAGE_HINT)
        return None
    return value


def _read_perspectives(reader: NodeReader, node: Node) -> tuple[Perspective, ...] | None:
    """The points of view respondents can answer from, with unique ids."""
    items = reader.sequence(node, "perspectives", "perspectives")
    if items is None:
        return None
    perspectives: list[Perspective] = []
    first: dict[str, str] = {}
    complete = True
    for index, item in enumerate(items):
        path = join("perspectives", index)
        fields = reader.mapping(item, path, ("id", "label"), ("easy_read",))
        if fields is None:
            complete = False
            continue
        perspective_id = reader.identifier(fields.get("id"), join(path, "id"))
        label = reader.text(fields.get("label"), join(path, "label"))
        easy = read_easy_read(reader, item, fields, path, ("label",))
        if perspective_id is not None and is_repeat(reader, fields["id"], join(path, "id"), perspective_id,
                                                     first, "a perspective id not used before"):
            perspective_id = None
        if perspective_id is None or label is None or easy is None:
            complete = False
            continue
        perspectives.append(Perspective(perspective_id, label, easy.get("label")))
    return tuple(perspectives) if complete else None
