"""The snapshot kept after retention (issue 11 point 6): what a session showed, read back exactly."""

from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from questions.schema import Bank
from reports.model import build_results
from reports.snapshot import PERSPECTIVES_WITHHELD, ScoredSession, restrict, restrict_perspectives, scored_from_json, snapshot_json
from scoring import score_group, score_perspectives
from tests.reports.conftest import answers, results_input, small_bank, uniform


def _scored(responses: pd.DataFrame, bank: Bank, threshold: int) -> ScoredSession:
    return ScoredSession(score_group(responses, bank, threshold), score_perspectives(responses, bank, threshold))


def _mixed(bank: Bank) -> pd.DataFrame:
    """Four staff (one unsure about networks), two carers (merged), a manager: hidden cells and merged groups."""
    people = {f"s{i}": ("staff", uniform(bank, v, 4)) for i, v in enumerate((0, 1, 3, 4))}
    people["s3"][1].update({sid: (float("nan"), float("nan")) for sid in bank.statement_ids if "networks" in sid})
    people |= {"c1": ("carers", uniform(bank, 2, 3)), "c2": ("carers", uniform(bank, 3, 3)),
               "m1": ("managers", uniform(bank, 4, 4))}
    return answers(people)


@pytest.mark.parametrize("people", [0, 2, 7])
def test_scored_from_json_reads_back_every_frame_exactly(people: int) -> None:
    bank = small_bank()
    responses = _mixed(bank).query("respondent in @keep", local_dict={"keep": ["s0", "s1", "s2", "s3", "c1", "c2",
                                                                                "m1"][:people]})
    scored = _scored(responses, bank, 3)
    back = scored_from_json(snapshot_json(scored))
    for name in ("n_respondents", "threshold", "withheld", "notes", "overall_score", "overall_band"):
        assert getattr(back.group, name) == getattr(scored.group, name), name
    for before, after in [(scored.group.principles, back.group.principles),
                          (scored.group.statements, back.group.statements),
                          (scored.perspectives.groups, back.perspectives.groups),
                          (scored.perspectives.scores, back.perspectives.scores),
                          (scored.perspectives.gaps, back.perspectives.gaps)]:
        pd.testing.assert_frame_equal(after, before)
    assert back.perspectives.notes == scored.perspectives.notes


def test_snapshot_json_holds_no_individual_answer() -> None:
    bank = small_bank()
    responses = _mixed(bank)
    text = snapshot_json(_scored(responses, bank, 3))
    assert "private comment" not in text and "s0" not in text and '"c1"' not in text


def test_build_results_from_a_snapshot_shows_the_same_as_from_the_answers() -> None:
    bank = small_bank()
    responses = _mixed(bank)
    inputs = results_input(bank, responses)
    kept = dataclasses.replace(inputs.session, responses=responses.iloc[0:0], scored=_scored(responses, bank, 3))
    before, after = build_results(inputs), build_results(dataclasses.replace(inputs, session=kept))
    for field in dataclasses.fields(before):
        if field.name not in ("group", "radar", "comments"):
            assert getattr(after, field.name) == getattr(before, field.name), field.name
    pd.testing.assert_frame_equal(after.radar, before.radar)
    # Comments are individual answers: the retention period deletes them with the rest.
    assert before.comments and after.comments == ()


def test_restrict_hides_at_a_stricter_threshold_what_scoring_would_hide() -> None:
    bank = small_bank()
    responses = _mixed(bank)
    stricter = restrict(score_group(responses, bank, 3), 4)
    scored = score_group(responses, bank, 4)
    # networks rests on 6 people, the others on 7: at 4 all stay; the same scores and spreads.
    pd.testing.assert_series_equal(stricter.principles["score"], scored.principles["score"])
    pd.testing.assert_series_equal(stricter.principles["spread"], scored.principles["spread"])
    assert stricter.principles["target"].isna().all(), "how many gave a target is not kept: none shown"
    assert stricter.statements["target_mean"].isna().all()
    assert restrict(score_group(responses, bank, 3), 7).principles.query("principle == 'networks'")[
        "score"].isna().all(), "networks rests on 6 people"
    withheld = restrict(score_group(responses, bank, 3), 8)
    assert withheld.withheld and withheld.principles.empty and withheld.overall_score is None


def test_restrict_perspectives_shows_none_at_a_stricter_threshold() -> None:
    bank = small_bank()
    views = score_perspectives(_mixed(bank), bank, 3)
    assert restrict_perspectives(views, 3) is views
    stricter = restrict_perspectives(views, 4)
    assert stricter.scores.empty and stricter.gaps.empty and stricter.notes[-1] == PERSPECTIVES_WITHHELD
    assert not np.isnan(views.scores["score"]).all()
