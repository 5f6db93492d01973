"""Guarded YAML composition: a node tree with line marks, or a BankError; never a huge or hostile tree."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode

from questions.errors import BankError, Problem
from questions.nodes import ROOT, _key_label, join

MAX_DEPTH = 32  # a bank needs about 7 levels; deeper input is junk and risks RecursionError
# The full built-in bank has 744 nodes and 1,600 tokens; a 2 MB list of a million tiny items cost
# 20 s of CPU and 500 MB to compose, so composition stops at these counts (both over 25 times a real bank).
MAX_NODES = 20_000
MAX_TOKENS = 100_000  # also caught: directives, which make tokens but no nodes
TOO_MANY_HINT = "A question bank has a few hundred entries; check that this is the right file."
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


