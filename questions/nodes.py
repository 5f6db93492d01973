"""Guarded YAML composition and a reader that turns YAML nodes into checked values."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable
from typing import Any, TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from questions.errors import BankError, Problem

T = TypeVar("T")
MAX_DEPTH = 32  # a bank needs about 7 levels; deeper input is junk and risks RecursionError
# The full built-in bank has 744 nodes and 1,600 tokens; a 2 MB list of a million tiny items cost
# 20 s of CPU and 500 MB to compose, so composition stops at these counts (both over 25 times a real bank).
MAX_NODES = 20_000
MAX_TOKENS = 100_000  # also caught: directives, which make tokens but no nodes
TOO_MANY_HINT = "A question bank has a few hundred entries; check that this is the right file."
ROOT = "(top level)"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
ID_HINT = "Ids use lowercase letters, digits, '-' and '_', and start with a letter or digit, e.g. 'assets-1'."
# Where a bank's whole shape is wrong, point at a bank that works and at the schema.
START_HINT = "Start from questions/coproduction_quick.yaml; questions/SCHEMA.md describes every key."

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_KNOWN_TAGS = (_STR, _INT, _FLOAT, _BOOL, _NULL, _TIMESTAMP, _MAP, _SEQ)
_SCALARS = yaml.constructor.SafeConstructor()  # only used to convert int/float scalars

_SYNTAX_HINTS = (
    ("'\\t'", "Indent with spaces, not tabs."),
    ("mapping values are not allowed", "Put text that contains ': ' in quotes."),
    ("single document", "Keep one bank per file: remove the extra '---' line."),
    ("unacceptable character", "Remove control characters and save the file as plain UTF-8 text."),
)
_DEFAULT_SYNTAX_HINT = "Check the indentation and the quotes on this line and the line before."


class _Refused(Exception):
    """Internal: composition stopped on purpose (an alias, too deep or too many nodes or tokens)."""

    def __init__(self, expected: str, found: str, mark: Any, hint: str, path: str = "YAML") -> None:
        super().__init__(found)
        self.expected, self.found, self.mark, self.hint, self.path = expected, found, mark, hint, path


class GuardedLoader(yaml.SafeLoader):  # type: ignore[misc, unused-ignore]  # Any without types-PyYAML
    """SafeLoader that refuses aliases (no billion laughs), deep nesting and too many nodes or tokens."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._keys: list[Any] = []  # the index of each node being composed, outermost first
        self.nodes_read = 0
        self.tokens_read = 0

    def fetch_more_tokens(self) -> None:
        """Scan the next token, refusing more than MAX_TOKENS (the scanner runs ahead of the composer)."""
        super().fetch_more_tokens()
        self.tokens_read = self.tokens_taken + len(self.tokens)
        if self.tokens_read > MAX_TOKENS:
            raise _Refused(f"at most {MAX_TOKENS:,} pieces of YAML syntax (keys, values, dashes, brackets)",
                           "more", self.get_mark(), TOO_MANY_HINT, self._breadcrumb())

    def _breadcrumb(self) -> str:
        """Where the composer is, as a breadcrumb such as principles[3].statements."""
        path = ""
        for key in self._keys:
            if isinstance(key, int):
                path = join(path, key)
            elif isinstance(key, ScalarNode):  # a mapping value (None: the key itself is being read)
                path = join(path, _key_label(str(key.value)))
        return path or ROOT

    def _next_event(self) -> Any:
        """The next parser event, not consumed (PyYAML's parser is untyped)."""
        return self.peek_event()  # type: ignore[no-untyped-call, unused-ignore]

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        """Compose one node, refusing aliases, nesting deeper than MAX_DEPTH and more than MAX_NODES."""
        if self.check_event(yaml.AliasEvent):
            event = self._next_event()
            raise _Refused(
                "no aliases", f"the alias *{event.anchor}", event.start_mark,
                "Write the value out in full instead of using '&name' and '*name'.",
            )
        self.nodes_read += 1
        self._keys.append(index)
        try:
            if self.nodes_read > MAX_NODES:
                raise _Refused(f"at most {MAX_NODES:,} entries (texts, numbers, lists and mappings)", "more",
                               self._next_event().start_mark, TOO_MANY_HINT, self._breadcrumb())
            if len(self._keys) > MAX_DEPTH:
                raise _Refused(
                    f"at most {MAX_DEPTH} levels of nesting", "deeper nesting",
                    self._next_event().start_mark, "A bank needs only a few levels; check the brackets.",
                )
            return super().compose_node(parent, index)
        finally:
            self._keys.pop()


def compose(text: str, source: str) -> Node | None:
    """Parse YAML text into a node tree with line marks, or raise BankError for bad syntax."""
    loader: GuardedLoader | None = None
    try:
        # The reader checks every character as soon as it is built, so build it inside the try.
        loader = GuardedLoader(text)
        return loader.get_single_node()
    except _Refused as refused:
        problem = _at_mark(source, refused.path, refused.expected, refused.found, refused.mark, refused.hint)
    except yaml.MarkedYAMLError as error:
        detail = str(error.problem or error.context or "unreadable YAML")
        if detail.startswith("but ") and error.context:  # e.g. "expected a single document ..., but found another"
            detail = f"{error.context}, {detail}"
        detail = detail.removeprefix("found ")
        hint = next((h for key, h in _SYNTAX_HINTS if key in detail), _DEFAULT_SYNTAX_HINT)
        mark = error.problem_mark or error.context_mark
        opened = _opened_at(error)
        if opened:
            hint = opened
        problem = _at_mark(source, "YAML syntax", "valid YAML", f"a syntax error: {detail}", mark, hint)
    except yaml.reader.ReaderError as error:
        before = text[: error.position]
        line, column = before.count("\n") + 1, error.position - (before.rfind("\n") + 1) + 1
        code = f" (#x{error.character:04x})" if isinstance(error.character, int) else ""
        problem = Problem(source, "YAML syntax", "printable text", f"a character that is not allowed{code}", line,
                          column, "Remove control characters and save the file as plain UTF-8 text.")
    except yaml.YAMLError as error:
        problem = Problem(source, "YAML syntax", "valid YAML", f"an error: {error}")
    except RecursionError:  # belt and braces: the depth guard should stop this first
        problem = Problem(source, "YAML", f"at most {MAX_DEPTH} levels of nesting", "deeper nesting")
    finally:
        if loader is not None:
            loader.dispose()
    raise BankError([problem])


def _opened_at(error: yaml.MarkedYAMLError) -> str | None:
    """Where an unclosed quote or bracket starts, when YAML reports the error further down."""
    context, start, end = str(error.context or ""), error.context_mark, error.problem_mark
    if start is None or end is None or start.line == end.line:
        return None
    what = "quote" if "quoted scalar" in context else "bracket" if "flow" in context else None
    if what is None:
        return None
    return f"Close the {what} opened at line {start.line + 1}, column {start.column + 1}."


def _at_mark(source: str, path: str, expected: str, found: str, mark: Any, hint: str) -> Problem:
    """A problem placed at a YAML mark (0-based) using 1-based line and column."""
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return Problem(source, path, expected, found, line, column, hint)


def join(path: str, key: str | int) -> str:
    """Extend a breadcrumb: join('scale', 'levels') -> 'scale.levels', join('levels', 2) -> 'levels[2]'."""
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def quote(value: str, limit: int = 40) -> str:
    """Quote user text for a message: whitespace collapsed, long text shortened."""
    flat = " ".join(value.split())
    if len(flat) > limit:
        flat = flat[: limit - 3] + "..."
    return repr(flat)


def describe(node: Node | None) -> str:
    """Say in plain words what a node is, for the `found` part of a problem."""
    if node is None:
        return "nothing"
    if node.tag not in _KNOWN_TAGS:
        return f"a value tagged {quote(str(node.tag).replace('tag:yaml.org,2002:', '!!'), 40)}"
    if isinstance(node, MappingNode):
        return "a mapping" if node.value else "an empty mapping"
    if isinstance(node, SequenceNode):
        return "a list" if node.value else "an empty list"
    raw = str(node.value)
    if node.tag == _NULL:
        return "nothing"
    if node.tag == _STR:
        return f"text {quote(raw)}" if raw.strip() else "empty text"
    if node.tag in (_INT, _FLOAT):
        return f"the number {quote(raw, 20)[1:-1]}"
    if node.tag == _BOOL:
        return f"the yes/no value {quote(raw, 20)[1:-1]}"
    return f"the date {quote(raw, 20)[1:-1]}"  # the only known tag left is timestamp


def _encodable(value: str) -> bool:
    """True if text can be written as UTF-8 (YAML escapes such as \\ud800 make text that cannot)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _key_label(key: str) -> str:
    """A key as shown in a breadcrumb: one line, at most 40 characters."""
    return quote(key)[1:-1] if len(key) > 40 or not key.isprintable() else key


def line_of(node: Node | None) -> int | None:
    """1-based line where a node starts."""
    return node.start_mark.line + 1 if node is not None and node.start_mark is not None else None


class NodeReader:
    """Reads values out of YAML nodes, recording a Problem for everything wrong instead of stopping."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def report(self, node: Node | None, path: str, expected: str, found: str, hint: str | None = None) -> None:
        """Record one problem at the node's line."""
        self.problems.append(Problem(self.source, path or ROOT, expected, found, line_of(node), None, hint))

    def mapping(self, node: Node | None, path: str, required: tuple[str, ...],
                optional: tuple[str, ...] = (), expected: str = "a mapping") -> dict[str, Node] | None:
        """Check a mapping's keys (text, unique, known, required present); return key -> value node."""
        if not (isinstance(node, MappingNode) and node.tag == _MAP):
            if node is not None:
                self.report(node, path, expected, describe(node),
                            START_HINT if not path else "Write it as indented 'key: value' lines.")
            return None
        allowed = required + optional
        fields: dict[str, Node] = {}
        first_line: dict[str, int | None] = {}
        for key_node, value_node in node.value:
            if not (isinstance(key_node, ScalarNode) and key_node.tag == _STR):
                self.report(key_node, path, "text keys", f"{describe(key_node)} used as a key",
                            "Put the key in quotes, or check the indentation.")
                continue
            key, label = key_node.value, _key_label(key_node.value)
            if key in fields:
                self.report(key_node, join(path, label), "each key once",
                            f"{quote(key)} again (first at line {first_line[key]})",
                            "Remove one of them: YAML would silently keep only the last.")
            elif key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                self.report(key_node, join(path, label), f"one of the keys {', '.join(allowed)}",
                            f"the unknown key {quote(key)}",
                            f"Did you mean {close[0]!r}?" if close else "Remove it, or check its indentation.")
            else:
                fields[key] = value_node
                first_line[key] = line_of(key_node)
        for key in required:
            if key not in fields:
                self.report(node, join(path, key), f"a value for {key!r}", "nothing (the key is missing)",
                            f"Add a line '{key}: ...' at this level.")
        return fields

    def sequence(self, node: Node | None, path: str, what: str, allow_empty: bool = False) -> list[Node] | None:
        """The items of a list node, or None (with a problem) if it is not a usable list."""
        if isinstance(node, SequenceNode) and node.tag == _SEQ and (node.value or allow_empty):
            return list(node.value)
        if node is not None:
            empty = isinstance(node, SequenceNode) and not node.value
            self.report(node, path, f"a list of {what}", describe(node),
                        "Add at least one item." if empty else "Start each item on its own line with '- '.")
        return None

    def text(self, node: Node | None, path: str) -> str | None:
        """Non-empty text, stripped of surrounding whitespace."""
        if node is None:
            return None
        if isinstance(node, ScalarNode) and node.tag == _STR and node.value.strip():
            if _encodable(node.value):
                return str(node.value).strip()
            self.report(node, path, "text", "text with a character that cannot be saved (a lone surrogate)",
                        "Remove the '\\ud800'-style escape from the text.")
            return None
        hint = "Write the text after the colon, in quotes if it contains ': '."
        if isinstance(node, ScalarNode) and node.tag in (_INT, _FLOAT, _BOOL, _TIMESTAMP):
            hint = "Put it in quotes if it is meant as text."
        elif node.tag.startswith("tag:yaml.org,2002:python") or not node.tag.startswith("tag:yaml.org,2002:"):
            hint = "Remove the '!!' tag: a bank holds plain text only."
        self.report(node, path, "text", describe(node), hint)
        return None

    def identifier(self, node: Node | None, path: str) -> str | None:
        """Text that is a valid id (lowercase letters, digits, '-' and '_')."""
        value = self.text(node, path)
        if value is not None and not ID_PATTERN.match(value):
            self.report(node, path, "an id", f"text {quote(value)}", ID_HINT)
            return None
        return value

    def text_list(self, node: Node | None, path: str) -> tuple[str, ...] | None:
        """A possibly empty list of non-empty texts."""
        items = self.sequence(node, path, "text", allow_empty=True)
        if items is None:
            return None
        values = [self.text(item, join(path, index)) for index, item in enumerate(items)]
        return tuple(value for value in values if value is not None)

    def integer(self, node: Node | None, path: str) -> int | None:
        """A whole number."""
        if node is None:
            return None
        if isinstance(node, ScalarNode) and node.tag == _INT:
            try:
                return int(_SCALARS.construct_yaml_int(node))
            except (ValueError, TypeError, yaml.YAMLError):
                pass  # e.g. an explicit !!int tag on text, or too many digits
        self.report(node, path, "a whole number", describe(node), "Write a whole number such as 2.")
        return None

    def number(self, node: Node | None, path: str, low: float, high: float) -> float | None:
        """A finite number from low to high inclusive."""
        if node is None:
            return None
        value: float | None = None
        if isinstance(node, ScalarNode) and node.tag in (_INT, _FLOAT):
            try:
                construct = _SCALARS.construct_yaml_int if node.tag == _INT else _SCALARS.construct_yaml_float
                value = float(construct(node))
            except (ValueError, TypeError, OverflowError, yaml.YAMLError):
                value = None
        if value is None or not math.isfinite(value) or not low <= value <= high:
            self.report(node, path, f"a number from {low:g} to {high:g}", describe(node),
                        f"Write a number from {low:g} to {high:g}, such as {(low + high) / 2:g}.")
            return None
        return value

    def scalar_text(self, node: Node | None, path: str) -> str | None:
        """Text or a number, kept exactly as written (for version strings such as 1.10)."""
        if isinstance(node, ScalarNode) and node.tag in (_INT, _FLOAT) and str(node.value).strip():
            return str(node.value).strip()
        if isinstance(node, ScalarNode) and node.tag == _STR and node.value.strip():
            return str(node.value).strip()
        if node is not None:
            self.report(node, path, "text or a number", describe(node), "Write one version such as '1.0'.")
        return None


def optional(fields: dict[str, Node], key: str, read: Callable[[Node, str], T | None],
             default: T, path: str = "") -> T | None:
    """Read an optional field, or give the default when the key is absent."""
    return read(fields[key], join(path, key)) if key in fields else default
