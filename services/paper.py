"""Paper answers: the printable pack, and responses a facilitator types in from it (marked as from paper)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.engine import Engine

import storage
from domain.records import Answer, Assessment, Respondent
from domain.vocabulary import ResponseSource


def paper_pack_pdf(engine: Engine, assessment: Assessment, link: str | None, easy_read: bool = False) -> bytes:
    """The session's answer pack (PDF), standard or Easy Read; the join code only while people can join."""
    from reports.paper import paper_pack  # the PDF stack loads only when a pack is made

    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    code = assessment.join_code if assessment.is_open else None
    return paper_pack(bank, assessment.title, join_code=code, link=link if code else None, easy_read=easy_read)


def enter_paper_response(engine: Engine, assessment: Assessment, perspective: str, answers: Mapping[str, Answer],
                         entry_id: str) -> Respondent:
    """Store one person's paper answers as a sent response marked as from paper.

    `entry_id` names this typing-in: saving it twice (a double click, a retry) stores it once.
    """
    return storage.submit_response(engine, assessment.id, perspective, answers, f"paper-{entry_id}",
                                   source=ResponseSource.PAPER)


def paper_responses(engine: Engine, assessment: Assessment) -> int:
    """How many sent responses of this session were typed in from paper."""
    return storage.sent_by_source(engine, assessment.id)[ResponseSource.PAPER]
