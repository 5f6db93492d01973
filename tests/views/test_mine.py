"""A participant's own link page: type or follow the code, see answers, see what came of it, delete."""

from __future__ import annotations

from sqlalchemy.engine import Engine

import storage
from domain.vocabulary import PresenterStage, SessionStatus
from tests.views.conftest import bank_row, open_page
from tests.views.signed_in import open_signed_in, texts
from ui.context import md


def _workshop(engine: Engine) -> storage.Assessment:
    team = storage.create_team(engine, "Riverside Council", "Day services")
    workshop, _key = storage.create_workshop(engine, team.id, bank_row(engine, "coproduction-quick"), "Spring",
                                             ("staff", "carers"), threshold=3)
    return workshop


def _send(engine: Engine, assessment: storage.Assessment, token: str, level: int, comment: str = "") -> None:
    bank = storage.load_bank_version(engine, assessment.bank_row_id)
    answers = {s.id: storage.Answer(s.id, level, None, comment) for s in bank.statements}
    storage.submit_response(engine, assessment.id, "staff", answers, token)


def test_mine_without_code_asks_for_it(engine: Engine) -> None:
    at = open_page("views/mine.py", holder=False)
    assert not at.exception
    assert at.text_input[0].label == "Your code"


def test_mine_typed_code_opens_own_answers(engine: Engine) -> None:
    workshop = _workshop(engine)
    _send(engine, workshop, "my-code-0123456789", 2, comment="*not* a <b>tag</b>")
    _send(engine, workshop, "other-code-0123456", 4, comment="Someone else's remark")
    at = open_page("views/mine.py", holder=False)
    at.text_input[0].input(" my-code-0123456789 ")
    at.button[0].click().run()
    assert not at.exception
    shown = texts(at)
    assert "**Statement 1** · Recognising people as assets" in shown
    assert "Where you are now: **In between**" in shown
    assert [t.value for t in at.text] == ["*not* a <b>tag</b>"] * 6
    assert "Someone else" not in shown + "".join(t.value for t in at.text)
    assert at.info[0].value == ("The group's results and the team's actions appear here once the facilitator "
                                "shows the results or closes the workshop.")


def test_mine_wrong_code_is_explained(engine: Engine) -> None:
    at = open_page("views/mine.py", holder=False, r="not-a-code")
    assert not at.exception
    assert at.error[0].value == ("**That code does not open anything**\n\nNo answers are stored under that code\\. "
                                 "Hint\\: Check the code and try again\\. If you deleted your answers, or the "
                                 "organisation's retention period has passed, they are gone and the code opens "
                                 "nothing any more\\.")


def test_mine_shows_results_and_actions_once_shown(engine: Engine) -> None:
    workshop = _workshop(engine)
    for i in range(3):
        _send(engine, workshop, f"code-{i}-0123456789", 3)
    storage.add_action(engine, workshop.id, "assets", "Ask carers to co-chair", status="in progress")
    storage.set_presenter(engine, workshop.id, stage=PresenterStage.RESULTS)
    at = open_page("views/mine.py", holder=False, r="code-0-0123456789")
    assert not at.exception
    assert at.metric[0].value == "75"
    shown = texts(at)
    assert "**Recognising people as assets** · in progress" in shown
    assert "Ask carers to co-chair" in [t.value for t in at.text]


def test_mine_delete_needs_confirmation_then_removes_everything(engine: Engine) -> None:
    workshop = _workshop(engine)
    _send(engine, workshop, "my-code-0123456789", 2)
    at = open_page("views/mine.py", holder=False, r="my-code-0123456789")
    [b for b in at.button if b.label == "Delete my answers"][0].click().run()
    assert not at.exception
    assert storage.get_respondent(engine, "my-code-0123456789") is not None
    assert at.warning[0].value == "Delete your answers for good?"
    [b for b in at.button if b.label == "Yes, delete them"][0].click().run()
    assert not at.exception
    assert storage.get_respondent(engine, "my-code-0123456789") is None
    assert at.success[0].value.startswith("Your answers are deleted.")
    again = open_page("views/mine.py", holder=False, r="my-code-0123456789")
    assert again.error[0].value.startswith("**That code does not open anything**")


def test_mine_works_in_signed_in_mode_without_an_account(engine: Engine) -> None:
    workshop = _workshop(engine)
    _send(engine, workshop, "my-code-0123456789", 1)
    storage.set_status(engine, workshop.id, SessionStatus.CLOSED)
    at = open_signed_in("views/mine.py", None, r="my-code-0123456789")
    assert not at.exception
    assert "**Statement 6**" in texts(at)
    # One respondent, threshold three: the group's results are withheld, not shown.
    assert not at.metric


def test_thank_you_page_tells_the_person_to_come_back_with_their_code(engine: Engine) -> None:
    workshop = _workshop(engine)
    respondent = storage.join(engine, workshop.id, "staff", token="my-code-0123456789")
    at = open_page("views/assess.py", session={"step": 6}, code=str(workshop.join_code), r=respondent.token)
    [b for b in at.button if b.label == "Send my answers"][0].click().run()
    assert not at.exception
    assert ("Your code is **my\\-code\\-0123456789**. Keep it: with it you can come back to see your answers "
            "(or delete them) and, once the results are shared, what the group found and what the team does "
            "about it.") in texts(at)
    links = [link for link in at.get("page_link") if link.proto.label == "Your answers and what came of them"]
    assert [(link.proto.page, link.proto.query_string) for link in links] == [("mine", "r=my-code-0123456789")]


def test_mine_in_easy_read_shows_the_easy_read_wording(engine: Engine) -> None:
    workshop = _workshop(engine)
    _send(engine, workshop, "my-code-0123456789", 0)
    bank = storage.load_bank_version(engine, workshop.bank_row_id)
    first = bank.statements[0]
    at = open_page("views/mine.py", holder=False, r="my-code-0123456789", er="1")
    assert not at.exception
    shown = texts(at)
    assert f"**To** {md(first.easy_read_to)}" in shown and md(first.to_text) not in shown
    assert f"Where you are now: **{bank.scale.label(0, True)}**" in shown
    at.toggle[0].set_value(False).run()
    assert f"Where you are now: **{bank.scale.label(0)}**" in texts(at)


def test_mine_unsent_answers_offer_to_carry_on(engine: Engine) -> None:
    workshop = _workshop(engine)
    respondent = storage.join(engine, workshop.id, "staff", token="my-code-0123456789")
    storage.save_answer(engine, respondent.id, "quick-assets", 3, None, "")
    at = open_page("views/mine.py", holder=False, r="my-code-0123456789")
    assert not at.exception
    links = [(link.proto.page, link.proto.query_string) for link in at.get("page_link")
             if link.proto.label == "Carry on answering"]
    assert links == [("assess", f"code={workshop.join_code}&r=my-code-0123456789")]
    assert "1 of 6 statements answered · not sent yet: they count only once you send them" in texts(at)
