"""The frozen parts a report is made of (built by reports.model.build_report)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Fact:
    """A labelled fact for the title block (organisation, dates, respondents)."""

    label: str
    value: str


@dataclass(frozen=True)
class PrincipleRow:
    """One principle's group result."""

    principle: str
    name: str
    score: float | None
    band: str | None
    target: float | None
    gap: float | None
    spread: float | None
    n: int


@dataclass(frozen=True)
class Highlight:
    """A strength, development area or hot spot, with its From/To texts when it is a statement."""

    principle: str
    principle_name: str
    statement: str | None
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
class Change:
    """A principle's score at the baseline and now."""

    principle: str
    name: str
    baseline: float | None
    latest: float | None
    change: float | None


@dataclass(frozen=True)
class ActionRow:
    """A step in the action plan, printed as the team wrote it."""

    principle: str
    principle_name: str
    description: str
    owner: str
    due: str
    status: str


@dataclass(frozen=True)
class AgreedRow:
    """The rating a team agreed on for a statement after discussion."""

    statement: str
    principle_name: str
    from_text: str
    to_text: str
    rating: int | None
    rating_label: str
    notes: str


@dataclass(frozen=True, eq=False)
class Report:
    """Everything a report shows; no individual answers or comments (eq=False: it holds a DataFrame)."""

    title: str
    organisation: str
    team: str
    bank_title: str
    bank_version: str
    assessment_date: str
    generated_at: str
    threshold: int
    facts: tuple[Fact, ...]
    withheld: str | None
    notes: tuple[str, ...]
    overall_score: float | None
    overall_band: str | None
    principles: tuple[tuple[str, str], ...]
    radar: pd.DataFrame
    principle_rows: tuple[PrincipleRow, ...]
    strengths: tuple[Highlight, ...]
    development_areas: tuple[Highlight, ...]
    hot_spots: tuple[Highlight, ...]
    perspective_scores: tuple[PerspectiveScore, ...]
    perspective_gaps: tuple[PerspectiveGap, ...]
    baseline_label: str | None
    changes: tuple[Change, ...]
    actions: tuple[ActionRow, ...]
    agreed: tuple[AgreedRow, ...]
    method: tuple[str, ...]
    # The baseline's actions not yet done or dropped: what the team still owes from last time.
    carried_actions: tuple[ActionRow, ...] = ()
