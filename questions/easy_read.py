"""Reading the Easy Read texts and pictures of a bank, and requiring them where a bank must have them."""

from __future__ import annotations

import difflib

from yaml.nodes import Node

from questions.nodes import NodeReader, join, quote
from questions.pictograms import PICTURES

EASY_READ = "easy_read"
PICTURE = "picture"
PICTURE_LIST = "questions/pictures/README.md"
_REQUIRED = "Easy Read text (this bank must have Easy Read throughout)"


def _keys(keys: tuple[str, ...]) -> str:
    """'name', 'definition' and 'guidance' -> "'name: ...', 'definition: ...' and 'guidance: ...'"."""
    quoted = [f"'{key}: ...'" for key in keys]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def read_easy_read(reader: NodeReader, node: Node, fields: dict[str, Node], path: str, keys: tuple[str, ...],
                   standard: frozenset[str] | None = None, together: bool = False,
                   required: frozenset[str] | None = None) -> dict[str, str] | None:
    """The Easy Read texts beside a mapping's standard texts: key -> text, {} if none; None if wrong.

    `standard` names the keys whose standard text is there (default: all); an Easy Read text for any other
    key is a mistake. `together`: all keys or none (a From without its To would mix reading modes).
    When the reader requires Easy Read, each key in `required` (default: `standard`) needs its Easy Read text.
    """
    has_standard = frozenset(keys) if standard is None else standard
    needed = tuple(key for key in keys if key in (has_standard if required is None else required))
    er_path = join(path, EASY_READ)
    if EASY_READ not in fields:
        for key in needed if reader.requires_easy_read else ():
            reader.report(node, join(er_path, key), _REQUIRED, "nothing (the key is missing)",
                          f"Add 'easy_read:' at this level with {_keys((key,))} under it, in short sentences and "
                          "everyday words.")
        return {}
    er_node = fields[EASY_READ]
    given = reader.mapping(er_node, er_path, (), keys)
    if given is None:
        return None
    if together and len(given) < len(keys):
        found = f"only {next(iter(given))!r}" if given else "neither"
        reader.report(er_node, er_path, f"both {' and '.join(repr(key) for key in keys)}", found,
                      "Give both Easy Read texts, or remove easy_read.")
        return None
    texts: dict[str, str] = {}
    complete = True
    for key in keys:
        if key not in given:
            if reader.requires_easy_read and key in needed:
                reader.report(er_node, join(er_path, key), _REQUIRED, "nothing (the key is missing)",
                              f"Add {_keys((key,))} under this 'easy_read:', in short sentences and everyday words.")
            continue
        value = reader.text(given[key], join(er_path, key))
        if value is not None and key not in has_standard:
            reader.report(given[key], join(er_path, key), "Easy Read text only where there is a standard text",
                          f"Easy Read {key!r} but no {key!r} at {path or 'the top level'}",
                          f"Add the standard '{key}: ...' too, or remove this line.")
            value = None
        if value is None:
            complete = False
        else:
            texts[key] = value
    return texts if complete else None


def read_picture(reader: NodeReader, node: Node, fields: dict[str, Node], path: str) -> str | None:
    """A statement's picture: the id of a bundled picture; '' when absent (reported if Easy Read is required)."""
    pic_path = join(path, PICTURE)
    if PICTURE not in fields:
        if reader.requires_easy_read:
            reader.report(node, pic_path, "a picture id (this bank must have a picture for every statement)",
                          "nothing (the key is missing)",
                          f"Add a line 'picture: ...' with an id listed in {PICTURE_LIST}, e.g. 'handshake'.")
        return ""
    value = reader.text(fields[PICTURE], pic_path)
    if value is not None and value not in PICTURES:
        # 'Puzzle Piece' is close to 'puzzle': compare in the form ids are written in.
        close = difflib.get_close_matches("-".join(value.lower().split()), list(PICTURES), n=1, cutoff=0.6)
        reader.report(fields[PICTURE], pic_path, f"the id of a bundled picture (listed in {PICTURE_LIST})",
                      f"text {quote(value)}", f"Did you mean {close[0]!r}?" if close
                      else f"Use an id listed in {PICTURE_LIST}, such as 'handshake' or 'star'.")
        return None
    return value
