"""The engine against a slow, plain pandas reference of the documented rules, on random sessions.

The reference below follows docs/ARCHITECTURE.md and the docstrings with groupby and loops only:
a statement answered (not counting don't know) by fewer than `threshold` people is hidden and
counts nowhere; a target given by fewer than `threshold` people, or on a hidden statement, counts
in no target; a person's principle score counts when they answered at least half of its SHOWN
statements; small principle and perspective cells show nothing.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import scoring.codes
from questions.schema import Bank
from scoring import OTHER, OTHER_LABEL, score_all, score_group, score_perspectives, score_respondents
from scoring.codes import PARALLEL_ROWS
from tests.scoring.conftest import mini_bank

BANK = mini_bank()
TEXT = ["respondent", "perspective", "statement", "comment"]
PERSPECTIVES = np.array(["staff", "carers", "managers", "nurses", OTHER], dtype=object)
DTYPES: dict[str, Any] = {"object": object, "str": "str", "arrow": pd.ArrowDtype(pa.string()),
                          "string[pyarrow]": pd.StringDtype("pyarrow")}


# ---------------------------------------------------------------- the reference

def shown_statements(frame: pd.DataFrame, bank: Bank, threshold: int) -> tuple[set[str], set[str]]:
    """Statements with at least `threshold` answers, and those whose targets may count too."""
    answered = frame.dropna(subset=["current"]).groupby("statement").size()
    aimed = frame.dropna(subset=["target"]).groupby("statement").size()
    shown = {s for s in bank.statement_ids if answered.get(s, 0) >= threshold}
    return shown, {s for s in shown if aimed.get(s, 0) >= threshold}


def reference_respondents(frame: pd.DataFrame, bank: Bank, threshold: int) -> pd.DataFrame:
    """Per respondent and principle: counts and 0-100 scores over shown statements only."""
    low, high = bank.scale.min, bank.scale.max
    shown, aims = shown_statements(frame, bank, threshold)
    principle_of = {s.id: s.principle_id for s in bank.statements}
    rows = frame[frame["statement"].isin(shown)].assign(
        principle=lambda f: f["statement"].map(principle_of),
        level=lambda f: f["current"] - low,
        dont_know=lambda f: f["current"].isna().astype(int),
        aim=lambda f: (f["target"] - low).where(f["statement"].isin(aims)))
    table = rows.groupby(["respondent", "principle"]).agg(
        answered=("level", "count"), total=("level", "sum"), dont_know=("dont_know", "sum"),
        aimed=("aim", "count"), aim_total=("aim", "sum"))
    everyone = pd.MultiIndex.from_product([sorted(set(frame["respondent"])),
                                           [p.id for p in bank.principles]],
                                          names=["respondent", "principle"])
    table = table.reindex(everyone, fill_value=0).reset_index()
    statements = Counter(principle_of[s] for s in shown)
    table["statements"] = table["principle"].map(lambda p: statements[p])
    scale = (high - low) / 100
    table["current_score"] = (table["total"] / table["answered"] / scale).where(table["answered"] > 0)
    table["target_score"] = (table["aim_total"] / table["aimed"] / scale).where(table["aimed"] > 0)
    table["insufficient"] = (table["answered"] * 2 < table["statements"]) | (table["answered"] == 0)
    perspective = frame.groupby("respondent")["perspective"].first()
    table["perspective"] = table["respondent"].map(perspective)
    return table


def reference_group(frame: pd.DataFrame, bank: Bank, threshold: int) -> dict[str, Any]:
    """n_respondents, withheld, overall, and per principle and statement every number shown."""
    low, high = bank.scale.min, bank.scale.max
    people = reference_respondents(frame, bank, threshold)
    per_person = people.groupby("respondent")[["answered", "total"]].sum()
    counted = per_person[per_person["answered"] > 0]
    n_respondents = len(counted)
    overall = None if counted.empty else \
        float((counted["total"] / counted["answered"]).mean() / (high - low) * 100)
    principles = []
    for principle in bank.principles:
        own = people[people["principle"] == principle.id]
        usable = own[~own["insufficient"]]
        aiming = usable.dropna(subset=["target_score"])
        score = usable["current_score"].mean()
        spread = float(np.sqrt(((usable["current_score"] - score) ** 2).mean()))
        target = aiming["target_score"].mean()
        if len(usable) < threshold:
            score = spread = target = math.nan
        if len(aiming) < threshold:
            target = math.nan
        principles.append({"principle": principle.id, "score": score, "target": target,
                           "gap": target - score, "spread": spread, "n": len(usable),
                           "dont_know": int(own["dont_know"].sum()),
                           "insufficient": len(usable) < threshold})
    shown, aims = shown_statements(frame, bank, threshold)
    statements = []
    for statement in bank.statements:
        own = frame[frame["statement"] == statement.id]
        values = own["current"].dropna()
        row: dict[str, Any] = {"statement": statement.id, "n": len(values),
                               "dont_know": int(own["current"].isna().sum())}
        visible = statement.id in shown
        mean = values.mean() if visible else math.nan
        sd = float(np.sqrt(((values - mean) ** 2).mean())) if visible else math.nan
        row |= {"mean": mean, "sd": sd, "agreement": 1 - sd / ((high - low) / 2),
                "score": (mean - low) / (high - low) * 100,
                "target_mean": own["target"].mean() if statement.id in aims else math.nan}
        row |= {f"count_{v}": int((values == v).sum()) if visible else 0
                for v in range(low, high + 1)}
        statements.append(row)
    return {"n_respondents": n_respondents, "withheld": n_respondents < threshold,
            "overall": overall, "principles": pd.DataFrame(principles),
            "statements": pd.DataFrame(statements)}


def reference_groups(people: pd.DataFrame, bank: Bank, threshold: int) -> pd.DataFrame:
    """Each perspective of a counted respondent: its size and the group it is shown in."""
    counted = people.groupby("respondent").agg(answered=("answered", "sum"),
                                               perspective=("perspective", "first"))
    counts = Counter(counted.loc[counted["answered"] > 0, "perspective"])
    known = [p.id for p in bank.perspectives if p.id in counts and p.id != OTHER]
    order = known + sorted(set(counts) - set(known) - {OTHER}) + ([OTHER] if OTHER in counts else [])
    into_other = [p for p in order if counts[p] < threshold or p == OTHER]
    named = [p for p in order if p not in into_other]
    other_total = sum(counts[p] for p in into_other)
    absorb = None
    if into_other and other_total < threshold and named:
        absorb = min(named, key=lambda p: (counts[p], order.index(p)))
    fallback = OTHER if other_total >= threshold else absorb
    labels = {p.id: p.label for p in bank.perspectives}
    return pd.DataFrame({"perspective": order, "label": [labels.get(p, p) for p in order],
                         "n": [counts[p] for p in order],
                         "shown_as": [fallback if p in into_other else p for p in order]})


def reference_perspectives(frame: pd.DataFrame, bank: Bank, threshold: int) -> dict[str, Any]:
    """Groups, the score of every shown group x principle, and the gaps between groups."""
    people = reference_respondents(frame, bank, threshold)
    groups = reference_groups(people, bank, threshold)
    group_of = dict(zip(groups["perspective"], groups["shown_as"]))
    named = [g for g in dict.fromkeys(groups["shown_as"]) if g is not None]
    shown = [g for g in named if g != OTHER] + [g for g in named if g == OTHER]
    active = people.groupby("respondent")["answered"].transform("sum") > 0
    people = people[active & ~people["insufficient"]].assign(
        group=lambda f: f["perspective"].map(group_of))
    cells: dict[tuple[str, str], tuple[float, int]] = {}
    for principle in bank.principles:
        for group in shown:
            scores = people.loc[(people["group"] == group) & (people["principle"] == principle.id),
                                "current_score"]
            cells[group, principle.id] = (scores.mean() if len(scores) >= threshold else math.nan,
                                          len(scores))
        if any(0 < cells[g, principle.id][1] < threshold for g in shown):
            # One small cell hides the principle for every group (else subtraction reveals it).
            for group in shown:
                cells[group, principle.id] = (math.nan, cells[group, principle.id][1])
    cells_in_order = [(g, p.id, *cells[g, p.id]) for g in shown for p in bank.principles]
    scores = pd.DataFrame(cells_in_order, columns=["perspective", "principle", "score", "n"])
    gaps = []
    for principle in bank.principles:
        mine = scores[(scores["principle"] == principle.id) & scores["score"].notna()]
        pairs = list(zip(mine["perspective"], mine["score"]))
        if len(shown) >= 2 and len(pairs) >= 2:
            top = max(pairs, key=lambda pair: pair[1])  # max/min keep the first of equals
            bottom = min(pairs, key=lambda pair: pair[1])
            gaps.append((principle.id, top[1] - bottom[1], top[0], bottom[0]))
        elif len(shown) >= 2:
            gaps.append((principle.id, math.nan, None, None))
    merged = any(counts < threshold and p != OTHER
                 for p, counts in zip(groups["perspective"], groups["n"]))
    labels = dict(zip(groups["perspective"], groups["label"]))
    # 'other' is labelled as merged unless nothing was merged and the bank names it itself.
    labels[OTHER] = OTHER_LABEL if merged else {p.id: p.label for p in bank.perspectives}.get(
        OTHER, OTHER_LABEL)
    absorbing = {g for p, g in group_of.items() if g not in (p, OTHER, None)}
    labels |= {g: f"{labels[g]} and others (merged)" for g in absorbing}
    scores["label"] = scores["perspective"].map(labels)
    return {"groups": groups, "scores": scores,
            "gaps": pd.DataFrame(gaps, columns=["principle", "max_gap", "highest", "lowest"])}


# ---------------------------------------------------------------- random sessions

def random_frame(rng: np.random.Generator, people: int, answer_rate: float | None = None) -> pd.DataFrame:
    """Random long answers: some rows missing, don't knows, missing targets, a few comments."""
    statements = np.array(BANK.statement_ids, dtype=object)
    rate = rng.uniform(0.1, 1.0, len(statements)) if answer_rate is None else \
        np.full(len(statements), answer_rate)
    present = rng.random((people, len(statements))) < rate
    who, what = np.nonzero(present)
    size = len(who)
    current = rng.integers(0, 5, size).astype(float)
    current[rng.random(size) < rng.uniform(0, 0.4)] = np.nan
    target = rng.integers(0, 5, size).astype(float)
    target[rng.random(size) < rng.uniform(0, 0.8)] = np.nan
    perspective = rng.choice(PERSPECTIVES, people, p=[0.4, 0.2, 0.2, 0.1, 0.1])
    comment = np.where(rng.random(size) < 0.2, "note " + pd.Series(np.arange(size)).astype(str), "")
    return pd.DataFrame({"respondent": pd.Series([f"p{i:05d}" for i in who], dtype=object),
                         "perspective": perspective[who], "statement": statements[what],
                         "current": current, "target": target, "comment": comment})


def ordered(frame: pd.DataFrame, order: str, rng: np.random.Generator) -> pd.DataFrame:
    """The rows sorted by respondent (as generated), shuffled, or sorted by statement."""
    if order == "shuffled":
        return frame.take(rng.permutation(len(frame))).reset_index(drop=True)
    if order == "by statement":
        return frame.sort_values("statement", kind="stable").reset_index(drop=True)
    return frame


def typed(frame: pd.DataFrame, dtype: Any) -> pd.DataFrame:
    """The frame with its text columns in `dtype`."""
    return frame.astype({column: dtype for column in TEXT})


# ---------------------------------------------------------------- comparison

def assert_same(left: Any, right: Any, what: str) -> None:
    """Numbers equal to 1e-9, NaN where the other is NaN (None counts as NaN)."""
    a = np.array([math.nan if v is None else v for v in np.atleast_1d(left)], dtype=float)
    b = np.array([math.nan if v is None else v for v in np.atleast_1d(right)], dtype=float)
    np.testing.assert_allclose(a, b, rtol=0, atol=1e-9, equal_nan=True, err_msg=what)


def check_group(frame: pd.DataFrame, bank: Bank, threshold: int, expected: dict[str, Any],
                result: Any = None) -> None:
    """score_group (or the given result) against the reference."""
    result = score_group(frame, bank, threshold) if result is None else result
    assert (result.n_respondents, result.withheld) == (expected["n_respondents"], expected["withheld"])
    if expected["withheld"]:
        assert result.overall_score is None and result.principles.empty and result.statements.empty
        return
    assert_same(result.overall_score, expected["overall"], "overall")
    for name in ("principles", "statements"):
        want = expected[name]
        got = getattr(result, name)
        assert got.iloc[:, 0].tolist() == want.iloc[:, 0].tolist()
        for column in want.columns[1:]:
            assert_same(got[column].astype(float), want[column].astype(float), f"{name}.{column}")


def check_perspectives(frame: pd.DataFrame, bank: Bank, threshold: int, expected: dict[str, Any],
                       result: Any = None) -> None:
    """score_perspectives (or the given result) against the reference."""
    result = score_perspectives(frame, bank, threshold) if result is None else result
    groups = result.groups.astype({"n": int})
    want = expected["groups"]
    assert groups[["perspective", "label", "n"]].values.tolist() == \
        want[["perspective", "label", "n"]].values.tolist()
    assert [None if pd.isna(g) else g for g in groups["shown_as"]] == want["shown_as"].tolist()
    scores, want = result.scores, expected["scores"]
    assert scores[["perspective", "label", "principle", "n"]].values.tolist() == \
        want[["perspective", "label", "principle", "n"]].values.tolist()
    assert_same(scores["score"], want["score"], "perspective scores")
    gaps, want = result.gaps, expected["gaps"]
    assert gaps["principle"].tolist() == want["principle"].tolist()
    assert_same(gaps["max_gap"], want["max_gap"], "max_gap")
    for column in ("highest", "lowest"):
        assert [None if pd.isna(v) else v for v in gaps[column]] == \
            [None if pd.isna(v) else v for v in want[column]]


def check_respondents(frame: pd.DataFrame, bank: Bank, threshold: int, people: pd.DataFrame) -> None:
    """score_respondents at the threshold against the reference's per-person table."""
    result = score_respondents(frame, bank, threshold)
    assert result["respondent"].tolist() == people["respondent"].tolist()
    assert result["principle"].tolist() == people["principle"].tolist()
    for column in ("current_score", "target_score", "answered", "dont_know", "statements"):
        assert_same(result[column].astype(float), people[column].astype(float), column)
    assert result["insufficient"].tolist() == people["insufficient"].tolist()


# ---------------------------------------------------------------- tests

@pytest.mark.parametrize("seed", range(24))
def test_reference_small_random_sessions_every_dtype_and_order(seed: int) -> None:
    rng = np.random.default_rng(seed)
    frame = random_frame(rng, int(rng.integers(1, 16)))
    threshold = int(rng.integers(1, 5))
    group = reference_group(frame, BANK, threshold)
    perspectives = reference_perspectives(frame, BANK, threshold)
    people = reference_respondents(frame, BANK, threshold)
    # Each seed takes one text dtype in turn (every dtype meets every order across the seeds).
    dtype = list(DTYPES.values())[seed % len(DTYPES)]
    for order in ("by respondent", "shuffled", "by statement"):
        variant = typed(ordered(frame, order, rng), dtype)
        check_group(variant, BANK, threshold, group)
        check_perspectives(variant, BANK, threshold, perspectives)
        check_respondents(variant, BANK, threshold, people)
        together = score_all(variant, BANK, threshold)
        check_group(variant, BANK, threshold, group, together[0])
        check_perspectives(variant, BANK, threshold, perspectives, together[1])


def test_reference_random_sessions_hide_statements_often() -> None:
    # The generator must exercise the rule: across seeds, hidden statements and hidden targets
    # occur, and so do sessions that are shown and withheld.
    seen: Counter[str] = Counter()
    for seed in range(24):
        rng = np.random.default_rng(seed)
        frame = random_frame(rng, int(rng.integers(1, 16)))
        threshold = int(rng.integers(1, 5))
        shown, aims = shown_statements(frame, BANK, threshold)
        seen["hidden statement"] += len(shown) < len(BANK.statement_ids)
        seen["hidden target"] += len(aims) < len(shown)
        seen["withheld"] += reference_group(frame, BANK, threshold)["withheld"]
    assert min(seen.values()) >= 2 and seen["withheld"] <= 12, seen


class CountingPool:
    """A stand-in for the helper thread pool that notes what is handed to it."""

    def __init__(self, pool: Any) -> None:
        self.pool = pool
        self.submitted: list[Callable[..., object]] = []

    def submit(self, function: Any, *args: Any, **kwargs: Any) -> Any:
        self.submitted.append(function)
        return self.pool.submit(function, *args, **kwargs)


def test_reference_big_session_runs_the_threaded_path(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(99)
    frame = random_frame(rng, 36_000, answer_rate=0.95)
    # One statement rated by two people only, one statement's targets from two people only:
    # at threshold 3 both are hidden, among 36,000 respondents.
    rare = frame["statement"] == "s3a"
    frame.loc[rare, "current"] = np.nan
    frame.loc[rare[rare].index[:2], "current"] = 4.0
    aimed = frame["statement"] == "s1b"
    frame.loc[aimed, "target"] = np.nan
    frame.loc[aimed[aimed].index[:2], "target"] = 0.0
    assert len(frame) >= PARALLEL_ROWS
    group = reference_group(frame, BANK, 3)
    perspectives = reference_perspectives(frame, BANK, 3)
    assert not group["withheld"] and np.isnan(group["statements"]["mean"].iloc[-1])
    pool = CountingPool(scoring.codes.POOL)
    monkeypatch.setattr(scoring.codes, "POOL", pool)
    for order in ("shuffled", "by statement"):
        variant = typed(ordered(frame, order, rng), "str")
        result = score_all(variant, BANK, 3)
        check_group(variant, BANK, 3, group, result[0])
        check_perspectives(variant, BANK, 3, perspectives, result[1])
    # Each order's respondent ids were coded on the helper thread.
    assert pool.submitted.count(scoring.codes.factorize) == 2
