"""Typed, immutable objects that a question bank is made of."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Level:
    """One point of the answer scale (0 = mostly like From, 4 = mostly like To)."""

    value: int
    label: str
    description: str


@dataclass(frozen=True)
class Band:
    """A named range of principle scores (0-100), from `min_score` up to the next band."""

    min_score: float
    name: str
    description: str


@dataclass(frozen=True)
class Scale:
    """The answer scale: levels, the don't-know answer and score bands."""

    levels: tuple[Level, ...]
    dont_know_label: str
    bands: tuple[Band, ...]

    @property
    def min(self) -> int:
        """Lowest level value."""
        return min(level.value for level in self.levels)

    @property
    def max(self) -> int:
        """Highest level value."""
        return max(level.value for level in self.levels)

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

    def texts(self, easy_read: bool = False) -> tuple[str, str]:
        """The (from, to) texts, in Easy Read where asked for and available."""
        if easy_read and self.easy_read_from and self.easy_read_to:
            return self.easy_read_from, self.easy_read_to
        return self.from_text, self.to_text


@dataclass(frozen=True)
class Principle:
    """A principle of co-production with its statements."""

    id: str
    name: str
    definition: str
    guidance: str
    statements: tuple[Statement, ...]


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
    _by_id: dict[str, Statement] = field(default_factory=dict, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        # Frozen dataclass: fill the lookup once through object.__setattr__.
        object.__setattr__(self, "_by_id", {s.id: s for p in self.principles for s in p.statements})

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
