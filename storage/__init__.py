"""Storage: the database behind teams, banks, assessments, answers and action plans."""

from __future__ import annotations

from storage.actions import add_action, delete_action, list_actions, update_action
from storage.agreed import agreed_ratings, set_agreed
from storage.assessments import (
    check_facilitator_key,
    create_assessment,
    create_workshop,
    earlier_assessments,
    find_by_join_code,
    find_by_link,
    get_assessment,
    list_assessments,
    set_status,
)
from storage.banks import get_bank, install_builtin_banks, list_banks, load_bank_version, save_bank
from storage.checks import CLOSED_MESSAGE
from storage.tables import utcnow
from storage.codes import digest, format_join_code, new_facilitator_key, normalise_join_code
from storage.db import database_url_from_env, describe_url, make_engine
from storage.errors import StorageError
from storage.frames import import_responses, responses_frame
from storage.records import (
    Action,
    AgreedRating,
    Answer,
    Assessment,
    AuditEntry,
    Membership,
    Organisation,
    Respondent,
    StoredBank,
    Team,
)
from storage.responses import (
    get_answers,
    get_respondent,
    join,
    progress,
    save_answer,
    submit,
    submit_response,
)
from storage.teams import create_team, delete_team, export_team, find_team_by_link, get_team, list_teams, teams_of
from storage.organisations import (
    add_membership,
    clean_email,
    create_organisation,
    get_organisation,
    list_organisations,
    memberships_in,
    memberships_of,
    remove_membership,
    set_default_bank,
)
from storage.grants import Grant, active_grants, add_grant, grant_count, revoke_device, revoke_object
from storage.audit import end_sign_in, entries, entries_frame, record, sign_in_ended, start_sign_in

__all__ = [
    "Action",
    "AgreedRating",
    "Answer",
    "Assessment",
    "AuditEntry",
    "CLOSED_MESSAGE",
    "Grant",
    "Membership",
    "Organisation",
    "Respondent",
    "StorageError",
    "StoredBank",
    "Team",
    "active_grants",
    "add_action",
    "add_grant",
    "add_membership",
    "agreed_ratings",
    "check_facilitator_key",
    "clean_email",
    "create_assessment",
    "create_organisation",
    "create_team",
    "create_workshop",
    "database_url_from_env",
    "delete_action",
    "delete_team",
    "describe_url",
    "digest",
    "earlier_assessments",
    "end_sign_in",
    "entries",
    "entries_frame",
    "export_team",
    "find_by_join_code",
    "find_by_link",
    "find_team_by_link",
    "format_join_code",
    "get_answers",
    "get_assessment",
    "get_bank",
    "get_organisation",
    "get_respondent",
    "get_team",
    "grant_count",
    "import_responses",
    "install_builtin_banks",
    "join",
    "list_actions",
    "list_assessments",
    "list_banks",
    "list_organisations",
    "list_teams",
    "load_bank_version",
    "make_engine",
    "memberships_in",
    "memberships_of",
    "new_facilitator_key",
    "normalise_join_code",
    "progress",
    "record",
    "remove_membership",
    "responses_frame",
    "revoke_device",
    "revoke_object",
    "save_answer",
    "save_bank",
    "set_agreed",
    "set_default_bank",
    "set_status",
    "sign_in_ended",
    "start_sign_in",
    "submit",
    "submit_response",
    "teams_of",
    "update_action",
    "utcnow",
]
