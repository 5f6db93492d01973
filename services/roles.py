"""The role rules: what each role may do, as one table (no I/O: tests read it as role x action -> allowed)."""

from __future__ import annotations

from enum import StrEnum

from domain.vocabulary import Role


class Permission(StrEnum):
    """Something a page lets a person do; each page checks one before it draws anything."""

    VIEW_RESULTS = "see results"
    EDIT_PLAN = "edit the action plan"
    CREATE_SESSION = "create workshops and self-assessments"
    FACILITATE = "run a workshop"
    IMPORT_ANSWERS = "import answers"
    EXPORT_TEAM = "export a team's data"
    DELETE_TEAM = "delete a team"
    VIEW_ORGANISATION = "see every team of the organisation"
    MANAGE_PEOPLE = "give and take roles"
    MANAGE_TEAMS = "add teams"
    MANAGE_BANKS = "upload banks and choose the default"
    VIEW_AUDIT = "read the audit log"
    MANAGE_RETENTION = "set how long answers are kept"


# Permissions that concern the whole organisation: a role held in one team never grants them.
ORGANISATION_PERMISSIONS = frozenset({
    Permission.VIEW_ORGANISATION, Permission.MANAGE_PEOPLE, Permission.MANAGE_TEAMS, Permission.MANAGE_BANKS,
    Permission.VIEW_AUDIT, Permission.MANAGE_RETENTION,
})

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.ADMIN: frozenset(Permission),
    # Read-only: results and exports of every team, never a change.
    Role.MANAGER: frozenset({Permission.VIEW_RESULTS, Permission.EXPORT_TEAM, Permission.VIEW_ORGANISATION}),
    Role.FACILITATOR: frozenset({
        Permission.VIEW_RESULTS, Permission.EDIT_PLAN, Permission.CREATE_SESSION, Permission.FACILITATE,
        Permission.IMPORT_ANSWERS, Permission.EXPORT_TEAM,
    }),
    Role.MEMBER: frozenset({Permission.VIEW_RESULTS, Permission.EDIT_PLAN}),
}

# Roles that hold for a whole organisation only (an admin of one team would be an admin of nothing).
ORGANISATION_ROLES = frozenset({Role.ADMIN, Role.MANAGER})

# Open mode: a browser holding a team (it created the team or opened its link) may do everything a team
# allows; one given a session's results link may see that session and plan; a workshop's facilitator key
# lets its holder run and import into that workshop, never touch the rest of the team.
OPEN_TEAM_PERMISSIONS = frozenset(Permission) - ORGANISATION_PERMISSIONS
OPEN_SESSION_PERMISSIONS = frozenset({Permission.VIEW_RESULTS, Permission.EDIT_PLAN})
OPEN_WORKSHOP_KEY_PERMISSIONS = frozenset({
    Permission.VIEW_RESULTS, Permission.EDIT_PLAN, Permission.FACILITATE, Permission.IMPORT_ANSWERS,
})


def role_allows(role: Role, permission: Permission, whole_organisation: bool) -> bool:
    """Whether a role allows the permission; a role held in one team never allows organisation-wide ones."""
    if not whole_organisation and (role in ORGANISATION_ROLES or permission in ORGANISATION_PERMISSIONS):
        return False
    return permission in ROLE_PERMISSIONS[role]
