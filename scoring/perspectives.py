"""Scores per perspective, with small perspectives merged or withheld, and the gaps between them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from questions.schema import Bank
from scoring.counting import Counted, count
from i18n import ngettext

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
    notes = [ngettext("{perspective}: {n} respondent, merged into Other perspectives.",
                      "{perspective}: {n} respondents, merged into Other perspectives.",
                      int(counts[p])).format(perspective=labels.get(p, p), n=int(counts[p])) for p in merged]
    other_shown = other_total >= threshold
    named = [p for p in order if p not in into_other]
    absorb = None
    group_labels = {p: labels.get(p, p) for p in order}
    group_labels[OTHER] = OTHER_LABEL if merged else labels.get(OTHER, OTHER_LABEL)
    if into_other and not other_shown:
        if named:
            absorb = min(named, key=lambda p: (int(counts[p]), order.index(p)))
            notes.append(ngettext("Other perspectives: {n} respondent in total, fewer than {threshold}, so counted "
                                  "with {group}.",
                                  "Other perspectives: {n} respondents in total, fewer than {threshold}, so counted "
                                  "with {group}.", other_total).format(n=other_total, threshold=threshold,
                                                                        group=group_labels[absorb]))
            group_labels[absorb] = f"{group_labels[absorb]} and others (merged)"
        else:
            notes.append(ngettext("Other perspectives: {n} respondent in total, fewer than {threshold}, so not shown.",
                                  "Other perspectives: {n} respondents in total, fewer than {threshold}, so not "
                                  "shown.", other_total).format(n=other_total, threshold=threshold))
    shown_as = [(OTHER if other_shown else absorb) if p in into_other else p for p in order]
    frame = pd.DataFrame({
        "perspective": pd.Series(order, dtype="str"),
        "label": pd.Series([labels.get(p, p) for p in order], dtype="str"),
        "n": pd.Series([int(counts[p]) for p in order], dtype="int64"),
        "shown_as": pd.Series(shown_as, dtype=object),
    })
    return frame, notes, group_labels


def perspective_groups(counted: Counted, bank: Bank, threshold: int
                       ) -> tuple[np.ndarray, pd.DataFrame, list[str], dict[str, str], list[str]]:
    """Each respondent's shown group, the groups table, notes, group labels and shown groups.

    A respondent not counted (no answer that counts) or in no shown group gets -1.
    """
    encoded = counted.encoded
    active = counted.tallies.counted
    # Factorized once, on each respondent's first row: the few perspectives are then mapped,
    # not every respondent's text.
    coded, uniques = encoded.perspective.iloc[encoded.first_rows].factorize()
    codes = np.asarray(coded, dtype=np.int64)
    found = [str(p) for p in uniques]
    counts = pd.Series(np.bincount(codes[active], minlength=len(found)),
                       index=pd.Index(found, dtype=object))
    groups, notes, labels = _groups(counts[counts > 0], bank, threshold)
    named = list(dict.fromkeys(groups["shown_as"].dropna()))
    shown = [g for g in named if g != OTHER] + [g for g in named if g == OTHER]
    position = {g: i for i, g in enumerate(shown)}
    group_of = dict(zip(groups["perspective"], groups["shown_as"]))
    mapping = np.array([position.get(group_of.get(p) or "", -1) for p in found] + [-1],
                       dtype=np.int64)
    # Index -1 (a missing perspective) picks the appended -1.
    return np.where(active, mapping.take(codes), -1), groups, notes, labels, shown


def perspective_result(counted: Counted, bank: Bank, threshold: int) -> PerspectiveResult:
    """The perspective result from answers already counted at `threshold`."""
    tallies = counted.tallies
    code, groups, notes, labels, shown = perspective_groups(counted, bank, threshold)
    n_groups, n_principles = len(shown), len(tallies.principle_ids)
    size = n_groups * n_principles
    usable = ~tallies.insufficient & (code >= 0)[:, np.newaxis]
    # Cells that count nowhere go to one extra bin, dropped after counting: no row selection.
    key = np.where(usable, code[:, np.newaxis] * n_principles + np.arange(n_principles), size)
    n = np.bincount(key.ravel(), minlength=size + 1)[:size].reshape(n_groups, n_principles)
    total = np.bincount(key.ravel(), weights=np.where(usable, tallies.current_score, 0.0).ravel(),
                        minlength=size + 1)[:size].reshape(n_groups, n_principles)
    with np.errstate(invalid="ignore", divide="ignore"):
        score = total / n  # a mean of 0-100 scores: within 0-100 without clipping
    # Small cells: a group's principle score resting on fewer than `threshold` people is hidden.
    hidden = (n < threshold) & (n > 0)
    score = np.where(n < threshold, np.nan, score)
    # ...and so is every other group's score on that principle: from the whole-group score and the
    # shown groups' scores and sizes, a single hidden cell could be worked out by subtraction.
    leaky = np.asarray(hidden.any(axis=0), dtype=bool)
    score = np.where(leaky[np.newaxis, :], np.nan, score)
    names = {p.id: p.name for p in bank.principles}
    notes += [f"{names.get(pid, pid)}: no scores by perspective, as a group has fewer than {threshold} "
              "people scored on it." for pid, is_leaky in zip(tallies.principle_ids, leaky) if is_leaky]
    scores = pd.DataFrame({
        "perspective": pd.Series(np.repeat(np.array(shown, dtype=object), n_principles),
                                 dtype="str"),
        "label": pd.Series([labels.get(g, g) for g in shown for _ in tallies.principle_ids],
                           dtype="str"),
        "principle": pd.Series(list(tallies.principle_ids) * n_groups, dtype="str"),
        "score": score.ravel(),
        "n": n.ravel().astype(np.int64),
    })[SCORE_COLUMNS]
    return PerspectiveResult(threshold, groups.reset_index(drop=True), scores,
                             _gaps(score, shown, labels, bank), tuple(notes))


def score_perspectives(responses: pd.DataFrame, bank: Bank,
                       threshold: int = 3) -> PerspectiveResult:
    """Principle scores per perspective; groups under `threshold` respondents merge into 'other'.

    If the merged 'other' group is still under the threshold it is withheld. Gaps (highest
    minus lowest perspective score per principle) need at least two shown groups. Hidden
    statements and targets count in no score (scoring.visibility.shown_cells); respondents
    whose answers are all hidden or don't know are in no group.
    """
    if threshold < 1:
        raise ValueError(f"threshold must be at least 1, not {threshold}")
    return perspective_result(count(responses, bank, threshold), bank, threshold)


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
