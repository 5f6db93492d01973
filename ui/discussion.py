"""Discussion mode: step through statements, show the spread, record the agreed rating."""

from __future__ import annotations

import streamlit as st

from domain.records import Assessment
from questions.errors import ProjectError
from questions.schema import Bank
from reports.formatting import one_decimal, percent
from reports.parts import Results
from services.plans import agreed_rating, set_agreed
from ui.context import engine, md, show_error
from ui.results_view import show_distribution

NOT_AGREED = "none"


def render_discussion(assessment: Assessment, bank: Bank, results: Results) -> None:
    """One statement at a time with its spread, prompt, and the group's agreed rating."""
    order = st.radio(
        "Order", ["hot", "bank"], horizontal=True,
        format_func=lambda o: {"hot": "Disagreements first", "bank": "By principle"}[o],
        key=f"disc_order_{assessment.id}",
    )
    ids = list(results.discussion_order) if order == "hot" else list(bank.statement_ids)
    pos_key = f"disc_pos_{assessment.id}"
    pos = min(st.session_state.get(pos_key, 0), len(ids) - 1)
    statement = bank.statement(ids[pos])
    st.caption(f"Statement {pos + 1} of {len(ids)} · {md(bank.principle(statement.principle_id).name)}")
    left, right = st.columns(2)
    left.markdown(f"**From**\n\n{md(statement.from_text)}")
    right.markdown(f"**To**\n\n{md(statement.to_text)}")
    row = next(r for r in results.statement_rows if r.statement == statement.id)
    if results.withheld or not row.shown:
        st.info("The spread of answers appears once enough people have answered.")
    else:
        show_distribution(results, bank, [statement.id], f"dist_{statement.id}")
        st.caption(f"Mean {one_decimal(row.mean)} of 4 · agreement {percent(row.agreement)} · {row.n} answers, "
                   f"{row.dont_know} don't know")
    if statement.prompt:
        st.markdown(f"**To discuss:** {md(statement.prompt)}")
    agreed = agreed_rating(engine(), assessment.id, statement.id)
    levels = [NOT_AGREED] + [level.value for level in bank.scale.levels]
    labels = {level.value: f"{level.value} · {level.label}" for level in bank.scale.levels}
    with st.form(f"agree_{assessment.id}_{statement.id}"):
        current = agreed.rating if agreed and agreed.rating is not None else NOT_AGREED
        rating = st.radio("Agreed group rating", levels, index=levels.index(current), horizontal=True,
                          format_func=lambda v: "Not agreed yet" if v == NOT_AGREED else labels[int(v)])
        notes = st.text_area("Notes from the discussion", value=agreed.notes if agreed else "", max_chars=10_000)
        if st.form_submit_button("Save the agreed rating"):
            try:
                set_agreed(engine(), assessment.id, statement.id, None if rating == NOT_AGREED else int(rating), notes)
            except ProjectError as error:
                show_error(error)
            else:
                st.toast("Saved")
    back, forward = st.columns(2)
    if back.button("Previous statement", disabled=pos == 0, use_container_width=True):
        st.session_state[pos_key] = pos - 1
        st.rerun()
    if forward.button("Next statement", disabled=pos >= len(ids) - 1, use_container_width=True):
        st.session_state[pos_key] = pos + 1
        st.rerun()
