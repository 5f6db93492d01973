"""The bundled Easy Read pictures: listed, credited, used, and safe to put in a page."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest

from questions import load_builtin
from questions.pictograms import PICTURE_DIR, PICTURES, picture_path, picture_svg

SVG = "{http://www.w3.org/2000/svg}"
# Elements that run code, embed other documents or fetch from elsewhere.
FORBIDDEN = {"script", "foreignObject", "iframe", "object", "embed", "image", "use", "a", "animate", "set",
             "animateTransform", "animateMotion", "handler", "listener", "audio", "video", "feImage"}


def unsafe_parts(text: str) -> list[str]:
    """What in an SVG could run code or reach outside the file; [] for a safe picture."""
    if re.search(r"<!DOCTYPE|<!ENTITY|<\?xml-stylesheet", text, re.I):
        return ["a DOCTYPE, entity or stylesheet instruction"]
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        return [f"not well-formed XML ({error})"]
    found = [] if root.tag == f"{SVG}svg" else [f"root element {root.tag}"]
    for element in root.iter():
        name = element.tag.removeprefix(SVG)
        if not element.tag.startswith(SVG) or name in FORBIDDEN:
            found.append(f"element {name}")
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1]
            if local.lower().startswith("on"):
                found.append(f"event handler {local}")
            if local == "href" and not value.startswith("#"):
                found.append(f"link {value!r}")
            if re.search(r"url\(\s*['\"]?(?!#)|javascript:|https?:|data:", value, re.I):
                found.append(f"external reference in {local}")
        if name == "style" and re.search(r"@import|url\(\s*['\"]?(?!#)", element.text or "", re.I):
            found.append("external reference in a style sheet")
    return found


@pytest.mark.parametrize("text", [
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><use x:href="http://e/a.svg#b"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(https://e/p)"/></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://e/a.css";</style></svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml"/></foreignObject></svg>',
    '<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
    '<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png;base64,AAAA"/></svg>',
], ids=["script", "handler", "external-use", "external-fill", "import", "foreign-object", "entity", "image"])
def test_unsafe_parts_finds_each_kind_of_danger(text: str) -> None:
    assert unsafe_parts(text)


def test_unsafe_parts_accepts_a_plain_drawing() -> None:
    assert unsafe_parts('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 72 72"><g id="a">'
                        '<path fill="#fff" d="M1 1h2"/><circle cx="3" cy="3" r="1" fill="url(#g)"/></g></svg>') == []


@pytest.mark.parametrize("picture_id", sorted(PICTURES))
def test_picture_file_is_a_safe_svg(picture_id: str) -> None:
    text = picture_svg(picture_id)
    assert text.lstrip().startswith("<svg") and 'viewBox="0 0 72 72"' in text
    assert unsafe_parts(text) == []
    assert len(text.encode("utf-8")) < 20_000  # small enough to inline 36 of them in a page


def test_picture_folder_holds_exactly_the_listed_pictures_and_their_licence() -> None:
    files = sorted(path.name for path in PICTURE_DIR.iterdir())
    assert files == sorted([f"{picture_id}.svg" for picture_id in PICTURES] + ["LICENSE.txt", "README.md"])
    assert (PICTURE_DIR / "LICENSE.txt").read_text(encoding="utf-8").startswith("Attribution-ShareAlike 4.0 International")


def test_picture_readme_credits_each_picture_with_source_and_licence() -> None:
    readme = (PICTURE_DIR / "README.md").read_text(encoding="utf-8")
    assert "OpenMoji 17.0.0" in readme and "CC BY-SA 4.0" in readme and "All emojis designed by" in readme
    for picture in PICTURES.values():
        row = f"| `{picture.id}` | {picture.openmoji} | {picture.openmoji_name} |"
        assert row in readme, row
        assert readme.split(row, 1)[1].split("\n", 1)[0].endswith(f"| {picture.alt} |"), picture.id


def test_picture_alt_texts_are_short_and_distinct() -> None:
    alts = [picture.alt for picture in PICTURES.values()]
    assert len(set(alts)) == len(alts)
    assert all(0 < len(alt.split()) <= 8 and alt[0].isupper() for alt in alts)


def test_every_bundled_picture_is_used_by_a_builtin_bank() -> None:
    used = {s.picture for bank_id in ("coproduction-full", "coproduction-quick") for s in load_builtin(bank_id).statements}
    assert used == set(PICTURES)


@pytest.mark.parametrize("bad", ["../schema", "nope", "", "star.svg"])
def test_picture_path_refuses_ids_that_are_not_bundled(bad: str) -> None:
    with pytest.raises(KeyError):
        picture_path(bad)
