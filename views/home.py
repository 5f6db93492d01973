"""Home: what co-production is, joining by code, and the viewer's teams with their assessments."""

from __future__ import annotations

import datetime as dt
import secrets

import streamlit as st

from streamlit.delta_generator import DeltaGenerator

from domain.records import Assessment, Team
from i18n import _, ngettext
from questions.errors import ProjectError
from reports.formatting import format_date, month_year, status_label
from services.roles import Permission
from services.sessions import create_self_assessment, forget_browser, lock_everywhere
from services.teams import team_sessions
from ui.access import ask_to_sign_in, session_link
from ui.context import engine, md, show_error
from ui.identity import new_device, page_access, signed_in_mode
from ui.joining import base_url
from ui.teams import latest_banks, pick_team

st.title(_("Co-production: how are you doing?"))
if not signed_in_mode():
    st.caption(_("Open mode: no accounts. This browser lists only the teams it created or was given by link; "
                 "keep each team's link to open it elsewhere."))
st.markdown(
    _("""
Co-production means that the people who use a service and the people paid to run it
**share power**: they plan, design and deliver support together, and everyone's skills
and experience count. This tool helps a team look honestly at where its everyday practice
sits between the traditional way (**From**) and the co-produced way (**To**).

1. **Rate** each From/To pair on a scale of 0 (mostly like From) to 4 (mostly like To),
   alone, as a team together, or in a facilitated workshop.
2. **See where you stand**: a radar chart by principle, your strongest practice,
   where to develop, and where people disagree.
3. **Agree actions** and download a summary for your manager. Repeat later to see the change.
""")
)
with st.expander(_("The six principles (nef & NESTA 2010, after Cahn 2000)")):
    st.markdown(
        "\n".join([
            _("- **Recognising people as assets**: people bring skills and experience, not only needs."),
            _("- **Reciprocity and mutuality**: everyone gives as well as receives."),
            _("- **Peer support networks**: connections between people matter as much as professional help."),
            _("- **Valuing work differently**: the contributions people make are seen and rewarded."),
            _("- **Blurring roles**: the line between 'professional' and 'client' softens."),
            _("- **Facilitating rather than delivering**: services make things possible rather than doing things "
              "to people."),
        ])
    )

st.divider()
st.header(_("Have a code?"))
with st.form("code_form"):
    code = st.text_input(_("Join or resume code"), placeholder=_("e.g. ABCDE-23456"))
    if st.form_submit_button(_("Go to the questions")):
        st.switch_page("views/assess.py", query_params={"code": code.strip()})

st.divider()
access = page_access()
if signed_in_mode() and not access.signed_in:
    st.header(_("Staff"))
    ask_to_sign_in(_("Staff sign in to see their teams' results. People answering with a code need no account."))

st.header(_("Your team"))
if not signed_in_mode():
    with st.expander(_("Open a team by its link")):
        with st.form("open_team_link"):
            pasted = st.text_input(_("Team link"), placeholder=f"{base_url()}/?team=...")
            if st.form_submit_button(_("Open the team")):
                st.query_params["team"] = pasted.strip().rsplit("team=", 1)[-1].split("&", 1)[0]
                st.rerun()
team = pick_team()


def given_sessions() -> None:
    """Sessions this browser was given by link or key outside its teams (open mode)."""
    given = access.given_sessions()
    if not given:
        return
    st.subheader(_("Sessions shared with this browser"))
    for assessment in given:
        page = "views/facilitate.py" if assessment.is_workshop else "views/results.py"
        left, right = st.columns([3, 2])
        left.page_link(page, label=md(assessment.title), query_params=session_link(assessment))
        if assessment.is_workshop and access.unlocked(assessment):
            lock_button(right, assessment)


def lock_button(where: DeltaGenerator, assessment: Assessment) -> None:
    """End every other browser's unlock of a workshop (a lost phone, a copied cookie)."""
    if where.button(_("Lock on every other device"), key=f"lock_{assessment.id}",
                    help=_("Other browsers then need the facilitator key again; this one stays unlocked.")):
        ended = lock_everywhere(engine(), access, assessment)
        st.toast(ngettext("Locked on {n} other browser.", "Locked on {n} other browsers.", ended).format(n=ended))


def forget_this_browser() -> None:
    """On a shared computer: end everything this browser was given."""
    with st.expander(_("Using a shared computer?")):
        st.write(_("Forget every team, session and facilitator unlock this browser holds. "
                   "You need the links and keys again to open them."))
        if st.button(_("Forget this browser")):
            forget_browser(engine(), access.viewer)
            new_device()
            st.query_params.clear()
            st.rerun()


if team is None:
    given_sessions()
    forget_this_browser()
    st.stop()


def list_sessions(team: Team) -> None:
    """The team's sessions with their links."""
    sessions = team_sessions(engine(), team.id)
    st.subheader(_("Assessments of {team}").format(team=md(team.name)))
    if team.link_token and not signed_in_mode():
        st.caption(_("The team's link opens it in any browser: share it only with your team."))
        st.code(f"{base_url()}/?team={team.link_token}", language=None)
    if not sessions:
        st.info(_("No assessments yet: start the first one below."))
    for summary in sessions:
        assessment = summary.assessment
        with st.container(border=True):
            st.markdown(
                f"**{md(assessment.title)}** · {format_date(assessment.created_at, short=True)} · "
                f"{_('workshop') if assessment.is_workshop else _('self-assessment')} · {md(summary.bank_label)} · "
                f"{status_label(assessment.status)} · "
                + _("{sent} sent, {waiting} still answering").format(sent=summary.sent,
                                                                     waiting=summary.joined - summary.sent)
            )
            cols = st.columns(3)
            link = session_link(assessment)
            if assessment.is_workshop:
                cols[0].page_link("views/facilitate.py", label=_("Facilitator view"), query_params=link)
                if access.unlocked(assessment):
                    lock_button(cols[1], assessment)
            else:
                cols[0].page_link("views/assess.py", label=_("Answer (code {code})").format(code=assessment.join_code),
                                  query_params={"code": str(assessment.join_code)})
                cols[1].page_link("views/results.py", label=_("Results"), query_params=link)
            if access.may(Permission.IMPORT_ANSWERS, team) or access.may(Permission.EXPORT_TEAM, team):
                cols[2].page_link("views/data.py", label=_("Import / export"), query_params=link)


list_sessions(team)
if not access.may(Permission.CREATE_SESSION, team):
    st.stop()
st.subheader(_("Start a new self-assessment"))
options = latest_banks(team)
with st.form("new_assessment"):
    title = st.text_input(_("Title"), value=_("Self-assessment {month}").format(month=month_year(dt.date.today())))
    bank_row = st.selectbox(_("Question bank"), list(options), format_func=lambda rid: options[rid])
    mode = st.radio(
        _("How will you answer?"),
        ["together", "individually"],
        format_func=lambda m: {
            "together": _("Together: the team agrees one set of answers"),
            "individually": _("Individually: each person answers privately"),
        }[m],
    )
    threshold = st.number_input(
        _("Show results once this many people have answered (individual mode)"),
        min_value=2, max_value=50, value=3,
        help=_("Protects anonymity: nothing is shown for smaller groups."),
    )
    create = st.form_submit_button(_("Create"), type="primary")
if create:
    try:
        created = create_self_assessment(
            engine(), team.id, int(bank_row), title.strip() or _("Self-assessment"),
            threshold=1 if mode == "together" else int(threshold),
            # Made before the click: a double click or a retry finds the assessment the first one made.
            request_id=st.session_state.setdefault("new_assessment_request", secrets.token_urlsafe(16)),
        )
    except ProjectError as error:
        show_error(error)
    else:
        # Rerun so the new assessment is listed above at once; the message survives the rerun.
        st.session_state["created_assessment"] = created.join_code
        st.session_state.pop("new_assessment_request", None)
        st.rerun()
flash = st.session_state.pop("created_assessment", None)
if flash:
    st.success(_("Created. Share the code **{code}** with the people who will answer.").format(code=flash))
    st.page_link("views/assess.py", label=_("Start answering now"), query_params={"code": str(flash)})
st.page_link("views/workshop.py", label=_("Or run a facilitated workshop session"), icon=":material/groups:",
             query_params={"team": team.link_token} if team.link_token else None)
