"""The manager's view (issue 11 point 4), signed in: every team of one's own organisation, nothing hidden."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import Engine

import storage
from domain.vocabulary import AuditAction, Role
from tests.views.conftest import bank_row, seed_answers
from tests.views.signed_in import open_signed_in, texts


@pytest.fixture
def world(engine: Engine) -> dict[str, storage.Team]:
    """Org A: Alpha (four answers) and Beta (two, below the threshold); Org B: Gamma. Mo manages Org A."""
    org_a = storage.create_organisation(engine, "Org A")
    org_b = storage.create_organisation(engine, "Org B")
    teams = {name: storage.create_team(engine, org, name) for org, name in
             (("Org A", "Alpha team"), ("Org A", "Beta <b>team</b>"), ("Org B", "Gamma team"))}
    for seed, (name, people) in enumerate((("Alpha team", 4), ("Beta <b>team</b>", 2), ("Gamma team", 5))):
        made = storage.create_assessment(engine, teams[name].id, bank_row(engine, "coproduction-quick"),
                                         f"{name} spring", threshold=3)
        seed_answers(engine, made, "coproduction-quick", people, seed=seed)
    storage.add_membership(engine, "mo@a.org", org_a.id, None, Role.MANAGER, "root")
    storage.add_membership(engine, "bo@b.org", org_b.id, None, Role.MANAGER, "root")
    storage.add_membership(engine, "mem@a.org", org_a.id, teams["Alpha team"].id, Role.MEMBER, "root")
    return teams


def test_organisation_view_a_manager_sees_their_teams_and_no_hidden_numbers(
        engine: Engine, world: dict[str, storage.Team]) -> None:
    at = open_signed_in("views/organisation.py", "mo@a.org")
    assert not at.exception
    assert [t.value for t in at.title] == ["All teams"]
    table = at.dataframe[0].value
    assert list(table["Team"]) == ["Alpha team", "Beta <b>team</b>"], "Org B's team is never listed"
    alpha, beta = table.iloc[0], table.iloc[1]
    assert alpha["Respondents"] == "4" and alpha["Overall"] != "–"
    assert beta["Latest assessment"] == "not enough answers yet"
    assert set(beta.drop(["Team", "Latest assessment"])) == {"–"}, "no number of a team below the threshold"
    shown = texts(at)
    assert "Gamma" not in shown and "1 team has not enough answers yet" in shown
    assert len([*at.get("arrow_vega_lite_chart"), *at.get("vega_lite_chart")]) >= 2, "heat map and Alpha's radar"
    # Viewing is in the audit log, once per browser session.
    at.run()
    viewed = [e for e in storage.entries(engine, None) if e.action is AuditAction.RESULTS_VIEWED]
    assert [(e.actor, e.target) for e in viewed] == [("mo@a.org", "Org A · organisation summary (every team)")]


def test_organisation_view_each_manager_sees_only_their_organisation(engine: Engine,
                                                                      world: dict[str, storage.Team]) -> None:
    at = open_signed_in("views/organisation.py", "bo@b.org")
    assert not at.exception
    assert list(at.dataframe[0].value["Team"]) == ["Gamma team"]
    assert "Alpha" not in texts(at)


def test_organisation_view_is_not_offered_to_a_member_or_nobody(engine: Engine, world: dict[str, storage.Team]) -> None:
    for email in ("mem@a.org", None):
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            open_signed_in("views/organisation.py", email)
