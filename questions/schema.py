"""Typed, immutable objects that a question bank is made of."""

from __future__ import annotations

from dataclasses import dataclass, field
from dataclasses import replace as replace_fields
from typing import NamedTuple

from questions.translations import Translation, apply, primary, text_direction


def _pick(easy_read: bool, easy: str | None, standard: str) -> str:
    """The Easy Read text where asked for and given, else the standard text."""
    return easy if easy_read and easy else standard


@dataclass(frozen=True)
class Level:
    """One point of the answer scale (0 = mostly like From, 4 = mostly like To)."""

    value: int
    label: str
    description: str
    easy_read_label: str | None = None
    easy_read_description: str | None = None

    def texts(self, easy_read: bool = False) -> tuple[str, str]:
        """The (label, description), in Easy Read where asked for and available."""
        return (_pick(easy_read, self.easy_read_label, self.label),
                _pick(easy_read, self.easy_read_description, self.description))


@dataclass(frozen=True)
class Band:
    """A named range of principle scores (0-100), from `min_score` up to the next band."""

    min_score: float
    name: str
    description: str
    easy_read_name: str | None = None
    easy_read_description: str | None = None

    def texts(self, easy_read: bool = False) -> tuple[str, str]:
        """The (name, description), in Easy Read where asked for and available."""
        return (_pick(easy_read, self.easy_read_name, self.name),
                _pick(easy_read, self.easy_read_description, self.description))


@dataclass(frozen=True)
class Scale:
    """The answer scale: levels, the don't-know answer and score bands."""

    levels: tuple[Level, ...]
    dont_know_label: str
    bands: tuple[Band, ...]
    easy_read_dont_know: str | None = None

    @property
    def min(self) -> int:
        """Lowest level value."""
        return min(level.value for level in self.levels)

    @property
    def max(self) -> int:
        """Highest level value."""
        return max(level.value for level in self.levels)

    def level(self, value: int) -> Level:
        """The level with this value (KeyError if the scale has none)."""
        for level in self.levels:
            if level.value == value:
                return level
        raise KeyError(value)

    def label(self, value: int, easy_read: bool = False) -> str:
        """A level's label, in Easy Read where asked for and available."""
        return self.level(value).texts(easy_read)[0]

    def description(self, value: int, easy_read: bool = False) -> str:
        """A level's description ('' if none), in Easy Read where asked for and available."""
        return self.level(value).texts(easy_read)[1]

    def dont_know(self, easy_read: bool = False) -> str:
        """The label of the don't-know answer, in Easy Read where asked for and available."""
        return _pick(easy_read, self.easy_read_dont_know, self.dont_know_label)

    def band_for(self, score: float) -> Band:
        """The band a 0-100 score falls in (the highest band whose min_score <= score)."""
        ordered = sorted(self.bands, key=lambda band: band.min_score)
        chosen = ordered[0]
        for band in ordered:
            if score >= band.min_score:
                chosen = band
        return chosen


@dataclass(frozen=True)
class Perspective:
    """A point of view respondents answer from (staff, carers, ...)."""

    id: str
    label: str
    easy_read_label: str | None = None

    def text(self, easy_read: bool = False) -> str:
        """The label, in Easy Read where asked for and available."""
        return _pick(easy_read, self.easy_read_label, self.label)


@dataclass(frozen=True)
class Statement:
    """One From/To pair describing traditional versus co-produced practice."""

    id: str
    principle_id: str
    from_text: str
    to_text: str
    easy_read_from: str | None = None
    easy_read_to: str | None = None
    prompt: str | None = None
    references: tuple[str, ...] = ()
    picture: str | None = None  # an id from questions/pictures (see questions.pictograms)

    def texts(self, easy_read: bool = False) -> tuple[str, str]:
        """The (from, to) texts, in Easy Read where asked for and available."""
        if easy_read and self.easy_read_from and self.easy_read_to:
            return self.easy_read_from, self.easy_read_to
        return self.from_text, self.to_text


class PrincipleTexts(NamedTuple):
    """What a participant reads about a principle, in one reading mode."""

    name: str
    definition: str
    guidance: str


@dataclass(frozen=True)
class Principle:
    """A principle of co-production with its statements."""

    id: str
    name: str
    definition: str
    guidance: str
    statements: tuple[Statement, ...]
    easy_read_name: str | None = None
    easy_read_definition: str | None = None
    easy_read_guidance: str | None = None

    def texts(self, easy_read: bool = False) -> PrincipleTexts:
        """Name, definition and guidance, each in Easy Read where asked for and available."""
        return PrincipleTexts(_pick(easy_read, self.easy_read_name, self.name),
                              _pick(easy_read, self.easy_read_definition, self.definition),
                              _pick(easy_read, self.easy_read_guidance, self.guidance))


@dataclass(frozen=True)
class Bank:
    """A whole question bank, as loaded and validated from YAML."""

    id: str
    title: str
    version: str
    language: str
    description: str
    scale: Scale
    principles: tuple[Principle, ...]
    perspectives: tuple[Perspective, ...]
    references: tuple[str, ...] = ()
    easy_read_title: str | None = None
    easy_read_description: str | None = None
    # Other languages' texts (questions/translations.py); they never change ids, values or scoring.
    translations: tuple[Translation, ...] = field(default=(), repr=False, compare=False, hash=False)
    # The bank in its own language, when this is a translated copy of it.
    original: Bank | None = field(default=None, repr=False, compare=False, hash=False)
    # Translated copies made by in_language, by language tag (a bank is immutable, so they stay right).
    _copies: dict[str, Bank] = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)
    _by_id: dict[str, Statement] = field(default_factory=dict, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        # Frozen dataclass: fill the lookup once through object.__setattr__.
        object.__setattr__(self, "_by_id", {s.id: s for p in self.principles for s in p.statements})

    def texts(self, easy_read: bool = False) -> tuple[str, str]:
        """The (title, description), in Easy Read where asked for and available."""
        return (_pick(easy_read, self.easy_read_title, self.title),
                _pick(easy_read, self.easy_read_description, self.description))

    @property
    def languages(self) -> tuple[str, ...]:
        """The bank's own language first, then each language it is translated into."""
        root = self.original or self
        return (root.language, *(t.language for t in root.translations))

    def translation(self, language: str) -> Translation | None:
        """The translation into this language ('cy' also finds 'cy-GB'), or None."""
        root = self.original or self
        exact = [t for t in root.translations if t.language.lower() == language.lower()]
        close = exact or [t for t in root.translations if primary(t.language) == primary(language)]
        return close[0] if close else None

    def in_language(self, language: str) -> Bank:
        """The same bank (ids, values, scoring) with its texts in this language.

        A language the bank is not translated into gives the bank in its own language.
        """
        root = self.original or self
        if primary(language) == primary(root.language):
            return root
        chosen = self.translation(language)
        if chosen is None:
            return root
        copy = root._copies.get(chosen.language)
        if copy is None:
            copy = replace_fields(apply(root, chosen), original=root)
            root._copies[chosen.language] = copy  # a race only builds an equal copy twice
        return copy

    @property
    def translation_status(self) -> str | None:
        """The review status of this copy's translation (None for the bank in its own language)."""
        if self.original is None:
            return None
        chosen = self.translation(self.language)
        return chosen.status if chosen else None

    @property
    def text_direction(self) -> str:
        """'rtl' when this copy's language is written right to left, else 'ltr'."""
        return text_direction(self.language)

    @property
    def statements(self) -> tuple[Statement, ...]:
        """Every statement, in bank order."""
        return tuple(s for p in self.principles for s in p.statements)

    @property
    def statement_ids(self) -> tuple[str, ...]:
        """Every statement id, in bank order."""
        return tuple(s.id for s in self.statements)

    def statement(self, statement_id: str) -> Statement:
        """The statement with this id (KeyError if unknown)."""
        return self._by_id[statement_id]

    def principle(self, principle_id: str) -> Principle:
        """The principle with this id (KeyError if unknown)."""
        for principle in self.principles:
            if principle.id == principle_id:
                return principle
        raise KeyError(principle_id)

    def principle_of(self, statement_id: str) -> Principle:
        """The principle a statement belongs to."""
        return self.principle(self.statement(statement_id).principle_id)
