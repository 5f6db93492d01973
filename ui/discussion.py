"""Discussion mode on the facilitator's device: the stored statement, its spread, the agreed rating and actions.

Everything here is bound to the statement's id, never to its place in a list: answers arriving re-sort the
"disagreements first" order, and the statement under discussion, its forms and their saves must not move.
The statement under discussion is stored (services.presenting), so the projector follows this device.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import streamlit as st

from domain.records import Assessment
from domain.vocabulary import DiscussionOrder
from i18n import N_, _
from questions.errors import ProjectError
from questions.schema import Bank
from reports.formatting import percent, whole
from reports.parts import Results
from services.plans import add_action, agreed_rating, set_agreed
from services.presenting import Discussion, discussion, move, set_order, spread_of
from services.results import results_for
from services.access import FULL_ACCESS
from services.sessions import get_session
from ui.context import engine, md, show_error
from ui.refresh import REFRESH_SECONDS, recheck
from ui.presenter_html import STYLE, small_spread

NOT_AGREED = "none"
ORDER_LABELS = {DiscussionOrder.DISAGREEMENTS: N_("Disagreements first"), DiscussionOrder.BANK: N_("By principle")}


def _keys(assessment_id: int, statement_id: str) -> dict[str, str]:
    """Widget and message keys of one statement's forms (the statement's id, never its position)."""
    stem = f"{assessment_id}_{statement_id}"
    return {"rating": f"agreed_rating_{stem}", "notes": f"agreed_notes_{stem}", "what": f"action_what_{stem}",
            "who": f"action_who_{stem}", "when": f"action_when_{stem}"}


def _flash(assessment_id: int, name: str, statement_id: str, value: Any = True) -> None:
    """Remember a message for the next run, tied to the statement it is about."""
    st.session_state[f"discussion_{name}_{assessment_id}"] = (statement_id, value)


def _take_flash(assessment_id: int, name: str, statement_id: str) -> Any:
    """The message for this statement, once (None when there is none)."""
    held = st.session_state.pop(f"discussion_{name}_{assessment_id}", None)
    return held[1] if isinstance(held, tuple) and held[0] == statement_id else None


def _save_agreed(assessment_id: int, statement_id: str) -> None:
    """Save callback: writes the values of *this* statement's form, whatever the page shows after the click."""
    keys = _keys(assessment_id, statement_id)
    rating = st.session_state.get(keys["rating"], NOT_AGREED)
    notes = st.session_state.get(keys["notes"], "")
    try:
        set_agreed(engine(), assessment_id, statement_id, None if rating == NOT_AGREED else int(rating), notes)
    except ProjectError as error:
        _flash(assessment_id, "error", statement_id, error)
    else:
        _flash(assessment_id, "saved", statement_id)


def _add_action(assessment_id: int, statement_id: str, principle: str) -> None:
    """Add-action callback: an action on the principle of the statement being discussed."""
    keys = _keys(assessment_id, statement_id)
    description = str(st.session_state.get(keys["what"], "")).strip()
    owner = str(st.session_state.get(keys["who"], "")).strip()
    due = st.session_state.get(keys["when"])
    if not description:
        _flash(assessment_id, "action_missing", statement_id)
        return
    try:
        add_action(engine(), assessment_id, principle, description, owner, due if isinstance(due, dt.date) else None)
    except ProjectError as error:
        _flash(assessment_id, "error", statement_id, error)
    else:
        _flash(assessment_id, "action_added", statement_id)


def _change_order(assessment_id: int, key: str) -> None:
    """Order callback: store the order chosen; the statement under discussion stays."""
    set_order(engine(), assessment_id, DiscussionOrder(st.session_state[key]))


def step(assessment_id: int, ids: tuple[str, ...], from_statement: str, by: int) -> None:
    """Previous/Next callback: move on from the statement this device showed when it was clicked."""
    move(engine(), assessment_id, ids, from_statement, by)


def _synced(key: str, stored: object) -> None:
    """Show what storage holds in a keyed widget (another device may have changed it since this one drew it)."""
    if st.session_state.get(key) != stored:
        st.session_state[key] = stored


def render_discussion(assessment: Assessment, bank: Bank, results: Results) -> None:
    """The statement under discussion (stored), its spread, the agreed rating and an action, bound to its id."""
    place = discussion(engine(), assessment, bank, results)
    order_key = f"disc_order_{assessment.id}"
    _synced(order_key, place.order)
    st.radio(_("Order"), list(DiscussionOrder), horizontal=True, key=order_key,
             format_func=lambda order: _(ORDER_LABELS[DiscussionOrder(order)]),
             on_change=_change_order, args=(assessment.id, order_key))
    sid = place.current
    back, forward = st.columns(2)
    back.button(_("Previous statement"), disabled=place.position == 0, width="stretch", key=f"disc_back_{assessment.id}",
                on_click=step, args=(assessment.id, place.ids, sid, -1))
    forward.button(_("Next statement"), disabled=place.position >= len(place.ids) - 1, width="stretch",
                   key=f"disc_next_{assessment.id}", on_click=step, args=(assessment.id, place.ids, sid, 1))
    _statement_panel(assessment, bank, place)
    _agreed_form(assessment, bank, sid)
    _action_form(assessment, bank, results, sid)


@st.fragment(run_every=REFRESH_SECONDS)
def _statement_panel(assessment: Assessment, bank: Bank, shown: Discussion) -> None:
    """The statement and its spread, refreshed from storage; follows the projector when it moves on."""
    recheck(assessment)
    try:
        fresh = get_session(engine(), assessment.id) or assessment
        results = results_for(engine(), fresh, FULL_ACCESS, history=False)
        place = discussion(engine(), fresh, bank, results)
    except ProjectError as error:
        show_error(error, _("The discussion could not be refreshed just now"))
        return
    except Exception:  # a database blip must not end the workshop: say so and try again next tick
        logging.getLogger("coproduction").exception("Discussion refresh failed")
        st.warning(_("The discussion could not reach the database just now. It tries again every few seconds."))
        return
    if (place.current, place.order) != (shown.current, shown.order):
        st.rerun(scope="app")  # another device moved on: redraw this statement's forms too
    _statement(bank, results, place)


def _statement(bank: Bank, results: Results, place: Discussion) -> None:
    """Where we are, the From/To wording, the spread or why it is not shown, and the prompt."""
    statement = bank.statement(place.current)
    row = next(r for r in results.statement_rows if r.statement == statement.id)
    shown = row.shown and not results.withheld
    hidden = "" if shown else " · " + _("too few answers to show yet")
    st.caption(_("Statement {position} of {total} · number {number} · {principle}").format(
        position=place.position + 1, total=len(place.ids), number=row.number, principle=md(row.principle_name))
        + hidden)
    left, right = st.columns(2)
    left.markdown(f"**{_('From')}**\n\n{md(statement.from_text)}")
    right.markdown(f"**{_('To')}**\n\n{md(statement.to_text)}")
    if not shown:
        st.info(_("This statement's spread appears once at least {n} people have answered it "
                  "(don't know does not count).").format(n=results.threshold))
    spread = spread_of(results, bank, statement.id)
    if shown:
        # The bar the projector shows, at this page's size: it fits a phone's width, and says its counts.
        st.html(STYLE + small_spread(spread.counts))
        st.caption(_("Score {score} of 100 · agreement {agreement} · {n} answers, {dont_know} don't know").format(
            score=whole(row.score), agreement=percent(row.agreement), n=row.n, dont_know=row.dont_know))
    if statement.prompt:
        st.markdown(f"**{_('To discuss:')}** {md(statement.prompt)}")
    if spread.comments:
        # Only shown statements have comments in the model; no author, no perspective, an order naming no one.
        st.markdown(f"**{_('What people wrote')}** ({len(spread.comments)})")
        # A line break inside a comment stays inside its list item.
        st.markdown("\n".join(f"- {md(comment)}".replace("\n", "  \n  ") for comment in spread.comments))


def _agreed_form(assessment: Assessment, bank: Bank, sid: str) -> None:
    """The agreed rating and notes, drawn from storage and saved by a callback bound to the statement's id."""
    keys = _keys(assessment.id, sid)
    agreed = agreed_rating(engine(), assessment.id, sid)
    levels = [NOT_AGREED] + [level.value for level in bank.scale.levels]
    labels = {level.value: f"{level.value} · {level.label}" for level in bank.scale.levels}
    current = agreed.rating if agreed and agreed.rating is not None else NOT_AGREED
    with st.form(f"agree_{assessment.id}_{sid}"):
        st.radio(_("Agreed group rating"), levels, index=levels.index(current), horizontal=True, key=keys["rating"],
                 format_func=lambda v: _("Not agreed yet") if v == NOT_AGREED else md(labels[int(v)]))
        st.text_area(_("Notes from the discussion"), value=agreed.notes if agreed else "", max_chars=10_000,
                     key=keys["notes"])
        st.form_submit_button(_("Save the agreed rating"), on_click=_save_agreed, args=(assessment.id, sid))
    error = _take_flash(assessment.id, "error", sid)
    if isinstance(error, ProjectError):
        show_error(error, _("The agreed rating was not saved"))
    if _take_flash(assessment.id, "saved", sid):
        st.success(_("Saved"), icon=":material/check:")


def _action_form(assessment: Assessment, bank: Bank, results: Results, sid: str) -> None:
    """Add an action on this statement's principle without leaving the discussion; list the principle's actions."""
    keys = _keys(assessment.id, sid)
    principle = bank.statement(sid).principle_id
    name = bank.principle(principle).name
    with st.form(f"discussion_action_{assessment.id}_{sid}", clear_on_submit=True):
        st.markdown("**" + _("Add an action on {principle}").format(principle=md(name)) + "**")
        st.text_area(_("What will we do?"), max_chars=10_000, key=keys["what"])
        who, when = st.columns(2)
        who.text_input(_("Who will lead it?"), key=keys["who"])
        when.date_input(_("By when?"), value=dt.date.today() + dt.timedelta(days=90), format="DD/MM/YYYY",
                        key=keys["when"])
        st.form_submit_button(_("Add action"), on_click=_add_action, args=(assessment.id, sid, principle))
    if _take_flash(assessment.id, "action_missing", sid):
        st.error(_("Describe the action before adding it."))
    if _take_flash(assessment.id, "action_added", sid):
        st.success(_("Action added"), icon=":material/check:")
    planned = [action for action in results.actions if action.principle == principle]
    if planned:
        st.caption(_("Actions on {principle} so far:").format(principle=md(name)))
        for action in planned:
            owner = f" ({md(action.owner)})" if action.owner else ""
            st.markdown(f"- {md(action.description)}{owner}")
