"""Defaults a bank gets when it leaves out the scale or the perspectives, with their Easy Read texts."""

from __future__ import annotations

from questions.schema import Band, Level, Perspective, Scale


DEFAULT_LANGUAGE = "en-GB"
DEFAULT_DONT_KNOW = "Don't know / not applicable"
DEFAULT_DONT_KNOW_EASY = "I do not know"
# Easy Read calls From "the old way" and To "the new way", as ui/easy_read.py's WORDS do.
DEFAULT_PERSPECTIVES: tuple[Perspective, ...] = (
    Perspective("staff", "Staff and volunteers", "I am staff or a volunteer"),
    Perspective("people_using_services", "People who use services", "I use services"),
    Perspective("carers", "Carers and family members", "I am a carer or family member"),
    Perspective("managers", "Managers and leaders", "I am a manager or leader"),
    Perspective("commissioners", "Commissioners and funders", "I pay for or plan services"),
)
DEFAULT_LEVELS: tuple[Level, ...] = (
    Level(0, "Mostly like From", "The From statement describes us most of the time.",
          "Old way", "We work the old way nearly all the time."),
    Level(1, "More like From", "We are closer to From, with a few signs of To.",
          "Mostly old way", "We mostly work the old way. Sometimes we work the new way."),
    Level(2, "In between", "We are halfway, or it varies a lot between people and places.",
          "Half and half", "We are half way. Or it depends on who you ask."),
    Level(3, "More like To", "We are closer to To, with some From still showing.",
          "Mostly new way", "We mostly work the new way. Sometimes we slip back."),
    Level(4, "Mostly like To", "The To statement describes us most of the time.",
          "New way", "We work the new way nearly all the time."),
)
DEFAULT_BANDS: tuple[Band, ...] = (
    Band(0, "Doing to", "Decisions are made for people and their strengths are rarely used.",
         "Doing to people", "Staff decide for people. People's skills are not used much."),
    Band(25, "Doing for", "Services are well meant but designed and run for people, not with them.",
         "Doing for people", "Staff mean well. But they plan for people, not with them."),
    Band(50, "Doing with", "People are involved in real ways in places; it is not yet how everything works.",
         "Doing with people", "People help plan and run some things. It is not yet the usual way."),
    Band(75, "Co-producing", "Power, roles and contributions are shared as the normal way of working.",
         "Working together as equals", "Staff and people share power and jobs. This is the usual way."),
)
DEFAULT_SCALE = Scale(DEFAULT_LEVELS, DEFAULT_DONT_KNOW, DEFAULT_BANDS, DEFAULT_DONT_KNOW_EASY)
