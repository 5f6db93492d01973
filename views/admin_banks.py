"""Admin: the bank a new assessment starts on in each organisation (the full built-in bank unless chosen)."""

from __future__ import annotations

import streamlit as st

from i18n import _
from questions.errors import ProjectError
from services.banks import choose_default_bank, visible_banks
from services.roles import Permission
from ui.access import require
from ui.context import engine, md, show_error

access = require(Permission.MANAGE_BANKS)
st.title(_("Default bank"))
st.write(_("New assessments start on this bank; people can still choose another. Upload your own on Question "
           "banks."))
banks = visible_banks(engine(), access)
for organisation in access.organisations(Permission.MANAGE_BANKS):
    st.header(md(organisation.name))
    own = {b.id: _("{bank} (version {version})").format(bank=b.title, version=b.version)
           + (" · " + _("built in") if b.builtin else "") for b in banks
           if b.builtin or b.organisation_id == organisation.id}
    options = [0, *own]
    current = organisation.default_bank_row_id if organisation.default_bank_row_id in own else 0
    with st.form(f"default_bank_{organisation.id}"):
        picked = st.selectbox(_("New assessments start on"), options, index=options.index(current),
                              format_func=lambda rid: _("The full built-in bank") if rid == 0 else own[rid])
        if st.form_submit_button(_("Save"), type="primary"):
            try:
                choose_default_bank(engine(), access, organisation.id, int(picked) or None)
            except ProjectError as error:
                show_error(error, _("The default was not changed"))
            else:
                st.success(_("Saved."))
