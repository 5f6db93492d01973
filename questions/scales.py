"""Reading the answer scale of a bank: levels 0-4, the don't-know label and score bands."""

from __future__ import annotations

from yaml.nodes import Node

from domain.vocabulary import SCALE_VALUES
from questions.defaults import DEFAULT_BANDS, DEFAULT_DONT_KNOW, DEFAULT_DONT_KNOW_EASY
from questions.easy_read import read_easy_read
from questions.nodes import NodeReader, describe, join, optional, quote
from questions.schema import Band, Level, Scale


def read_scale(reader: NodeReader, node: Node) -> Scale | None:
    """The answer scale: exactly the levels 0-4, a don't-know label and ascending bands from 0."""
    fields = reader.mapping(node, "scale", ("levels",), ("dont_know", "bands", "easy_read"))
    if fields is None:
        return None
    levels = _read_levels(reader, fields.get("levels"))
    dont_know = optional(fields, "dont_know", reader.text, DEFAULT_DONT_KNOW, "scale")
    # The default don't-know label comes with its Easy Read text, so only a bank's own label needs one.
    easy = read_easy_read(reader, node, fields, "scale", ("dont_know",),
                          required=frozenset(("dont_know",) if "dont_know" in fields else ()))
    bands = optional(fields, "bands", lambda band_node, _: _read_bands(reader, band_node), DEFAULT_BANDS)
    if levels is None or dont_know is None or bands is None or easy is None:
        return None
    default_easy = None if "dont_know" in fields else DEFAULT_DONT_KNOW_EASY
    return Scale(levels, dont_know, bands, easy.get("dont_know", default_easy))


def _given(fields: dict[str, Node], required: str) -> frozenset[str]:
    """The keys with a standard text: the required one, and the optional description if written."""
    return frozenset((required, *(("description",) if "description" in fields else ())))


def _read_levels(reader: NodeReader, node: Node | None) -> tuple[Level, ...] | None:
    """Scale levels, one for each of SCALE_VALUES, returned in value order."""
    items = reader.sequence(node, "scale.levels", "levels")
    if items is None:
        return None
    levels: list[Level] = []
    first: dict[int, str] = {}
    complete = True
    for index, item in enumerate(items):
        path = join("scale.levels", index)
        fields = reader.mapping(item, path, ("value", "label"), ("description", "easy_read"))
        if fields is None:
            complete = False
            continue
        value = reader.integer(fields.get("value"), join(path, "value"))
        label = reader.text(fields.get("label"), join(path, "label"))
        description = optional(fields, "description", reader.text, "", path)
        easy = read_easy_read(reader, item, fields, path, ("label", "description"), _given(fields, "label"))
        if value is not None and value in first:
            reader.report(fields["value"], join(path, "value"), "a level value not used before",
                          f"{value} again (first in {first[value]})", "Give each level its own value from 0 to 4.")
        elif value is not None:
            first[value] = path
        if value is None or label is None or description is None or easy is None:
            complete = False
            continue
        levels.append(Level(value, label, description, easy.get("label"), easy.get("description")))
    if complete and sorted(first) != list(SCALE_VALUES):
        reader.report(node, "scale.levels", "the whole numbers 0 to 4, one level each",
                      f"the values {', '.join(str(value) for value in sorted(first))}",
                      "Scores are worked out on a 0-4 scale, so a bank needs exactly these five levels.")
    return tuple(sorted(levels, key=lambda level: level.value)) if complete else None


def _read_bands(reader: NodeReader, node: Node) -> tuple[Band, ...] | None:
    """Score bands from 0 upwards, listed from low to high."""
    items = reader.sequence(node, "scale.bands", "bands")
    if items is None:
        return None
    bands: list[Band] = []
    names: dict[str, str] = {}
    complete = True
    for index, item in enumerate(items):
        path = join("scale.bands", index)
        fields = reader.mapping(item, path, ("min", "name"), ("description", "easy_read"))
        if fields is None:
            complete = False
            continue
        low = reader.number(fields.get("min"), join(path, "min"), 0, 100)
        name = reader.text(fields.get("name"), join(path, "name"))
        description = optional(fields, "description", reader.text, "", path)
        easy = read_easy_read(reader, item, fields, path, ("name", "description"), _given(fields, "name"))
        if low is not None and index == 0 and low != 0:
            reader.report(fields["min"], join(path, "min"), "0 (the first band starts at 0)", describe(fields["min"]),
                          "Start the first band at 'min: 0', so that every score falls in a band.")
        elif low is not None and bands and low <= bands[-1].min_score:
            reader.report(fields["min"], join(path, "min"), f"a number above {bands[-1].min_score:g}",
                          describe(fields["min"]), "List the bands from the lowest score to the highest.")
        if name is not None and name in names:
            reader.report(fields["name"], join(path, "name"), "a band name not used before",
                          f"{quote(name)} again (first in {names[name]})", "Give each band its own name.")
        elif name is not None:
            names[name] = path
        if low is None or name is None or description is None or easy is None:
            complete = False
            continue
        bands.append(Band(low, name, description, easy.get("name"), easy.get("description")))
    return tuple(bands) if complete else None
