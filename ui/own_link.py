"""Drawing a participant's own link: their answers as cards, the downloads, and the team's actions."""

from __future__ import annotations

import streamlit as st

from reports.formatting import format_date
from reports.parts import Results
from reports.spreadsheets import csv_bytes
from services.mine import OwnLink, own_answers_frame, own_answers_text
from ui.context import md


def render_own_answers(link: OwnLink) -> None:
    """Each answer as a card with its statement's number and wording (reads top to bottom on a phone)."""
    total = len(link.bank.statements)
    st.caption(f"{len(link.answers)} of {total} statements answered · "
               + ("sent" if link.sent else "not sent yet: they count only once you send them"
                  if link.assessment.is_workshop else "not sent yet"))
    if not link.answers:
        st.write("No answers are stored under this code yet.")
    for answer in link.answers:
        with st.container(border=True):
            st.markdown(f"**Statement {answer.number}** · {md(answer.principle)}")
            st.markdown(f"**From** {md(answer.from_text)}  \n**To** {md(answer.to_text)}")
            target = f"  \nWhere you want to be: **{md(answer.target_label)}**" if answer.target_label else ""
            st.markdown(f"Where you are now: **{md(answer.current_label)}**{target}")
            if answer.comment:
                st.caption("Your comment")
                st.text(answer.comment)  # printed literally


def own_downloads(link: OwnLink) -> None:
    """Download the answers as a spreadsheet (CSV) and as plain text to read or print."""
    stem = f"my-answers-{link.assessment.id}"
    left, right = st.columns(2)
    left.download_button("Download my answers (CSV)", csv_bytes(own_answers_frame(link)), f"{stem}.csv",
                         "text/csv", key="own_csv", use_container_width=True)
    right.download_button("Download my answers (text)", own_answers_text(link).encode("utf-8"), f"{stem}.txt",
                          "text/plain", key="own_text", use_container_width=True)


def render_action_progress(results: Results) -> None:
    """The team's agreed actions with their progress (status and due date), read-only."""
    if not results.actions:
        st.write("The team has not recorded any actions yet. Come back later with your code.")
        return
    for action in results.actions:
        with st.container(border=True):
            due = f" · due {format_date(action.due_date)}" if action.due_date else ""
            st.markdown(f"**{md(action.principle_name)}** · {md(action.status)}{due}")
            st.text(action.description)
