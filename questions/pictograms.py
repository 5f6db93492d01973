"""The bundled pictures a statement can show in Easy Read: OpenMoji SVGs in questions/pictures (CC BY-SA 4.0)."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

PICTURE_DIR = Path(__file__).resolve().parent / "pictures"
SOURCE = "OpenMoji 17.0.0 (npm package openmoji), https://openmoji.org/"
LICENCE = "CC BY-SA 4.0"
ATTRIBUTION = ("All emojis designed by OpenMoji, the open-source emoji and icon project. "
               "License: CC BY-SA 4.0.")


@dataclass(frozen=True)
class Picture:
    """One bundled picture: the id banks use, its alt text, and where it came from."""

    id: str
    alt: str
    openmoji: str  # the OpenMoji hexcode, which names the original file (color/svg/<hexcode>.svg)
    openmoji_name: str


_PICTURES = (
    Picture("star", "A shining star", "1F31F", "glowing star"),
    Picture("tools", "A hammer and a spanner", "1F6E0", "hammer and wrench"),
    Picture("label", "A label tag", "1F3F7", "label"),
    Picture("ladder", "A ladder", "1FA9C", "ladder"),
    Picture("speaking", "A person speaking", "1F5E3", "speaking head"),
    Picture("seedling", "A small plant growing", "1F331", "seedling"),
    Picture("handshake", "Two hands shaking", "1F91D", "handshake"),
    Picture("puzzle", "A jigsaw puzzle piece", "1F9E9", "puzzle piece"),
    Picture("calendar", "A calendar", "1F4C5", "calendar"),
    Picture("gift", "A present with a bow", "1F381", "wrapped gift"),
    Picture("shield", "A shield", "1F6E1", "shield"),
    Picture("family", "A family: two adults and a child", "1F46A", "family"),
    Picture("friends", "Two people holding hands", "1F9D1-200D-1F91D-200D-1F9D1", "people holding hands"),
    Picture("houses", "Houses in a neighbourhood", "1F3D8", "houses"),
    Picture("group", "A group of people", "1F465", "busts in silhouette"),
    Picture("map", "A map", "1F5FA", "world map"),
    Picture("wave", "A hand waving hello", "1F44B", "waving hand"),
    Picture("link", "Two chain links joined together", "1F517", "link"),
    Picture("clipboard", "A clipboard with notes", "1F4CB", "clipboard"),
    Picture("money", "Pound notes", "1F4B7", "pound banknote"),
    Picture("graduation", "A graduation cap", "1F393", "graduation cap"),
    Picture("care", "Hands making a heart shape", "1FAF6", "heart hands"),
    Picture("speech", "A speech bubble", "1F4AC", "speech balloon"),
    Picture("briefcase", "A work bag", "1F4BC", "briefcase"),
    Picture("plan", "A page being written on", "1F4DD", "memo"),
    Picture("coin", "A coin", "1FA99", "coin"),
    Picture("raise-hand", "A person putting their hand up", "1F64B", "person raising hand"),
    Picture("cooking", "An egg cooking in a pan", "1F373", "cooking"),
    Picture("teacher", "A person teaching at a board", "1F9D1-200D-1F3EB", "teacher"),
    Picture("worker", "A person at work", "1F9D1-200D-1F4BC", "office worker"),
    Picture("thumbs-up", "A thumbs up", "1F44D", "thumbs up"),
    Picture("clock", "A clock", "23F0", "alarm clock"),
    Picture("idea", "A light bulb, for an idea", "1F4A1", "light bulb"),
    Picture("contract", "A rolled paper with writing on it", "1F4DC", "scroll"),
    Picture("chart", "A bar chart", "1F4CA", "bar chart"),
    Picture("vote", "A vote going into a ballot box", "1F5F3", "ballot box with ballot"),
)
PICTURES: dict[str, Picture] = {picture.id: picture for picture in _PICTURES}


def picture_path(picture_id: str) -> Path:
    """The SVG file of a bundled picture (KeyError for an id that is not bundled, so no path is ever guessed)."""
    return PICTURE_DIR / f"{PICTURES[picture_id].id}.svg"


@functools.cache
def picture_svg(picture_id: str) -> str:
    """The SVG text of a bundled picture (read once; the files never change while the app runs)."""
    return picture_path(picture_id).read_text(encoding="utf-8")
