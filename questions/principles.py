"""Reading a bank's principles and their From/To statements, with Easy Read texts and pictures."""

from __future__ import annotations

from yaml.nodes import Node

from questions.easy_read import read_easy_read, read_picture
from questions.nodes import NodeReader, join, optional, quote
from questions.schema import Principle, Statement

_NO_TEXTS: tuple[str, ...] = ()
_PRINCIPLE_KEYS = (("id", "name", "definition", "statements"), ("guidance", "easy_read"))
_STATEMENT_KEYS = (("id", "from", "to"), ("easy_read", "picture", "prompt", "references"))


def is_repeat(reader: NodeReader, node: Node, path: str, value: str, first: dict[str, str], expected: str) -> bool:
    """Report and return True if an id was already used; otherwise remember where it was first used."""
    if value in first:
        reader.report(node, path, expected, f"{quote(value)} again (first used at {first[value]})",
                      "Answers are stored by id, so each id must be unique in the bank.")
        return True
    first[value] = path
    return False


def read_principles(reader: NodeReader, node: Node | None) -> tuple[Principle, ...] | None:
    """Principles with unique ids, each with at least one statement; statement ids unique bank-wide."""
    items = reader.sequence(node, "principles", "principles")
    if items is None:
        return None
    principles: list[Principle] = []
    principle_paths: dict[str, str] = {}
    statement_paths: dict[str, str] = {}
    complete = True
    for index, item in enumerate(items):
        path = join("principles", index)
        fields = reader.mapping(item, path, *_PRINCIPLE_KEYS)
        if fields is None:
            complete = False
            continue
        principle_id = reader.identifier(fields.get("id"), join(path, "id"))
        if principle_id is not None and is_repeat(reader, fields["id"], join(path, "id"), principle_id,
                                                  principle_paths, "a principle id not used before"):
            principle_id = None
        name = reader.text(fields.get("name"), join(path, "name"))
        definition = reader.text(fields.get("definition"), join(path, "definition"))
        guidance = optional(fields, "guidance", reader.text, "", path)
        standard = frozenset(("name", "definition", *(("guidance",) if "guidance" in fields else ())))
        easy = read_easy_read(reader, item, fields, path, ("name", "definition", "guidance"), standard)
        statement_items = reader.sequence(fields.get("statements"), join(path, "statements"), "statements")
        statements = [read_statement(reader, statement, join(join(path, "statements"), position),
                                     principle_id or "", statement_paths)
                      for position, statement in enumerate(statement_items or [])]
        if (principle_id is None or name is None or definition is None or guidance is None or easy is None
                or statement_items is None or any(statement is None for statement in statements)):
            complete = False
            continue
        principles.append(Principle(principle_id, name, definition, guidance,
                                    tuple(statement for statement in statements if statement is not None),
                                    easy.get("name"), easy.get("definition"), easy.get("guidance")))
    return tuple(principles) if complete else None


def read_statement(reader: NodeReader, node: Node, path: str, principle_id: str,
                   first: dict[str, str]) -> Statement | None:
    """One From/To statement with optional Easy Read texts, picture, prompt and references."""
    fields = reader.mapping(node, path, *_STATEMENT_KEYS)
    if fields is None:
        return None
    statement_id = reader.identifier(fields.get("id"), join(path, "id"))
    if statement_id is not None and is_repeat(reader, fields["id"], join(path, "id"), statement_id,
                                              first, "a statement id not used before"):
        statement_id = None
    from_text = reader.text(fields.get("from"), join(path, "from"))
    to_text = reader.text(fields.get("to"), join(path, "to"))
    easy = read_easy_read(reader, node, fields, path, ("from", "to"), together=True)
    picture = read_picture(reader, node, fields, path)
    prompt = optional(fields, "prompt", reader.text, None, path)
    references = optional(fields, "references", reader.text_list, _NO_TEXTS, path)
    if (statement_id is None or from_text is None or to_text is None or easy is None or picture is None
            or ("prompt" in fields and prompt is None) or references is None):
        return None
    return Statement(statement_id, principle_id, from_text, to_text, easy.get("from"), easy.get("to"), prompt,
                     references, picture or None)
