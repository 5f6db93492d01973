"""What a viewer may do (issue 11): open-mode browsers by their grants, signed-in people by their roles."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

import storage
from domain.vocabulary import GrantKind, Role
from services.access import Viewer, access_for, grant, managed_teams
from services.banks import bank_choices, upload_bank, visible_banks
from services.roles import Permission
from services.sessions import create_self_assessment, forget_browser, lock_everywhere, session_by_link, unlock
from services.teams import create_team_for, delete_team, open_team_link
from storage import StorageError
from tests.services.conftest import quick_row

P = Permission


def _open(device: str) -> Viewer:
    return Viewer(signed_in_mode=False, device=device)


def _person(email: str, site_admin: bool = False) -> Viewer:
    return Viewer(signed_in_mode=True, email=email, device=f"device-of-{email}", site_admin=site_admin)


def test_open_mode_a_fresh_browser_holds_nothing_and_guessing_gives_nothing(engine: Engine) -> None:
    mine = access_for(engine, _open("creator"))
    team = create_team_for(engine, mine, "Riverside Council", "Day services")
    assessment = create_self_assessment(engine, team.id, quick_row(engine), "Spring", 3, "r" * 16)
    fresh = access_for(engine, _open("stranger"))
    assert fresh.teams() == []
    assert not any(fresh.may(p, team) for p in Permission)
    assert not fresh.may_see(assessment)
    # Typing the same names makes the stranger a new team of their own, never hands over this one.
    theirs = create_team_for(engine, access_for(engine, _open("stranger")), "Riverside Council", "Day services")
    assert theirs.id != team.id
    assert not access_for(engine, _open("stranger")).may(P.DELETE_TEAM, team)
    with pytest.raises(StorageError, match="You may not delete this team."):
        delete_team(engine, access_for(engine, _open("stranger")), team)
    assert storage.get_team(engine, team.id) is not None


def test_open_mode_creator_and_link_holders_hold_the_team(engine: Engine) -> None:
    team = create_team_for(engine, access_for(engine, _open("creator")), "Riverside Council", "Day services")
    again = create_team_for(engine, access_for(engine, _open("creator")), "Riverside Council", "Day services")
    assert again.id == team.id, "a double click makes one team"
    creator = access_for(engine, _open("creator"))
    assert creator.teams() == [team] and creator.may(P.DELETE_TEAM, team)
    assert not creator.may(P.VIEW_AUDIT, team), "organisation permissions never hold in open mode"
    assert open_team_link(engine, access_for(engine, _open("friend")), "not-a-real-link-token") is None
    assert open_team_link(engine, access_for(engine, _open("friend")), team.link_token) == team
    assert access_for(engine, _open("friend")).teams() == [team]


def test_open_mode_a_session_link_opens_that_session_only(engine: Engine) -> None:
    team = create_team_for(engine, access_for(engine, _open("creator")), "Riverside Council", "Day services")
    spring = create_self_assessment(engine, team.id, quick_row(engine), "Spring", 3, "s" * 16)
    autumn = create_self_assessment(engine, team.id, quick_row(engine), "Autumn", 3, "a" * 16)
    reader = access_for(engine, _open("reader"))
    assert session_by_link(engine, reader, spring.link_token) == spring
    reader = access_for(engine, _open("reader"))
    assert reader.may_see(spring) and not reader.may_see(autumn)
    assert not reader.may_on_session(P.IMPORT_ANSWERS, spring)
    assert not reader.may(P.EXPORT_TEAM, team) and reader.teams() == []
    assert [a.id for a in reader.given_sessions()] == [spring.id]
    assert forget_browser(engine, reader.viewer) == 1
    assert not access_for(engine, _open("reader")).may_see(spring)


def test_workshop_unlock_lasts_and_can_be_revoked_everywhere(engine: Engine) -> None:
    team = create_team_for(engine, access_for(engine, _open("creator")), "Riverside Council", "Day services")
    workshop, key = storage.create_workshop(engine, team.id, quick_row(engine), "June", ("staff",), 3)
    follow, _ = storage.create_workshop(engine, team.id, quick_row(engine), "July", ("staff",), 3, key=key)
    laptop = access_for(engine, _open("laptop"))
    assert not laptop.may_see(workshop)
    assert not unlock(engine, laptop, workshop, "wrong-key-wrong-key")
    assert unlock(engine, laptop, follow, key)
    # A reload is a new page run: the unlock comes from the database, and covers the earlier workshop too.
    laptop = access_for(engine, _open("laptop"))
    assert laptop.may_see(follow) and laptop.may_see(workshop)
    stolen = access_for(engine, _open("copied-cookie"))
    grant(engine, stolen, GrantKind.FACILITATOR, follow.id)
    assert lock_everywhere(engine, laptop, follow) == 1
    assert not access_for(engine, _open("copied-cookie")).may_see(follow)
    assert access_for(engine, _open("laptop")).may_see(follow)


def _two_organisations(engine: Engine) -> tuple[storage.Team, storage.Team]:
    a = storage.create_organisation(engine, "Org A")
    b = storage.create_organisation(engine, "Org B")
    team_a = storage.create_team(engine, "Org A", "Alpha")
    team_b = storage.create_team(engine, "Org B", "Beta")
    storage.add_membership(engine, "alice@a.org", a.id, None, Role.ADMIN, "root")
    storage.add_membership(engine, "bob@b.org", b.id, None, Role.ADMIN, "root")
    storage.add_membership(engine, "mo@a.org", a.id, team_a.id, Role.MEMBER, "alice@a.org")
    storage.add_membership(engine, "mia@a.org", a.id, None, Role.MANAGER, "alice@a.org")
    return team_a, team_b


def test_signed_in_two_organisations_never_reach_each_other(engine: Engine) -> None:
    team_a, team_b = _two_organisations(engine)
    alice, bob = access_for(engine, _person("alice@a.org")), access_for(engine, _person("bob@b.org"))
    assert alice.teams() == [team_a] and bob.teams() == [team_b]
    assert all(alice.may(p, team_a) for p in Permission) and not any(alice.may(p, team_b) for p in Permission)
    assert [o.name for o in alice.organisations(P.VIEW_AUDIT)] == ["Org A"]
    assessment_b = create_self_assessment(engine, team_b.id, quick_row(engine), "B's", 3, "b" * 16)
    assert not alice.may_see(assessment_b)
    # A results link is no key in signed-in mode: the role decides.
    assert session_by_link(engine, alice, assessment_b.link_token) == assessment_b
    assert not alice.may_see(assessment_b)


def test_signed_in_member_and_manager(engine: Engine) -> None:
    team_a, _ = _two_organisations(engine)
    member, manager = access_for(engine, _person("mo@a.org")), access_for(engine, _person("mia@a.org"))
    assert member.teams() == [team_a]
    assert member.may(P.VIEW_RESULTS, team_a) and not member.may(P.CREATE_SESSION, team_a)
    assert member.organisations(P.VIEW_ORGANISATION) == []
    assert member.managed_teams(team_a.organisation_id or 0) == []
    assert manager.may(P.VIEW_RESULTS, team_a) and not manager.may(P.EDIT_PLAN, team_a)
    assert {o.name: [t.name for t in teams] for o, teams in managed_teams(engine, manager.viewer).items()} == {
        "Org A": ["Alpha"]}
    nobody = access_for(engine, Viewer(signed_in_mode=True, device="x"))
    assert nobody.teams() == [] and not nobody.may(P.VIEW_RESULTS, team_a)


def test_signed_in_banks_are_seen_inside_their_organisation_only(engine: Engine) -> None:
    team_a, team_b = _two_organisations(engine)
    alice = access_for(engine, _person("alice@a.org"))
    quick = storage.get_bank(engine, quick_row(engine))
    assert quick is not None
    bank_text = quick.yaml_text.replace("id: coproduction-quick", "id: a-bank", 1).encode("utf-8")
    uploaded = upload_bank(engine, bank_text, "a.yaml", alice, organisation_id=team_a.organisation_id)
    with pytest.raises(StorageError, match="Only an admin of the organisation"):
        upload_bank(engine, bank_text, "a.yaml", alice, organisation_id=team_b.organisation_id)
    assert uploaded.id in {b.id for b in visible_banks(engine, alice)}
    assert uploaded.id not in {b.id for b in visible_banks(engine, access_for(engine, _person("bob@b.org")))}
    assert uploaded.id in bank_choices(engine, team_a) and uploaded.id not in bank_choices(engine, team_b)
    with pytest.raises(StorageError):
        create_self_assessment(engine, team_b.id, uploaded.id, "Sneaky", 3, "c" * 16)


def test_bank_choices_default_is_the_full_bank_or_the_organisations_choice(engine: Engine) -> None:
    team_a, _ = _two_organisations(engine)
    first = next(iter(bank_choices(engine, team_a)))
    assert storage.get_bank(engine, first).bank_id == "coproduction-full"  # type: ignore[union-attr]
    storage.set_default_bank(engine, team_a.organisation_id or 0, quick_row(engine))
    assert next(iter(bank_choices(engine, team_a))) == quick_row(engine)


def test_people_invite_and_remove_are_role_changes_in_the_audit_log(engine: Engine) -> None:
    """Issue 11 points 1 and 5: admins invite by email; role changes are logged for their organisation only."""
    from services.audit import log_frame, recent_entries
    from services.people import add_organisation, invite, people, remove

    team_a, team_b = _two_organisations(engine)
    alice = access_for(engine, _person("alice@a.org"))
    held = invite(engine, alice, "New.Person@A.org", team_a.organisation_id or 0, team_a, Role.FACILITATOR)
    assert (held.email, held.team_id, held.role, held.invited_by) == ("new.person@a.org", team_a.id,
                                                                      Role.FACILITATOR, "alice@a.org")
    assert access_for(engine, _person("new.person@a.org")).may(P.CREATE_SESSION, team_a)
    with pytest.raises(StorageError, match="Only an admin of the organisation can give roles."):
        invite(engine, alice, "x@b.org", team_b.organisation_id or 0, None, Role.ADMIN)
    with pytest.raises(StorageError, match="You cannot take away your own admin role."):
        remove(engine, alice, next(m for m in people(engine, alice, team_a.organisation_id or 0)
                                   if m.email == "alice@a.org"))
    remove(engine, alice, held)
    assert not access_for(engine, _person("new.person@a.org")).may(P.CREATE_SESSION, team_a)
    logged = [(e.actor, e.action, e.target, e.details) for e in recent_entries(engine, alice)]
    assert logged == [("alice@a.org", "role change", "new.person@a.org", "no longer facilitator (team Alpha)"),
                      ("alice@a.org", "role change", "new.person@a.org", "given facilitator (team Alpha)")]
    assert recent_entries(engine, access_for(engine, _person("bob@b.org"))) == []
    assert log_frame(engine, access_for(engine, _person("mo@a.org"))).empty, "a member reads no log"
    with pytest.raises(StorageError, match="Only the site's admins"):
        add_organisation(engine, alice, "Org C")
    root = access_for(engine, _person("root@example.org", site_admin=True))
    assert add_organisation(engine, root, "Org C").name == "Org C"
    assert len(recent_entries(engine, root)) == 3
