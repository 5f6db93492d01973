"""Organisations and memberships (issue 11 point 1), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

from domain.vocabulary import Role
from storage import (
    StorageError,
    add_membership,
    create_organisation,
    create_team,
    delete_team,
    list_organisations,
    memberships_in,
    memberships_of,
    remove_membership,
    set_default_bank,
    teams_of,
)
from storage.records import StoredBank


def test_create_organisation_twice_returns_the_same(engine: Engine) -> None:
    first = create_organisation(engine, "  Riverside Council ")
    assert create_organisation(engine, "Riverside Council").id == first.id
    assert [o.name for o in list_organisations(engine)] == ["Riverside Council"]


def test_create_team_joins_the_organisation_of_that_name(engine: Engine) -> None:
    riverside = create_organisation(engine, "Riverside Council")
    team = create_team(engine, "Riverside Council", "Day services")
    other = create_team(engine, "Hillside Trust", "Wards")
    assert team.organisation_id == riverside.id and other.organisation_id not in (None, riverside.id)
    assert teams_of(engine, organisation_ids={riverside.id}) == [team]
    assert teams_of(engine, team_ids={other.id}) == [other]
    assert teams_of(engine) == []


def test_create_team_without_reuse_makes_a_new_team_of_the_same_name(engine: Engine) -> None:
    first = create_team(engine, "Riverside Council", "Day services")
    assert create_team(engine, "Riverside Council", "Day services").id == first.id
    stranger = create_team(engine, "Riverside Council", "Day services", reuse=False)
    assert stranger.id != first.id and stranger.link_token != first.link_token


def test_add_membership_lower_cases_and_replaces_the_role_in_that_scope(engine: Engine) -> None:
    riverside = create_organisation(engine, "Riverside Council")
    team = create_team(engine, "Riverside Council", "Day services")
    add_membership(engine, " Alice@Example.ORG ", riverside.id, None, Role.MEMBER, "root@example.org")
    add_membership(engine, "alice@example.org", riverside.id, None, Role.ADMIN, "root@example.org")
    add_membership(engine, "alice@example.org", riverside.id, team.id, Role.FACILITATOR, "root@example.org")
    held = memberships_of(engine, "ALICE@example.org")
    assert [(m.email, m.team_id, m.role) for m in held] == [
        ("alice@example.org", None, Role.ADMIN), ("alice@example.org", team.id, Role.FACILITATOR)]
    assert held[0].invited_by == "root@example.org"
    assert memberships_in(engine, riverside.id) == held


@pytest.mark.parametrize(("email", "role", "message"), [
    ("not-an-address", "member", "'not-an-address' is not an email address. Hint: Type it as name@example.org."),
    ("a@b.org", "owner", "The role 'owner' is not one of: admin, manager, facilitator, member."),
])
def test_add_membership_bad_input_rejected(engine: Engine, email: str, role: str, message: str) -> None:
    riverside = create_organisation(engine, "Riverside Council")
    with pytest.raises(StorageError) as caught:
        add_membership(engine, email, riverside.id, None, role, "root@example.org")
    assert str(caught.value) == message


def test_add_membership_admin_of_one_team_or_a_team_of_another_organisation_rejected(engine: Engine) -> None:
    riverside = create_organisation(engine, "Riverside Council")
    hillside_team = create_team(engine, "Hillside Trust", "Wards")
    riverside_team = create_team(engine, "Riverside Council", "Day services")
    with pytest.raises(StorageError, match="holds for the whole organisation"):
        add_membership(engine, "a@b.org", riverside.id, riverside_team.id, Role.ADMIN, "root@example.org")
    with pytest.raises(StorageError, match="That team is not in this organisation."):
        add_membership(engine, "a@b.org", riverside.id, hillside_team.id, Role.MEMBER, "root@example.org")
    assert memberships_in(engine, riverside.id) == []


def test_remove_membership_and_team_deletion_end_roles(engine: Engine) -> None:
    riverside = create_organisation(engine, "Riverside Council")
    team = create_team(engine, "Riverside Council", "Day services")
    org_role = add_membership(engine, "a@b.org", riverside.id, None, Role.MANAGER, "root@example.org")
    add_membership(engine, "c@d.org", riverside.id, team.id, Role.MEMBER, "root@example.org")
    assert remove_membership(engine, org_role.id) == org_role
    assert remove_membership(engine, org_role.id) is None
    delete_team(engine, team.id)
    assert memberships_in(engine, riverside.id) == []


def test_set_default_bank_only_to_a_bank_the_organisation_sees(engine: Engine, stored_bank: StoredBank) -> None:
    from storage import install_builtin_banks, list_banks, save_bank
    from tests.storage.conftest import make_bank

    install_builtin_banks(engine)
    riverside = create_organisation(engine, "Riverside Council")
    hillside = create_organisation(engine, "Hillside Trust")
    builtin = next(b for b in list_banks(engine) if b.builtin)
    theirs = save_bank(engine, make_bank("their-bank"), "theirs", organisation_id=hillside.id)
    assert set_default_bank(engine, riverside.id, builtin.id).default_bank_row_id == builtin.id
    with pytest.raises(StorageError, match="not one of this organisation's banks"):
        set_default_bank(engine, riverside.id, theirs.id)
    assert set_default_bank(engine, riverside.id, None).default_bank_row_id is None
