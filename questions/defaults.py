"""Defaults a bank gets when it leaves out the scale or the perspectives."""

from __future__ import annotations

from questions.schema import Band, Level, Perspective, Scale


DEFAULT_LANGUAGE = "en-GB"
DEFAULT_DONT_KNOW = "Don't know / not applicable"
DEFAULT_PERSPECTIVES: tuple[Perspective, ...] = (
    Perspective("staff", "Staff and volunteers"),
    Perspective("people_using_services", "People who use services"),
    Perspective("carers", "Carers and family members"),
    Perspective("managers", "Managers and leaders"),
    Perspective("commissioners", "Commissioners and funders"),
)
DEFAULT_LEVELS: tuple[Level, ...] = (
    Level(0, "Mostly like From", "The From statement describes us most of the time."),
    Level(1, "More like From", "We are closer to From, with a few signs of To."),
    Level(2, "In between", "We are halfway, or it varies a lot between people and places."),
    Level(3, "More like To", "We are closer to To, with some From still showing."),
    Level(4, "Mostly like To", "The To statement describes us most of the time."),
)
DEFAULT_BANDS: tuple[Band, ...] = (
    Band(0, "Doing to", "Decisions are made for people and their strengths are rarely used."),
    Band(25, "Doing for", "Services are well meant but designed and run for people, not with them."),
    Band(50, "Doing with", "People are involved in real ways in places; it is not yet how everything works."),
    Band(75, "Co-producing", "Power, roles and contributions are shared as the normal way of working."),
)
DEFAULT_SCALE = Scale(DEFAULT_LEVELS, DEFAULT_DONT_KNOW, DEFAULT_BANDS)
