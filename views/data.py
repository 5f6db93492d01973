"""Import and export: the paper template, importing answers, exporting or deleting a team's data."""

from __future__ import annotations

import streamlit as st

from i18n import _, current_language, ngettext
from questions.errors import ProjectError
from reports.spreadsheets import csv_bytes, split_sheets, xlsx_bytes
from scoring import template_frame
from services.imports import check_answers_csv, import_answers
from services.results import results_for
from services.roles import Permission
from services.sessions import key_matches
from services.team_data import locked_workshops, team_export
from services.teams import delete_team, get_team
from ui.access import BROWSER, assessment_from_query
from ui.identity import page_access
from ui.context import bank_for, engine, md, show_error
from ui.downloads import XLSX, answer_downloads, offer_file

st.title(_("Import and export"))
assessment = assessment_from_query(_("Open this page from an assessment on your team's page (Home)."))
bank = bank_for(assessment, current_language())
team = get_team(engine(), assessment.team_id)
st.caption(_("{title} · {bank} version {version}").format(title=md(assessment.title), bank=md(bank.title),
                                                           version=md(bank.version)))
access = page_access()

st.header(_("Paper forms"))
st.write(
    _("Download the template, collect answers on paper, type them into the sheet "
      "(one row per person and statement; leave 'current' empty for don't know), then import it below.")
)
offer_file(_("Download the CSV template"), lambda: csv_bytes(template_frame(bank)), f"template-{bank.id}.csv",
           "text/csv", key=f"template_{assessment.id}")

st.header(_("Import answers"))
if not access.may_on_session(Permission.IMPORT_ANSWERS, assessment):
    st.caption(_("Importing answers needs the team (its link, in open mode) or a facilitator's role."))
    upload = None
else:
    upload = st.file_uploader(_("Answers file (CSV)"), type=["csv"], key=f"upload_{assessment.id}")
if upload is not None:
    digest = f"{upload.name}:{upload.size}"
    if st.session_state.get(f"imported_{assessment.id}") == digest:
        st.success(_("This file has been imported."))
    elif not assessment.is_open:
        st.error(_("This assessment is closed: reopen it before importing answers."))
    else:
        try:
            frame = check_answers_csv(engine(), assessment, upload.getvalue(), upload.name)
        except ProjectError as error:
            show_error(error, _("The file was not imported: nothing has been saved"))
        else:
            st.write(_("{respondents} respondents, {answers} answers are ready to import.").format(
                respondents=frame["respondent"].nunique(), answers=len(frame)))
            if st.button(_("Import these answers"), type="primary"):
                try:
                    count = import_answers(engine(), assessment, frame, upload.name)
                except ProjectError as error:
                    show_error(error, _("The file was not imported: nothing has been saved"))
                else:
                    st.session_state[f"imported_{assessment.id}"] = digest
                    st.success(ngettext("Imported {n} respondent.", "Imported {n} respondents.", count).format(n=count))

st.header(_("Export answers"))
answer_downloads(assessment, results_for(engine(), assessment, BROWSER), f"coproduction-{assessment.id}")

if team is not None and access.may(Permission.EXPORT_TEAM, team):
    st.header(_("Your team's data"))
    st.write(_("Everything stored for this team that you may see, or delete it all for good."))
    # Built only when asked for: for a large team it takes a while, and most visits never need it.
    state = f"team_export_{team.id}"
    if st.button(_("Prepare the team's data"), key=f"prepare_{state}"):
        with st.status(_("Preparing the team's data..."), expanded=True) as progress:
            st.write(_("Reading every session you may see, withheld as on the screen..."))
            export = team_export(engine(), team.id, BROWSER)
            st.write(_("Writing the workbook ({rows} rows)...").format(
                rows=f"{sum(len(frame) for frame in export.tables.values()):,}"))
            split = split_sheets(export.tables)[1]
            st.session_state[state] = (export, split, xlsx_bytes(export.tables))
            progress.update(label=_("The team's data is ready to download."), state="complete", expanded=False)
    prepared = st.session_state.get(state)
    if prepared is not None:
        export, split, workbook = prepared
        st.caption(" · ".join(f"{name}: " + ngettext("{n} row", "{n} rows", len(frame)).format(n=len(frame))
                              for name, frame in export.tables.items() if name != "notes"))
        for note in (*export.notes, *split):
            st.caption(md(note))
        offer_file(_("Download the team's data (XLSX)"), lambda: workbook, f"team-{team.id}.xlsx", XLSX,
                   key=f"team_xlsx_{team.id}", audit=(assessment, "the team's data (XLSX)"))
if team is not None and access.may(Permission.DELETE_TEAM, team):
    with st.expander(_("Delete this team and all its data")):
        locked = locked_workshops(engine(), team.id, BROWSER)
        if locked:
            st.write(_("Deleting removes the team's workshop sessions too, so it needs each one's facilitator key."))
        with st.form("delete_team"):
            keys = {w.id: st.text_input(_("Facilitator key of {title} (workshop {id})").format(title=md(w.title), id=w.id),
                                        type="password",
                                        key=f"delete_key_{w.id}") for w in locked}
            typed = st.text_input(_("Type the team name ({name}) to confirm").format(name=md(team.name)))
            if st.form_submit_button(_("Delete everything"), type="primary"):
                wrong = [w.title for w in locked if not key_matches(engine(), w.id, keys[w.id].strip())]
                if typed.strip() != team.name:
                    st.error(_("The name does not match: nothing was deleted."))
                elif wrong:
                    st.error(_("The facilitator key does not match for: {sessions}. Nothing was deleted.").format(
                        sessions=md(", ".join(wrong))))
                else:
                    delete_team(engine(), access, team)
                    st.success(_("The team and all its data have been deleted."))
                    st.query_params.clear()
                    st.stop()
