"""Question banks: browse them, download them, upload a custom one."""

from __future__ import annotations

import streamlit as st

from questions.errors import ProjectError
from services.banks import bank_version, stored_banks, upload_bank
from ui.context import engine, md, show_error

st.title("Question banks")
st.write(
    "A bank holds the principles and the From/To statements. Upload your own to adapt the wording "
    "for your service; give it a new version number whenever you change it, so older assessments keep theirs."
)
banks = stored_banks(engine())
labels = {b.id: f"{b.title} (version {b.version}){' · built in' if b.builtin else ''}" for b in banks}
chosen = st.selectbox("Bank", list(labels), format_func=lambda rid: labels[rid])
if chosen is not None:
    version = bank_version(engine(), chosen)
if chosen is not None and version is not None:
    row, bank = version.row, version.bank
    st.markdown(md(bank.description))
    st.download_button("Download this bank (YAML)", row.yaml_text.encode("utf-8"), f"{bank.id}-{bank.version}.yaml", "application/x-yaml")
    for principle in bank.principles:
        with st.expander(f"{md(principle.name)} ({len(principle.statements)} statements)"):
            st.markdown(md(principle.definition))
            for statement in principle.statements:
                st.markdown(f"- **From:** {md(statement.from_text)}  \n  **To:** {md(statement.to_text)}")

st.header("Upload a bank")
upload = st.file_uploader("Bank file (YAML)", type=["yaml", "yml"])
if upload is not None:
    try:
        stored = upload_bank(engine(), upload.getvalue(), upload.name)
    except ProjectError as error:
        show_error(error, "The bank was not added")
    else:
        st.success(f"{md(stored.title)} version {md(stored.version)} is available for new assessments.")
