"""The frozen parts of the results model: its inputs (what storage holds) and what every view shows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType

import pandas as pd

from domain.records import Action, AgreedRating
from domain.vocabulary import ActionStatus, Mode
from questions.schema import Bank
from reports.snapshot import ScoredSession
from scoring import GroupResult


# --- Inputs: one stored session, and everything a results view is built from -------------------

@dataclass(frozen=True, eq=False)
class SessionData:
    """One stored session as the results model reads it (the service layer loads it from storage)."""

    id: int
    title: str
    mode: Mode
    taken_on: date
    threshold: int
    responses: pd.DataFrame            # the answers that count, in the long format
    actions: tuple[Action, ...] = ()
    # What the session showed, kept when its answers were deleted after the retention period: used instead
    # of scoring `responses` (which are then empty).
    scored: ScoredSession | None = None


@dataclass(frozen=True, eq=False)
class ResultsInput:
    """What the results of one session are built from; `earlier` holds only what the viewer may see."""

    bank: Bank
    organisation: str
    team: str
    session: SessionData
    generated_at: datetime
    earlier: tuple[SessionData, ...] = ()   # the same team and bank, oldest first
    locked_earlier: int = 0                 # earlier sessions left out because the viewer may not see them
    agreed: Mapping[str, AgreedRating] = field(default_factory=lambda: MappingProxyType({}))


# --- Output: the parts every page, the PDF and the exports draw ---------------------------------

@dataclass(frozen=True)
class Fact:
    """A labelled fact for the title block (organisation, dates, respondents)."""

    label: str
    value: str


@dataclass(frozen=True)
class PrincipleRow:
    """One principle's group result (numbers are None where too few people answered)."""

    principle: str
    name: str
    score: float | None
    band: str | None
    target: float | None
    gap: float | None
    spread: float | None
    n: int
    dont_know: int


@dataclass(frozen=True)
class StatementRow:
    """One statement's group result; `shown` is False when too few people answered it."""

    statement: str
    number: int                 # 1-based position in the bank, as the answer form numbers it
    principle: str
    principle_name: str
    from_text: str
    to_text: str
    shown: bool
    score: float | None         # 0-100
    mean: float | None          # 0-4
    agreement: float | None     # 0-1
    n: int
    dont_know: int


@dataclass(frozen=True)
class Highlight:
    """A strength, development area or hot spot, with its From/To texts."""

    principle: str
    principle_name: str
    statement: str
    number: int
    from_text: str
    to_text: str
    score: float | None
    target: float | None
    gap: float | None
    agreement: float | None


@dataclass(frozen=True)
class PerspectiveScore:
    """A principle score seen from one perspective (or merged group) of at least `threshold` people."""

    perspective: str
    label: str
    principle: str
    name: str
    score: float | None
    n: int


@dataclass(frozen=True)
class PerspectiveGap:
    """How far perspectives differ on a principle."""

    principle: str
    name: str
    max_gap: float | None
    highest: str
    lowest: str


@dataclass(frozen=True)
class Baseline:
    """The earlier session results are compared with."""

    id: int
    mode: Mode
    title: str
    taken_on: date
    label: str


@dataclass(frozen=True)
class Change:
    """A principle's score at the baseline and now; `change` is the difference of the shown whole numbers."""

    principle: str
    name: str
    baseline: float | None
    latest: float | None
    change: int | None


@dataclass(frozen=True)
class TrendPoint:
    """One principle's score in one shown session, for the trend chart."""

    session: str
    taken_on: date
    principle: str
    name: str
    score: float | None


@dataclass(frozen=True)
class ActionRow:
    """A step in the action plan, printed as the team wrote it."""

    id: int
    principle: str
    principle_name: str
    description: str
    owner: str
    due_date: date | None
    status: ActionStatus


@dataclass(frozen=True)
class AgreedRow:
    """The rating a team agreed on for a statement after discussion."""

    statement: str
    number: int
    principle_name: str
    from_text: str
    to_text: str
    rating: int | None
    rating_label: str
    notes: str


@dataclass(frozen=True)
class CommentGroup:
    """What people wrote about one shown statement: no author, no perspective, in an order that names no one."""

    statement: str
    number: int
    comments: tuple[str, ...]


@dataclass(frozen=True, eq=False)
class Results:
    """Everything the results page, the facilitator views, the PDF and the exports show for a session.

    Built once by reports.model.build_results; renderers only draw it. No individual answers.
    """

    title: str
    organisation: str
    team: str
    mode: Mode
    bank_title: str
    bank_version: str
    taken_on: date
    generated_at: datetime
    threshold: int
    principles: tuple[tuple[str, str], ...]        # (id, name) in bank order, for the radar
    facts: tuple[Fact, ...]
    n_respondents: int
    withheld: str | None                           # the message shown instead of results, if any
    notes: tuple[str, ...]
    overall_score: float | None
    overall_band: str | None
    radar: pd.DataFrame                            # series, principle, score (Current, Target, Baseline)
    principle_rows: tuple[PrincipleRow, ...]
    statement_rows: tuple[StatementRow, ...]       # every statement, bank order
    strengths: tuple[Highlight, ...]
    development_areas: tuple[Highlight, ...]
    hot_spots: tuple[Highlight, ...]
    discussion_order: tuple[str, ...]              # every statement id: disagreements first, hidden last
    perspective_scores: tuple[PerspectiveScore, ...]
    perspective_gaps: tuple[PerspectiveGap, ...]
    perspective_notes: tuple[str, ...]
    baseline: Baseline | None
    changes: tuple[Change, ...]
    trend: tuple[TrendPoint, ...]                  # shown earlier sessions and this one
    earlier_too_few: int                           # earlier sessions with too few answers to show
    locked_earlier: int
    actions: tuple[ActionRow, ...]
    carried_actions: tuple[ActionRow, ...]         # the baseline's actions neither done nor dropped
    agreed: tuple[AgreedRow, ...]
    comments: tuple[CommentGroup, ...]             # only for statements shown (threshold met)
    method: tuple[str, ...]
    group: GroupResult                             # the scored frames, for charts drawn from them

    def compared_perspectives(self) -> list[str]:
        """The perspective groups shown side by side, or none when only one is (its scores are the overall ones)."""
        labels = list(dict.fromkeys(score.label for score in self.perspective_scores))
        return labels if len(labels) > 1 else []
