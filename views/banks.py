"""Question banks: browse them, download them, upload a custom one (inside its organisation when signed in)."""

from __future__ import annotations

import streamlit as st

from i18n import _
from questions.errors import ProjectError
from services.banks import bank_version, upload_bank, upload_organisations, visible_banks
from ui.access import ask_to_sign_in
from ui.context import engine, md, show_error
from ui.identity import page_access, signed_in_mode

access = page_access()
if signed_in_mode() and not access.signed_in:
    ask_to_sign_in()
st.title(_("Question banks"))
st.write(
    _("A bank holds the principles and the From/To statements. Upload your own to adapt the wording "
      "for your service; give it a new version number whenever you change it, so older assessments keep theirs.")
)
banks = visible_banks(engine(), access)
labels = {b.id: _("{bank} (version {version})").format(bank=b.title, version=b.version)
          + (" · " + _("built in") if b.builtin else "") for b in banks}
chosen = st.selectbox(_("Bank"), list(labels), format_func=lambda rid: labels[rid])
version = bank_version(engine(), chosen, access) if chosen is not None else None
if version is not None:
    row, bank = version.row, version.bank
    st.markdown(md(bank.description))
    st.download_button(_("Download this bank (YAML)"), row.yaml_text.encode("utf-8"), f"{bank.id}-{bank.version}.yaml", "application/x-yaml")
    for principle in bank.principles:
        with st.expander(_("{principle} ({n} statements)").format(principle=md(principle.name),
                                                                  n=len(principle.statements))):
            st.markdown(md(principle.definition))
            for statement in principle.statements:
                st.markdown(f"- **{_('From')}:** {md(statement.from_text)}  \n  **{_('To')}:** {md(statement.to_text)}")

organisations = upload_organisations(access)
if signed_in_mode() and not organisations:
    st.caption(_("An admin of your organisation can upload banks for it."))
    st.stop()
st.header(_("Upload a bank"))
owner = None
if organisations:
    names = {o.id: o.name for o in organisations}
    owner = st.selectbox(_("For the organisation"), list(names), format_func=lambda oid: names[oid],
                         help=_("The bank is seen only inside this organisation."))
upload = st.file_uploader(_("Bank file (YAML)"), type=["yaml", "yml"])
if upload is not None:
    done = st.session_state.get("uploaded_bank")
    if done is not None and done[0] == (upload.file_id, owner):
        # Stored on an earlier run: a rerun must not store (and log) the same upload again.
        st.success(done[1])
    else:
        try:
            stored = upload_bank(engine(), upload.getvalue(), upload.name, access, organisation_id=owner)
        except ProjectError as error:
            show_error(error, _("The bank was not added"))
        else:
            message = _("{bank} version {version} is available for new assessments.").format(
                bank=md(stored.title), version=md(stored.version))
            st.session_state["uploaded_bank"] = ((upload.file_id, owner), message)
            st.success(message)
