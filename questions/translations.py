"""A bank's texts in other languages: read and checked against the bank's ids, then applied to a copy of it."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from yaml.nodes import MappingNode, Node, ScalarNode

from questions.nodes import NodeReader, describe, join, line_of, quote

if TYPE_CHECKING:
    from questions.schema import Bank

# Scripts written right to left, by primary language subtag.
RTL_LANGUAGES = frozenset({"ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})
# A statement's discussion prompt is for the facilitator: the only text a translation may leave in English.
OPTIONAL_KINDS = frozenset({"prompt"})
LANGUAGE_PATTERN = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
FILE_KEYS = ("bank", "bank_version", "language", "status")  # a sibling file says what it translates
INLINE_KEYS = ("status",)  # inline, the language is the key and the bank is the file around it
META_OPTIONAL = ("notes",)


def primary(language: str) -> str:
    """The primary subtag of a language tag, lowercased: 'cy-GB' -> 'cy'."""
    return language.split("-", 1)[0].lower()


def text_direction(language: str) -> str:
    """'rtl' for a language written right to left (Arabic, Urdu, ...), else 'ltr'."""
    return "rtl" if primary(language) in RTL_LANGUAGES else "ltr"


@dataclass(frozen=True)
class Translation:
    """A bank's texts in one language, keyed as in a translation file ('principles.assets.name')."""

    language: str
    status: str
    texts: Mapping[str, str] = field(hash=False, compare=False)
    source: str = ""
    notes: str = ""
    # Keys left in English where a translation may (only discussion prompts); a shipped language has none.
    fallbacks: tuple[str, ...] = ()

    @property
    def text_direction(self) -> str:
        """'rtl' or 'ltr'."""
        return text_direction(self.language)


def bank_texts(bank: Bank) -> dict[str, str]:
    """Every translatable text of a bank: translation key -> English text, in bank order.

    Ids, scale values and band minimums are not texts: a translation keeps them, so scores cannot change.
    """
    texts: dict[str, str] = {}

    def put(key: str, value: str | None) -> None:
        if value:
            texts[key] = value

    put("title", bank.title)
    put("description", bank.description)
    put("easy_read.title", bank.easy_read_title)
    put("easy_read.description", bank.easy_read_description)
    for level in bank.scale.levels:
        base = f"scale.levels.{level.value}"
        put(f"{base}.label", level.label)
        put(f"{base}.description", level.description)
        put(f"{base}.easy_read.label", level.easy_read_label)
        put(f"{base}.easy_read.description", level.easy_read_description)
    put("scale.dont_know", bank.scale.dont_know_label)
    put("scale.easy_read.dont_know", bank.scale.easy_read_dont_know)
    for band in bank.scale.bands:
        base = f"scale.bands.{band_key(band.min_score)}"
        put(f"{base}.name", band.name)
        put(f"{base}.description", band.description)
        put(f"{base}.easy_read.name", band.easy_read_name)
        put(f"{base}.easy_read.description", band.easy_read_description)
    for perspective in bank.perspectives:
        put(f"perspectives.{perspective.id}.label", perspective.label)
        put(f"perspectives.{perspective.id}.easy_read.label", perspective.easy_read_label)
    for principle in bank.principles:
        base = f"principles.{principle.id}"
        put(f"{base}.name", principle.name)
        put(f"{base}.definition", principle.definition)
        put(f"{base}.guidance", principle.guidance)
        put(f"{base}.easy_read.name", principle.easy_read_name)
        put(f"{base}.easy_read.definition", principle.easy_read_definition)
        put(f"{base}.easy_read.guidance", principle.easy_read_guidance)
    for statement in bank.statements:
        base = f"statements.{statement.id}"
        put(f"{base}.from", statement.from_text)
        put(f"{base}.to", statement.to_text)
        put(f"{base}.easy_read.from", statement.easy_read_from)
        put(f"{base}.easy_read.to", statement.easy_read_to)
        put(f"{base}.prompt", statement.prompt)
    return texts


def band_key(min_score: float) -> str:
    """A band's key in a translation: its minimum score as written ('0', '25', '62.5')."""
    return f"{min_score:g}"


def apply(bank: Bank, translation: Translation) -> Bank:
    """A copy of the bank with every text the translation gives; ids, values and pictures unchanged."""
    texts = translation.texts

    def pick(key: str, english: str | None) -> str | None:
        return texts.get(key, english) if english else english

    def text(key: str, english: str) -> str:
        return texts.get(key, english) if english else english

    replace = dataclasses.replace
    scale = bank.scale
    levels = tuple(replace(level, label=text(f"scale.levels.{level.value}.label", level.label),
                           description=text(f"scale.levels.{level.value}.description", level.description),
                           easy_read_label=pick(f"scale.levels.{level.value}.easy_read.label", level.easy_read_label),
                           easy_read_description=pick(f"scale.levels.{level.value}.easy_read.description",
                                                      level.easy_read_description))
                   for level in scale.levels)
    bands = tuple(replace(band, name=text(f"scale.bands.{band_key(band.min_score)}.name", band.name),
                          description=text(f"scale.bands.{band_key(band.min_score)}.description", band.description),
                          easy_read_name=pick(f"scale.bands.{band_key(band.min_score)}.easy_read.name",
                                              band.easy_read_name),
                          easy_read_description=pick(f"scale.bands.{band_key(band.min_score)}.easy_read.description",
                                                     band.easy_read_description))
                  for band in scale.bands)
    new_scale = replace(scale, levels=levels, bands=bands, dont_know_label=text("scale.dont_know", scale.dont_know_label),
                        easy_read_dont_know=pick("scale.easy_read.dont_know", scale.easy_read_dont_know))
    perspectives = tuple(replace(p, label=text(f"perspectives.{p.id}.label", p.label),
                                 easy_read_label=pick(f"perspectives.{p.id}.easy_read.label", p.easy_read_label))
                         for p in bank.perspectives)
    principles = []
    for principle in bank.principles:
        base = f"principles.{principle.id}"
        statements = tuple(
            replace(s, from_text=text(f"statements.{s.id}.from", s.from_text),
                    to_text=text(f"statements.{s.id}.to", s.to_text),
                    easy_read_from=pick(f"statements.{s.id}.easy_read.from", s.easy_read_from),
                    easy_read_to=pick(f"statements.{s.id}.easy_read.to", s.easy_read_to),
                    prompt=pick(f"statements.{s.id}.prompt", s.prompt))
            for s in principle.statements)
        principles.append(replace(
            principle, name=text(f"{base}.name", principle.name),
            definition=text(f"{base}.definition", principle.definition),
            guidance=text(f"{base}.guidance", principle.guidance), statements=statements,
            easy_read_name=pick(f"{base}.easy_read.name", principle.easy_read_name),
            easy_read_definition=pick(f"{base}.easy_read.definition", principle.easy_read_definition),
            easy_read_guidance=pick(f"{base}.easy_read.guidance", principle.easy_read_guidance)))
    return replace(bank, title=text("title", bank.title), description=text("description", bank.description),
                   easy_read_title=pick("easy_read.title", bank.easy_read_title),
                   easy_read_description=pick("easy_read.description", bank.easy_read_description),
                   language=translation.language, scale=new_scale, perspectives=perspectives,
                   principles=tuple(principles))


def read_translation(reader: NodeReader, node: Node, bank: Bank, path: str = "", *, language: str | None = None,
                     file_language: str | None = None) -> Translation | None:
    """One translation (a sibling file's root, or an inline `translations.<lang>` mapping), checked against the bank.

    Inline, `language` is the mapping's key; a sibling file names its language, bank and bank version,
    and `file_language` is the language its file name says. Every problem goes to the reader.
    """
    if not isinstance(node, MappingNode):
        reader.report(node, path, "a mapping of translated texts", describe(node), "Write it as indented 'key: value' lines.")
        return None
    expected = bank_texts(bank)
    required_meta = INLINE_KEYS if language is not None else FILE_KEYS
    meta, body = _split(node, required_meta + META_OPTIONAL)
    problems_before = len(reader.problems)
    values = {key: reader.text(value, join(path, key)) for key, (_, value) in meta.items()}
    for key in required_meta:
        if key not in meta:
            reader.report(node, join(path, key), f"a value for {key!r}", "nothing (the key is missing)",
                          _META_HINTS[key])
    if language is None:
        language = _check_file_meta(reader, meta, values, bank, path, file_language)
    texts: dict[str, str] = {}
    present: set[str] = set()  # keys written, even with a wrong value (reported once, as a wrong value)
    seen = {key: line_of(key_node) for key, (key_node, _) in meta.items()}  # so a second 'status' is a repeat
    _walk(reader, node, body, path, "", expected, texts, present, seen)
    missing = [key for key in expected if not any(".".join(key.split(".")[:n]) in present
                                                  for n in range(1, key.count(".") + 2))]
    fallbacks = tuple(key for key in missing if key.rsplit(".", 1)[-1] in OPTIONAL_KINDS)
    _report_missing(reader, node, path, [key for key in missing if key not in fallbacks], expected)
    if len(reader.problems) > problems_before or language is None:
        return None
    return Translation(language, values.get("status") or "", texts, reader.source, values.get("notes") or "",
                       fallbacks)


_META_HINTS = {
    "bank": "Add 'bank: ...' with the id of the bank this file translates.",
    "bank_version": "Add 'bank_version: ...' with the version of the bank this file translates, in quotes.",
    "language": "Add 'language: ...' with the language tag, e.g. 'cy'.",
    "status": "Add 'status: ...' saying who has reviewed the translation, e.g. "
              "'awaiting review by a first-language speaker'.",
}


def _split(node: MappingNode, meta_keys: tuple[str, ...]) -> tuple[dict[str, tuple[Node, Node]], list[tuple[Node, Node]]]:
    """The metadata entries of a translation's top level, and the rest."""
    meta: dict[str, tuple[Node, Node]] = {}
    body: list[tuple[Node, Node]] = []
    for key_node, value_node in node.value:
        key = str(key_node.value) if isinstance(key_node, ScalarNode) else None
        if key in meta_keys and key not in meta:
            meta[key] = (key_node, value_node)
        else:
            body.append((key_node, value_node))
    return meta, body


def _check_file_meta(reader: NodeReader, meta: dict[str, tuple[Node, Node]], values: dict[str, str | None],
                     bank: Bank, path: str, file_language: str | None) -> str | None:
    """A sibling file's bank id, bank version and language must match the bank and the file name."""
    if values.get("bank") is not None and values["bank"] != bank.id:
        reader.report(meta["bank"][1], join(path, "bank"), f"{bank.id!r} (the bank beside this file)",
                      f"text {quote(values['bank'] or '')}",
                      f"Name the file after the bank it translates: {bank.id}.<language>.yaml.")
    if values.get("bank_version") is not None and values["bank_version"] != bank.version:
        reader.report(meta["bank_version"][1], join(path, "bank_version"),
                      f"{bank.version!r} (the version of {bank.id} now)", f"text {quote(values['bank_version'] or '')}",
                      f"Check every text against version {bank.version} of the bank, then change bank_version.")
    language = values.get("language")
    if language is None:
        return None
    if not LANGUAGE_PATTERN.match(language):
        reader.report(meta["language"][1], join(path, "language"), "a language tag", f"text {quote(language)}",
                      "Use a language tag such as 'cy' or 'ar'.")
        return None
    if file_language is not None and language != file_language:
        reader.report(meta["language"][1], join(path, "language"), f"{file_language!r} (as in the file name)",
                      f"text {quote(language)}", "Make the file name and the language tag agree.")
        return None
    if primary(language) == primary(bank.language):
        reader.report(meta["language"][1], join(path, "language"), f"a language other than the bank's own ({bank.language})",
                      f"text {quote(language)}", "Change the bank itself to correct its own language.")
        return None
    return language


def _walk(reader: NodeReader, node: Node, entries: list[tuple[Node, Node]], path: str, prefix: str,
          expected: dict[str, str], texts: dict[str, str], present: set[str],
          seen: dict[str, int | None] | None = None) -> None:
    """Read a mapping of translated texts whose keys follow the bank's (`prefix` is the flat key so far)."""
    seen = {} if seen is None else seen
    choices = _children(expected, prefix)
    for key_node, value_node in entries:
        if not isinstance(key_node, ScalarNode):
            reader.report(key_node, path, "text keys", f"{describe(key_node)} used as a key",
                          "Check the indentation.")
            continue
        key = str(key_node.value)
        here, flat = join(path, key), f"{prefix}{key}"
        if key in seen:
            reader.report(key_node, here, "each key once", f"{quote(key)} again (first at line {seen[key]})",
                          "Remove one of them: YAML would silently keep only the last.")
            continue
        seen[key] = line_of(key_node)
        if flat in expected:
            present.add(flat)
            value = reader.text(value_node, here)
            if value is not None:
                texts[flat] = value
        elif key in choices:
            if isinstance(value_node, MappingNode):
                _walk(reader, value_node, list(value_node.value), here, f"{flat}.", expected, texts, present)
            else:
                present.add(flat)
                reader.report(value_node, here, "a mapping of translated texts", describe(value_node),
                              "Write it as indented 'key: value' lines.")
        else:
            close = difflib.get_close_matches(key, sorted(choices), n=1, cutoff=0.6)
            reader.report(key_node, here, _expected_keys(prefix, choices), f"the unknown key {quote(key)}",
                          f"Did you mean {close[0]!r}?" if close
                          else "Remove it: the bank has no text here to translate.")


def _children(expected: Mapping[str, str], prefix: str) -> dict[str, None]:
    """The keys one level below a flat prefix, in bank order."""
    return {key[len(prefix):].split(".", 1)[0]: None for key in expected if key.startswith(prefix)}


def _expected_keys(prefix: str, choices: Mapping[str, None]) -> str:
    """What keys may appear here, in plain words."""
    kind = {"principles.": "a principle id", "statements.": "a statement id", "perspectives.": "a perspective id",
            "scale.levels.": "a scale value", "scale.bands.": "a band's min"}.get(prefix)
    listed = ", ".join(choices)
    if kind is not None:
        return f"{kind} of the bank ({listed})" if len(choices) <= 8 else f"{kind} of the bank"
    return f"one of the keys {listed}"


def _report_missing(reader: NodeReader, root: MappingNode, path: str, missing: list[str],
                    expected: Mapping[str, str]) -> None:
    """One problem per missing text, or per missing group (a whole statement) at the deepest mapping present."""
    reported: set[str] = set()
    for key in missing:
        node, at, parts = _deepest(root, key.split("."))
        absent = ".".join(key.split(".")[: at + 1])
        if absent in reported:
            continue
        reported.add(absent)
        here = join(path, absent)
        name = key.split(".")[at]
        # Inline, the translation is the mapping under its language key ('translations.cy').
        language_key = path.rsplit(".", 1)[-1] if path else ""
        parent = f"under '{parts[at - 1]}:'" if at else f"under '{language_key}:'" if path else "at the top level"
        in_language = "in that language" if path else "in this file's language"
        if absent == key:
            reader.report(node, here, f"a translation of {quote(expected[key])}", "nothing (the key is missing)",
                          f"Add '{name}: ...' {parent}, {in_language}.")
        else:
            count = sum(1 for other in expected if other.startswith(absent + "."))
            reader.report(node, here, f"{count} translated text{'s' if count != 1 else ''}",
                          "nothing (the key is missing)", f"Add '{name}:' {parent}, with its texts {in_language}.")


def _deepest(root: MappingNode, parts: list[str]) -> tuple[Node, int, list[str]]:
    """The deepest mapping on a key's path that the translation has, and the index of the first absent part."""
    node: Node = root
    for index, part in enumerate(parts):
        child = None
        if isinstance(node, MappingNode):
            child = next((v for k, v in node.value if isinstance(k, ScalarNode) and str(k.value) == part), None)
        if child is None or not isinstance(child, MappingNode):
            return node, index, parts
        node = child
    return node, len(parts) - 1, parts
