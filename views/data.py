"""Import and export: the paper template, importing answers, exporting or deleting a team's data."""

from __future__ import annotations

import streamlit as st

import storage
from questions.errors import ProjectError
from coproduction.imports import check_answers_csv
from scoring import template_frame
from ui.access import assessment_from_query
from ui.context import bank_for, engine, md, show_error
from ui.downloads import answer_downloads, csv_bytes, xlsx_bytes
from ui.history import answers_of

st.title("Import and export")
assessment = assessment_from_query("Open this page from an assessment on your team's page (Home).")
bank = bank_for(assessment)
team = storage.get_team(engine(), assessment.team_id)
st.caption(f"{md(assessment.title)} · {md(bank.title)} version {md(bank.version)}")

st.header("Paper forms")
st.write(
    "Download the template, collect answers on paper, type them into the sheet "
    "(one row per person and statement; leave 'current' empty for don't know), then import it below."
)
st.download_button("Download the CSV template", csv_bytes(template_frame(bank)), f"template-{bank.id}.csv", "text/csv")

st.header("Import answers")
upload = st.file_uploader("Answers file (CSV)", type=["csv"], key=f"upload_{assessment.id}")
if upload is not None:
    digest = f"{upload.name}:{upload.size}"
    if st.session_state.get(f"imported_{assessment.id}") == digest:
        st.success("This file has been imported.")
    elif assessment.status != "open":
        st.error("This assessment is closed: reopen it before importing answers.")
    else:
        try:
            frame = check_answers_csv(engine(), assessment, upload.getvalue(), upload.name)
        except ProjectError as error:
            show_error(error, "The file was not imported: nothing has been saved")
        else:
            st.write(f"{frame['respondent'].nunique()} respondents, {len(frame)} answers are ready to import.")
            if st.button("Import these answers", type="primary"):
                try:
                    count = storage.import_responses(engine(), assessment.id, frame)
                except ProjectError as error:
                    show_error(error, "The file was not imported: nothing has been saved")
                else:
                    st.session_state[f"imported_{assessment.id}"] = digest
                    st.success(f"Imported {count} respondents.")

st.header("Export answers")
answer_downloads(assessment, answers_of(assessment), f"coproduction-{assessment.id}")

if team is not None:
    st.header("Your team's data")
    st.write("Everything stored for this team, or delete it all for good.")
    tables = storage.export_team(engine(), team.id)
    st.caption(" · ".join(f"{name.replace('_', ' ')}: {len(frame)} rows" for name, frame in tables.items()))
    respondents = tables.get("respondents")
    if respondents is not None and 0 < len(respondents) < assessment.threshold:
        st.caption("The full team export appears once the team has enough respondents to keep answers anonymous.")
    else:
        st.download_button("Download all of the team's data (XLSX)", lambda: xlsx_bytes(tables), f"team-{team.id}.xlsx",
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    with st.expander("Delete this team and all its data"):
        with st.form("delete_team"):
            typed = st.text_input(f"Type the team name ({team.name}) to confirm")
            if st.form_submit_button("Delete everything", type="primary"):
                if typed.strip() != team.name:
                    st.error("The name does not match: nothing was deleted.")
                else:
                    storage.delete_team(engine(), team.id)
                    st.success("The team and all its data have been deleted.")
                    st.query_params.clear()
                    st.stop()
