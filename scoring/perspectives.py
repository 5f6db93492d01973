"""Scores per perspective, with small perspectives merged or withheld, and the gaps between them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from questions.schema import Bank
from scoring.group import plural
from scoring.respondent import encode, first_perspectives, tally

OTHER = "other"
OTHER_LABEL = "Other perspectives (merged)"
GROUP_COLUMNS = ["perspective", "label", "n", "shown_as"]
SCORE_COLUMNS = ["perspective", "label", "principle", "score", "n"]
GAP_COLUMNS = ["principle", "name", "max_gap", "highest", "lowest", "highest_label",
               "lowest_label"]


@dataclass(frozen=True, eq=False)
class PerspectiveResult:
    """Principle scores per perspective group; no group smaller than the threshold is shown."""

    threshold: int
    groups: pd.DataFrame    # every perspective found: n respondents, shown_as (group id or None)
    scores: pd.DataFrame    # shown groups x principles: perspective, label, principle, score, n
    gaps: pd.DataFrame      # per principle: max_gap (highest - lowest score) and who is where
    notes: tuple[str, ...]


def _ordered(found: pd.Series, bank: Bank) -> list[str]:
    """Perspectives found, in bank order, then unknown ones by name, with 'other' last."""
    ids = [p.id for p in bank.perspectives if p.id in set(found) and p.id != OTHER]
    ids += sorted(set(found) - set(ids) - {OTHER})
    return ids + ([OTHER] if OTHER in set(found) else [])


def _groups(counts: pd.Series, bank: Bank,
            threshold: int) -> tuple[pd.DataFrame, list[str], dict[str, str]]:
    """Each perspective's group (itself, 'other', a shown group or None), notes, group labels.

    A leftover smaller than the threshold is folded into the smallest shown group rather than
    left out: otherwise its average could be worked out from the overall score.
    """
    labels = {p.id: p.label for p in bank.perspectives}
    order = _ordered(pd.Series(counts.index), bank)
    small = [p for p in order if counts[p] < threshold]
    into_other = [p for p in order if p in small or p == OTHER]
    other_total = int(sum(counts[p] for p in into_other))
    merged = [p for p in small if p != OTHER]
    notes = [f"{labels.get(p, p)}: {plural(int(counts[p]), 'respondent')}, merged into "
             "Other perspectives." for p in merged]
    other_shown = other_total >= threshold
    named = [p for p in order if p not in into_other]
    absorb = None
    group_labels = {p: labels.get(p, p) for p in order}
    group_labels[OTHER] = OTHER_LABEL if merged else labels.get(OTHER, OTHER_LABEL)
    if into_other and not other_shown:
        if named:
            absorb = min(named, key=lambda p: (int(counts[p]), order.index(p)))
            notes.append(f"Other perspectives: {plural(other_total, 'respondent')} in total, "
                         f"fewer than {threshold}, so counted with {group_labels[absorb]}.")
            group_labels[absorb] = f"{group_labels[absorb]} and others (merged)"
        else:
            notes.append(f"Other perspectives: {plural(other_total, 'respondent')} in total, "
                         f"fewer than {threshold}, so not shown.")
    shown_as = [(OTHER if other_shown else absorb) if p in into_other else p for p in order]
    frame = pd.DataFrame({
        "perspective": pd.Series(order, dtype="str"),
        "label": pd.Series([labels.get(p, p) for p in order], dtype="str"),
        "n": pd.Series([int(counts[p]) for p in order], dtype="int64"),
        "shown_as": pd.Series(shown_as, dtype=object),
    })
    return frame, notes, group_labels


def score_perspectives(responses: pd.DataFrame, bank: Bank,
                       threshold: int = 3) -> PerspectiveResult:
    """Principle scores per perspective; groups under `threshold` respondents merge into 'other'.

    If the merged 'other' group is still under the threshold it is withheld. Gaps (highest
    minus lowest perspective score per principle) need at least two shown groups.
    """
    if threshold < 1:
        raise ValueError(f"threshold must be at least 1, not {threshold}")
    encoded = encode(responses, bank)
    counted = tally(encoded, bank)
    active = counted.answered.sum(axis=1) > 0
    perspectives = pd.Series(first_perspectives(encoded)[active], dtype=object)
    counts = perspectives.value_counts()
    groups, notes, labels = _groups(counts, bank, threshold)
    named = list(dict.fromkeys(groups["shown_as"].dropna()))
    shown = [g for g in named if g != OTHER] + [g for g in named if g == OTHER]
    group_of = dict(zip(groups["perspective"], groups["shown_as"]))
    code = pd.Series(perspectives.map(group_of), dtype=object).map(
        {g: i for i, g in enumerate(shown)}).fillna(-1).to_numpy(dtype=np.int64)
    usable = ~counted.insufficient[active] & (code >= 0)[:, np.newaxis]
    values = np.where(usable, counted.current_score[active], 0.0)
    n_groups, n_principles = len(shown), len(counted.principle_ids)
    key = (code[:, np.newaxis] * n_principles + np.arange(n_principles)[np.newaxis, :])
    size = n_groups * n_principles
    n = np.bincount(key[usable], minlength=size).reshape(n_groups, n_principles)
    total = np.bincount(key[usable], weights=values[usable], minlength=size).reshape(
        n_groups, n_principles)
    with np.errstate(invalid="ignore", divide="ignore"):
        score = np.clip(total / n, 0.0, 100.0)
    # Small cells: a group's principle score resting on fewer than `threshold` people is hidden.
    hidden = (n < threshold) & (n > 0)
    score = np.where(n < threshold, np.nan, score)
    # ...and so is every other group's score on that principle: from the whole-group score and the
    # shown groups' scores and sizes, a single hidden cell could be worked out by subtraction.
    leaky = np.asarray(hidden.any(axis=0), dtype=bool)
    score = np.where(leaky[np.newaxis, :], np.nan, score)
    names = {p.id: p.name for p in bank.principles}
    notes += [f"{names.get(pid, pid)}: no scores by perspective, as a group has fewer than {threshold} "
              "people scored on it." for pid, is_leaky in zip(counted.principle_ids, leaky) if is_leaky]
    scores = pd.DataFrame({
        "perspective": pd.Series(np.repeat(np.array(shown, dtype=object), n_principles),
                                 dtype="str"),
        "label": pd.Series([labels.get(g, g) for g in shown for _ in counted.principle_ids],
                           dtype="str"),
        "principle": pd.Series(list(counted.principle_ids) * n_groups, dtype="str"),
        "score": score.ravel(),
        "n": n.ravel().astype(np.int64),
    })[SCORE_COLUMNS]
    return PerspectiveResult(threshold, groups.reset_index(drop=True), scores,
                             _gaps(score, shown, labels, bank), tuple(notes))


def _gaps(score: np.ndarray, shown: list[str], labels: dict[str, str],
          bank: Bank) -> pd.DataFrame:
    """Per principle: highest minus lowest group score, and which groups those are."""
    empty = pd.DataFrame({column: pd.Series(dtype="float64" if column == "max_gap" else "str")
                          for column in GAP_COLUMNS})
    if len(shown) < 2:
        return empty
    has = ~np.isnan(score)
    high = np.where(has, score, -np.inf)
    low = np.where(has, score, np.inf)
    top, bottom = high.argmax(axis=0), low.argmin(axis=0)
    comparable = has.sum(axis=0) >= 2
    columns = np.arange(score.shape[1])
    names = np.array(shown, dtype=object)
    frame = pd.DataFrame({
        "principle": pd.Series([p.id for p in bank.principles], dtype="str"),
        "name": pd.Series([p.name for p in bank.principles], dtype="str"),
        "max_gap": np.where(comparable, high[top, columns] - low[bottom, columns], np.nan),
        "highest": pd.Series(np.where(comparable, names[top], None), dtype="str"),
        "lowest": pd.Series(np.where(comparable, names[bottom], None), dtype="str"),
    })
    frame["highest_label"] = frame["highest"].map(labels)
    frame["lowest_label"] = frame["lowest"].map(labels)
    return frame[GAP_COLUMNS]
