"""Admin: the audit log of the organisation (sign-ins, results viewed, exports, deletions, role changes)."""

from __future__ import annotations

import streamlit as st

from reports.spreadsheets import csv_bytes
from services.audit import log_frame, recent_entries
from services.roles import Permission
from ui.access import require
from ui.context import engine
from i18n import _
from ui.downloads import offer_file

access = require(Permission.VIEW_AUDIT)
st.title(_("Audit log"))
st.write(_("Who did what, and when: sign-ins and sign-outs, results viewed, exports, deletions and role changes."))
entries = recent_entries(engine(), access)
db = engine()
offer_file(_("Download the whole log (CSV)"), lambda: csv_bytes(log_frame(db, access)), "audit-log.csv", "text/csv",
           key="audit_log_csv")
if not entries:
    st.info(_("Nothing recorded yet."))
else:
    # A table shows text literally (no Markdown), so names and titles need no escaping here.
    st.dataframe(
        [{_("When (UTC)"): f"{e.at:%Y-%m-%d %H:%M:%S}", _("Who"): e.actor, _("What"): str(e.action),
          _("Of"): e.target, _("Details"): e.details} for e in entries],
        hide_index=True, use_container_width=True,
    )
    if len(entries) == 500:
        st.caption(_("The newest 500 events are shown; the download holds them all."))
