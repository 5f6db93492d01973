"""The role rules (issue 11 point 1): role x action -> allowed, held for the organisation or for one team."""

from __future__ import annotations

import pytest

from domain.vocabulary import Role
from services.roles import Permission, role_allows

P = Permission
# What each role may do when held for the whole organisation (every permission not listed is refused).
TABLE: dict[Role, set[Permission]] = {
    Role.ADMIN: set(Permission),
    Role.MANAGER: {P.VIEW_RESULTS, P.EXPORT_TEAM, P.VIEW_ORGANISATION},
    Role.FACILITATOR: {P.VIEW_RESULTS, P.EDIT_PLAN, P.CREATE_SESSION, P.FACILITATE, P.IMPORT_ANSWERS, P.EXPORT_TEAM},
    Role.MEMBER: {P.VIEW_RESULTS, P.EDIT_PLAN},
}
# Held for one team only: admins and managers are organisation roles, and nothing organisation-wide is given.
TEAM_TABLE: dict[Role, set[Permission]] = {
    Role.ADMIN: set(),
    Role.MANAGER: set(),
    Role.FACILITATOR: TABLE[Role.FACILITATOR],
    Role.MEMBER: TABLE[Role.MEMBER],
}


@pytest.mark.parametrize("permission", list(Permission))
@pytest.mark.parametrize("role", list(Role))
def test_role_allows_matches_the_table_for_the_whole_organisation(role: Role, permission: Permission) -> None:
    assert role_allows(role, permission, whole_organisation=True) is (permission in TABLE[role])


@pytest.mark.parametrize("permission", list(Permission))
@pytest.mark.parametrize("role", list(Role))
def test_role_allows_matches_the_table_for_one_team(role: Role, permission: Permission) -> None:
    assert role_allows(role, permission, whole_organisation=False) is (permission in TEAM_TABLE[role])


def test_role_allows_a_manager_changes_nothing() -> None:
    changes = {P.EDIT_PLAN, P.CREATE_SESSION, P.FACILITATE, P.IMPORT_ANSWERS, P.DELETE_TEAM, P.MANAGE_PEOPLE,
               P.MANAGE_TEAMS, P.MANAGE_BANKS}
    assert not any(role_allows(Role.MANAGER, p, whole_organisation=True) for p in changes)


def test_role_allows_only_an_admin_reads_the_audit_log_or_deletes_a_team() -> None:
    for permission in (P.VIEW_AUDIT, P.DELETE_TEAM, P.MANAGE_PEOPLE):
        assert [r for r in Role if role_allows(r, permission, whole_organisation=True)] == [Role.ADMIN]
