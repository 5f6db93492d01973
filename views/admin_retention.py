"""Admin: how long individual answers are kept in each organisation (issue 11 point 6)."""

from __future__ import annotations

import streamlit as st

from i18n import _
from questions.errors import ProjectError
from services.retention import ENV_VAR, MOST_DAYS, NEVER, describe, retention_setting, set_retention
from services.roles import Permission
from ui.access import require
from ui.context import engine, md, show_error

FOLLOW, KEEP, DELETE = "default", "never", "days"

access = require(Permission.MANAGE_RETENTION)
st.title(_("Data retention"))
st.write(_("After the period you choose, a daily check deletes each session's individual answers, comments and "
           "resume codes. The scores the session showed are kept, so results, trends and the manager's view stay "
           "as they were; agreed ratings and action plans are kept too. The period counts from when the session "
           "closed or from its last answer, whichever is later."))
for organisation in access.organisations(Permission.MANAGE_RETENTION):
    setting = retention_setting(engine(), access, organisation)
    st.header(md(organisation.name))
    st.caption(f"Now: individual answers are {md(describe(setting.days))}.")
    labels = {FOLLOW: f"The site's default ({describe(setting.site_default)}; set by {ENV_VAR})",
              KEEP: _("Keep them until the team is deleted"),
              DELETE: _("Delete them after a number of days")}
    current = FOLLOW if setting.stored is None else KEEP if setting.stored == NEVER else DELETE
    with st.form(f"retention_{organisation.id}"):
        choice = st.radio(_("Individual answers"), list(labels), index=list(labels).index(current),
                          format_func=lambda key: md(labels[key]), key=f"retention_choice_{organisation.id}")
        days = st.number_input(_("Days"), min_value=1, max_value=MOST_DAYS, step=1,
                               value=setting.stored or setting.site_default or 365,
                               key=f"retention_days_{organisation.id}",
                               help=_("Used when you choose to delete them after a number of days."))
        if st.form_submit_button(_("Save"), type="primary"):
            chosen = None if choice == FOLLOW else NEVER if choice == KEEP else int(days)
            try:
                saved = set_retention(engine(), access, organisation, chosen)
            except ProjectError as error:
                show_error(error, _("The retention period was not changed"))
            else:
                st.success(f"Saved: individual answers are {md(describe(saved.days))}.")
