"""Discussion mode: step through statements, show the spread, record the agreed rating."""

from __future__ import annotations

import streamlit as st

import scoring
import storage
from questions.errors import ProjectError
from questions.schema import Bank
from reports import charts
from ui.context import engine, md, show_error
from ui.results_view import show_chart

NOT_AGREED = "none"


def discussion_order(bank: Bank, result: scoring.GroupResult, order: str) -> list[str]:
    """Statement ids: lowest agreement first, or in bank order."""
    if order == "hot" and not result.withheld and not result.statements.empty:
        return list(scoring.hot_spots(result, n=len(bank.statements))["statement"])
    return list(bank.statement_ids)


def render_discussion(assessment: storage.Assessment, bank: Bank, result: scoring.GroupResult) -> None:
    """One statement at a time with its spread, prompt, and the group's agreed rating."""
    order = st.radio(
        "Order", ["hot", "bank"], horizontal=True,
        format_func=lambda o: {"hot": "Disagreements first", "bank": "By principle"}[o],
        key=f"disc_order_{assessment.id}",
    )
    ids = discussion_order(bank, result, order)
    pos_key = f"disc_pos_{assessment.id}"
    pos = min(st.session_state.get(pos_key, 0), len(ids) - 1)
    statement = bank.statement(ids[pos])
    st.caption(f"Statement {pos + 1} of {len(ids)} · {md(bank.principle(statement.principle_id).name)}")
    left, right = st.columns(2)
    left.markdown(f"**From**\n\n{md(statement.from_text)}")
    right.markdown(f"**To**\n\n{md(statement.to_text)}")
    if result.withheld:
        st.info("The spread of answers appears once enough people have answered.")
    else:
        row = result.statements.set_index("statement").loc[statement.id]
        show_chart(
            charts.distribution_chart(result.statements, bank, [statement.id]),
            charts.text_alternative_distribution(result.statements, bank, [statement.id]),
            f"dist_{statement.id}",
        )
        st.caption(f"Mean {row['mean']:.1f} of 4 · agreement {row['agreement']:.0%} · {int(row['n'])} answers, {int(row['dont_know'])} don't know")
    if statement.prompt:
        st.markdown(f"**To discuss:** {md(statement.prompt)}")
    agreed = storage.agreed_ratings(engine(), assessment.id).get(statement.id)
    levels = [NOT_AGREED] + [level.value for level in bank.scale.levels]
    labels = {level.value: f"{level.value} · {level.label}" for level in bank.scale.levels}
    with st.form(f"agree_{assessment.id}_{statement.id}"):
        current = agreed.rating if agreed and agreed.rating is not None else NOT_AGREED
        rating = st.radio("Agreed group rating", levels, index=levels.index(current), horizontal=True,
                          format_func=lambda v: "Not agreed yet" if v == NOT_AGREED else labels[int(v)])
        notes = st.text_area("Notes from the discussion", value=agreed.notes if agreed else "", max_chars=10_000)
        if st.form_submit_button("Save the agreed rating"):
            try:
                storage.set_agreed(engine(), assessment.id, statement.id, None if rating == NOT_AGREED else int(rating), notes)
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
