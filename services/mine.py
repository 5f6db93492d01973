"""A participant's own link (issue 11 point 6, issue 12 point 9): their answers by resume code, and what came of it.

No account is needed: the resume code is the key. It opens that one person's answers (to read, download
or delete) and, once the session is closed or its results were shown, the group's results as the
threshold allows and the team's actions. Never anyone else's answers.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy.engine import Engine

import storage
from domain.records import Assessment, Respondent
from domain.vocabulary import AuditAction, PresenterStage
from questions.schema import Bank
from reports.formatting import format_date
from reports.parts import Results
from services.access import Viewer
from services.answering import respondent as respondent_by_code
from services.audit import log_session
from services.results import results_for
from storage import StorageError

UNKNOWN_CODE = "No answers are stored under that code."
UNKNOWN_CODE_HINT = ("Check the code and try again. If you deleted your answers, or the organisation's "
                     "retention period has passed, they are gone and the code opens nothing any more.")
# The same message for a mistyped code and a deleted one: it never confirms that a code once existed.
DELETED_DETAILS = "a participant deleted their own answers with their resume code; results now leave them out"
# Shown stages: the facilitator has put the group's results on the projector.
_SHOWN_STAGES = (PresenterStage.RESULTS, PresenterStage.DISCUSSION)

COLUMNS = ("number", "principle", "from", "to", "current", "current_label", "target", "target_label", "comment")


@dataclass(frozen=True)
class OwnAnswer:
    """One of the person's answers, with the statement as the form showed it."""

    number: int
    principle: str
    from_text: str
    to_text: str
    current: int | None          # None: don't know
    current_label: str
    target: int | None
    target_label: str
    comment: str


@dataclass(frozen=True)
class OwnLink:
    """What a resume code opens: whose session, and that person's own answers."""

    code: str
    respondent: Respondent
    assessment: Assessment
    organisation: str
    team: str
    bank: Bank
    answers: tuple[OwnAnswer, ...]

    @property
    def sent(self) -> bool:
        """Whether the person pressed Send."""
        return self.respondent.submitted_at is not None


class _ThisSessionOnly:
    """A participant sees the results of their own session only (no trend from other sessions)."""

    def __init__(self, assessment_id: int) -> None:
        self.assessment_id = assessment_id

    def may_see(self, assessment: Assessment) -> bool:
        """Only the participant's own session."""
        return assessment.id == self.assessment_id


def _unknown() -> StorageError:
    return StorageError(UNKNOWN_CODE, hint=UNKNOWN_CODE_HINT)


def _find(engine: Engine, code: str | None) -> Respondent:
    """The respondent of a code as typed (surrounding spaces ignored), or the one clear error."""
    found = respondent_by_code(engine, (code or "").strip() or None)
    if found is None:
        raise _unknown()
    return found


def own_answers(bank: Bank, stored: dict[str, storage.Answer], easy_read: bool = False) -> tuple[OwnAnswer, ...]:
    """The stored answers in the form's order and numbering, with the scale's words (Easy Read where asked)."""
    found = []
    for number, statement in enumerate(bank.statements, start=1):
        answer = stored.get(statement.id)
        if answer is None:
            continue
        principle = next(p.texts(easy_read).name for p in bank.principles if p.id == statement.principle_id)
        scale = bank.scale
        current = scale.dont_know(easy_read) if answer.current is None else scale.label(answer.current, easy_read)
        target = "" if answer.target is None else scale.label(answer.target, easy_read)
        from_text, to_text = statement.texts(easy_read)
        found.append(OwnAnswer(number, principle, from_text, to_text, answer.current, current, answer.target,
                               target, answer.comment))
    return tuple(found)


def open_own_link(engine: Engine, code: str | None, easy_read: bool = False) -> OwnLink:
    """What this resume code opens; a wrong or deleted code raises StorageError with one clear message."""
    respondent = _find(engine, code)
    assessment = storage.get_assessment(engine, respondent.assessment_id)
    if assessment is None:
        raise _unknown()
    team = storage.get_team(engine, assessment.team_id)
    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    # The code as the person gave it (how codes are stored is storage's business: it may keep only a digest).
    return OwnLink(code=(code or "").strip(), respondent=respondent, assessment=assessment,
                   organisation=team.organisation if team else "", team=team.name if team else "", bank=bank,
                   answers=own_answers(bank, storage.get_answers(engine, respondent.id), easy_read))


def own_answers_frame(link: OwnLink) -> pd.DataFrame:
    """The person's answers as a table to download (CSV): statement number and wording, ratings, comment."""
    rows = [(a.number, a.principle, a.from_text, a.to_text, a.current, a.current_label, a.target, a.target_label,
             a.comment) for a in link.answers]
    return pd.DataFrame(rows, columns=list(COLUMNS)).astype({"current": "Int64", "target": "Int64"})


def own_answers_text(link: OwnLink) -> str:
    """The person's answers as plain text anyone can read or print."""
    sent = (f"sent on {format_date(link.respondent.submitted_at.date())}" if link.respondent.submitted_at
            else "not sent")
    lines = [f"My answers: {link.assessment.title}", f"{link.organisation} · {link.team}",
             f"{len(link.answers)} of {len(link.bank.statements)} statements answered, {sent}.", ""]
    for answer in link.answers:
        lines += [f"Statement {answer.number} ({answer.principle})", f"  From: {answer.from_text}",
                  f"  To: {answer.to_text}", f"  Where we are now: {answer.current_label}"]
        if answer.target_label:
            lines.append(f"  Where we want to be: {answer.target_label}")
        if answer.comment:
            lines.append(f"  My comment: {answer.comment}")
        lines.append("")
    return "\n".join(lines)


def results_shared(engine: Engine, assessment: Assessment) -> bool:
    """Whether participants may see the group's results: the session is closed, or the facilitator showed them."""
    if not assessment.is_open:
        return True
    if not assessment.is_workshop:
        return False
    state = storage.presenter_state(engine, assessment.id)
    return state is not None and state.stage in _SHOWN_STAGES


def not_yet_shared(assessment: Assessment) -> str:
    """What the page says while the group's results are not shown yet."""
    if assessment.is_workshop:
        return ("The group's results and the team's actions appear here once the facilitator shows the "
                "results or closes the workshop.")
    return "The group's results and the team's actions appear here once the self-assessment is closed."


def what_came_of_it(engine: Engine, link: OwnLink) -> Results | None:
    """You said, we did: the group's results (threshold applied) and actions, read afresh; None until shared."""
    assessment = storage.get_assessment(engine, link.assessment.id)
    if assessment is None or not results_shared(engine, assessment):
        return None
    return results_for(engine, assessment, _ThisSessionOnly(assessment.id))


def delete_own_answers(engine: Engine, code: str | None) -> int:
    """Delete the answers and the code itself; the group's results are then worked out without them.

    Logged without naming the person (no perspective, no device). Returns how many answers went.
    """
    respondent = _find(engine, code)
    assessment = storage.get_assessment(engine, respondent.assessment_id)
    deleted = storage.delete_respondent(engine, respondent.id)
    if assessment is not None:
        log_session(engine, Viewer(signed_in_mode=False), AuditAction.DELETION, assessment, details=DELETED_DETAILS)
    return deleted
