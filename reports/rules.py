"""The rules that decide what a results view shows, each written once.

Which earlier session is the baseline and at what threshold, the change as the difference of the shown
numbers, which actions are still open, the order statements are discussed in; and each session scored once.
`reports.model.build_results` applies them; pages, the PDF, the slides and the exports never re-derive them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from domain.records import Action
from questions.schema import Bank
from i18n import _
from reports.formatting import format_date
from reports.parts import SessionData, StatementRow
from reports.snapshot import restrict, restrict_perspectives
from scoring import GroupResult, PerspectiveResult, score_all, score_group, score_perspectives


def effective_threshold(earlier: SessionData, current: int) -> int:
    """An earlier session is scored at the stricter of its own threshold and the current one.

    A one-person session must not show through a later assessment that needs fewer people.
    """
    return max(earlier.threshold, current)


def scored_group(session: SessionData, bank: Bank, threshold: int) -> GroupResult:
    """A session's group result at a threshold: from its answers, or from its snapshot once they are deleted."""
    if session.scored is not None:
        return restrict(session.scored.group, threshold)
    return score_group(session.responses, bank, threshold=threshold)


def scored_perspectives(session: SessionData, bank: Bank, threshold: int) -> PerspectiveResult:
    """A session's perspective scores: from its answers, or from its snapshot once they are deleted."""
    if session.scored is not None:
        return restrict_perspectives(session.scored.perspectives, threshold)
    return score_perspectives(session.responses, bank, threshold=threshold)


def scored_session(session: SessionData, bank: Bank, threshold: int) -> tuple[GroupResult, PerspectiveResult]:
    """Group and perspective results of a session: its answers coded once, or its snapshot once they are deleted."""
    if session.scored is not None:
        return scored_group(session, bank, threshold), scored_perspectives(session, bank, threshold)
    return score_all(session.responses, bank, threshold=threshold)


def kept_notes(session: SessionData) -> tuple[str, ...]:
    """A note when the session's answers were deleted after the retention period (its scores are kept)."""
    deleted = session.scored.answers_deleted_at if session.scored is not None else None
    if deleted is None:
        return ()
    return (_("The individual answers were deleted on {date}, after the organisation's retention period; the "
              "scores shown are those the session showed then.").format(date=format_date(deleted)),)


def choose_baseline(scored: Sequence[tuple[SessionData, GroupResult]]) -> tuple[SessionData, GroupResult] | None:
    """The baseline: the latest earlier session with enough answers to show (oldest-first input)."""
    for session, result in reversed(scored):
        if not result.withheld:
            return session, result
    return None


def shown_change(baseline: float | None, latest: float | None) -> int | None:
    """The change as the difference of the whole numbers shown, so "58, 92" never reads "+33"."""
    if baseline is None or latest is None:
        return None
    return round(latest) - round(baseline)


def still_open(actions: Iterable[Action]) -> list[Action]:
    """Actions neither done nor dropped."""
    return [action for action in actions if action.status.is_open]


def session_label(session: SessionData) -> str:
    """How a session is named on charts and in reports: its title and date."""
    return f"{session.title} ({format_date(session.taken_on, short=True)})"


def counted_label(result: GroupResult) -> str:
    """'5 respondents', or 'fewer than 3' when the group is too small to count in public."""
    return _("fewer than {n}").format(n=result.threshold) if result.withheld else str(result.n_respondents)


def discussion_order(rows: Sequence[StatementRow]) -> tuple[str, ...]:
    """Every statement: least agreement first (ties in bank order), then those too few answered, in bank order."""
    shown = sorted((row for row in rows if row.shown and row.agreement is not None),
                   key=lambda row: row.agreement if row.agreement is not None else 1.0)
    rest = [row for row in rows if not (row.shown and row.agreement is not None)]
    return tuple(row.statement for row in [*shown, *rest])
