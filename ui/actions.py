"""The action plan editor: add, edit and remove agreed actions."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from domain.records import Assessment
from domain.vocabulary import ActionStatus, Mode
from i18n import _
from questions.errors import ProjectError
from reports.formatting import format_date, status_label
from reports.method import OWN_LINK_NOTE
from reports.parts import Results
from services.plans import add_action, delete_action, update_action
from ui.context import engine, md, show_error

STATUSES = tuple(ActionStatus)


def render_actions(assessment: Assessment, results: Results, editable: bool = True) -> None:
    """List the actions; with `editable`, forms to add and update them."""
    names = dict(results.principles)
    st.caption(_(OWN_LINK_NOTE))
    if not results.actions:
        st.write(_("No actions agreed yet."))
    for action in results.actions:
        due = (" · " + _("due {date}").format(date=format_date(action.due_date, short=True))
               if action.due_date else "")
        owner = f" · {md(action.owner)}" if action.owner else ""
        with st.expander(f"{md(action.principle_name)}: {md(action.description[:80])} "
                         f"({status_label(action.status)}{due})"):
            st.text(action.description)
            st.caption((_("Owner") + owner if owner else _("Owner: not set")) + due)
            if not editable:
                continue
            with st.form(f"edit_action_{action.id}"):
                status = st.selectbox(_("Status"), STATUSES, format_func=status_label, index=STATUSES.index(action.status) if action.status in STATUSES else 0)
                owner_new = st.text_input(_("Owner"), value=action.owner)
                due_new = st.date_input(_("Due date"), value=action.due_date, format="DD/MM/YYYY")
                description = st.text_area(_("Description"), value=action.description, max_chars=10_000)
                save, remove = st.columns(2)
                saved = save.form_submit_button(_("Save changes"))
                removed = remove.form_submit_button(_("Delete this action"))
            try:
                if saved:
                    update_action(engine(), action.id, ActionStatus(status), owner_new, description,
                                  due_new if isinstance(due_new, dt.date) else None)
                    st.rerun()
                if removed:
                    delete_action(engine(), action.id)
                    st.rerun()
            except ProjectError as error:
                show_error(error)
    if not editable:
        return
    with st.form(f"new_action_{assessment.id}", clear_on_submit=True):
        st.markdown("**" + _("Add an action") + "**")
        principle = st.selectbox(_("Principle"), list(names), format_func=lambda pid: names[pid])
        description = st.text_area(_("What will we do?"), max_chars=10_000)
        owner = st.text_input(_("Who will lead it?"))
        due_date = st.date_input(_("By when?"), value=dt.date.today() + dt.timedelta(days=90), format="DD/MM/YYYY")
        if st.form_submit_button(_("Add action"), type="primary"):
            if not description.strip():
                st.error(_("Describe the action before adding it."))
            else:
                try:
                    add_action(engine(), assessment.id, principle, description.strip(), owner.strip(),
                               due_date if isinstance(due_date, dt.date) else None)
                except ProjectError as error:
                    show_error(error)
                else:
                    st.rerun()


def render_still_open(results: Results) -> None:
    """The baseline's actions not yet done or dropped (the same baseline as the PDF), with where to update them."""
    baseline = results.baseline
    if baseline is None or not results.carried_actions:
        return
    st.subheader(_("Still open from {title}").format(title=md(baseline.title)))
    for action in results.carried_actions:
        due = (" · " + _("due {date}").format(date=format_date(action.due_date, short=True))
               if action.due_date else "")
        owner = f" · {md(action.owner)}" if action.owner else ""
        st.markdown(f"- **{md(action.principle_name)}**: {md(action.description)} "
                    f"({status_label(action.status)}{owner}{due})")
    page = "views/facilitate.py" if baseline.mode is Mode.WORKSHOP else "views/results.py"
    st.page_link(page, label=_("Update them in {title}").format(title=md(baseline.title)),
                 query_params={"a": str(baseline.id)},
                 icon=":material/edit:")
