"""Question banks: browse them, download them, upload a custom one."""

from __future__ import annotations

import streamlit as st

import storage
from questions.errors import ProjectError
from questions.loader import load_bank_bytes
from ui.context import engine, md, show_error

st.title("Question banks")
st.write(
    "A bank holds the principles and the From/To statements. Upload your own to adapt the wording "
    "for your service; give it a new version number whenever you change it, so older assessments keep theirs."
)
banks = storage.list_banks(engine())
labels = {b.id: f"{b.title} (version {b.version}){' · built in' if b.builtin else ''}" for b in banks}
chosen = st.selectbox("Bank", list(labels), format_func=lambda rid: labels[rid])
if chosen is not None:
    row = storage.get_bank(engine(), chosen)
    bank = storage.load_bank_version(engine(), chosen)
    st.markdown(md(bank.description))
    st.download_button("Download this bank (YAML)", row.yaml_text.encode("utf-8") if row else b"", f"{bank.id}-{bank.version}.yaml", "application/x-yaml")
    for principle in bank.principles:
        with st.expander(f"{md(principle.name)} ({len(principle.statements)} statements)"):
            st.markdown(md(principle.definition))
            for statement in principle.statements:
                st.markdown(f"- **From:** {md(statement.from_text)}  \n  **To:** {md(statement.to_text)}")

st.header("Upload a bank")
upload = st.file_uploader("Bank file (YAML)", type=["yaml", "yml"])
if upload is not None:
    try:
        bank = load_bank_bytes(upload.getvalue(), source=upload.name)
        stored = storage.save_bank(engine(), bank, upload.getvalue().decode("utf-8-sig"))
    except ProjectError as error:
        show_error(error, "The bank was not added")
    else:
        st.success(f"{md(stored.title)} version {md(stored.version)} is available for new assessments.")
