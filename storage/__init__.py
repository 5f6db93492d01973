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
    get_assessment,
    list_assessments,
    set_status,
)
from storage.banks import get_bank, install_builtin_banks, list_banks, load_bank_version, save_bank
from storage.checks import CLOSED_MESSAGE
from storage.codes import format_join_code, new_facilitator_key, normalise_join_code
from storage.db import database_url_from_env, describe_url, make_engine
from storage.errors import StorageError
from storage.frames import import_responses, responses_frame
from storage.records import (
    Action,
    AgreedRating,
    Answer,
    Assessment,
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
from storage.teams import create_team, delete_team, export_team, get_team, list_teams

__all__ = [
    "CLOSED_MESSAGE",
    "Action",
    "AgreedRating",
    "Answer",
    "Assessment",
    "Respondent",
    "StorageError",
    "StoredBank",
    "Team",
    "add_action",
    "agreed_ratings",
    "check_facilitator_key",
    "create_assessment",
    "create_team",
    "create_workshop",
    "database_url_from_env",
    "delete_action",
    "delete_team",
    "earlier_assessments",
    "describe_url",
    "export_team",
    "find_by_join_code",
    "format_join_code",
    "get_answers",
    "get_assessment",
    "get_bank",
    "get_respondent",
    "get_team",
    "import_responses",
    "install_builtin_banks",
    "join",
    "list_actions",
    "list_assessments",
    "list_banks",
    "list_teams",
    "load_bank_version",
    "make_engine",
    "new_facilitator_key",
    "normalise_join_code",
    "progress",
    "responses_frame",
    "save_answer",
    "save_bank",
    "set_agreed",
    "set_status",
    "submit",
    "submit_response",
    "update_action",
]
