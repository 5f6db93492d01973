"""A reader that turns composed YAML nodes into checked values, collecting every problem."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable
from typing import TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from questions.errors import Problem

T = TypeVar("T")
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

    def __init__(self, source: str, requires_easy_read: bool = False) -> None:
        self.source = source
        self.problems: list[Problem] = []
        # Set for banks that must carry Easy Read text and pictures throughout (the built-in banks).
        self.requires_easy_read = requires_easy_read

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
