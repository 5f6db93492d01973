"""Plain-language notes on who was counted and which numbers are not shown, and why."""

from __future__ import annotations

import numpy as np
import pandas as pd

from i18n import _, ngettext
from scoring.counting import Counted
from scoring.visibility import Shown


def not_counted(counted: Counted) -> tuple[int, int]:
    """Respondents not counted: (only don't know, only answers to hidden statements)."""
    silent = ~counted.tallies.counted
    if not silent.any() or not counted.shown.hides_any:
        return int(silent.sum()), 0
    encoded = counted.encoded
    # Anyone with an answer other than don't know who is still not counted answered only hidden
    # statements: one bincount over the raw levels tells them apart.
    answered = np.bincount(encoded.who[encoded.current < encoded.levels],
                           minlength=len(silent)) > 0
    hidden_only = int((silent & answered).sum())
    return int(silent.sum()) - hidden_only, hidden_only


def group_notes(counted: Counted, principles: pd.DataFrame, threshold: int) -> tuple[str, ...]:
    """Notes on who was counted, whether results are withheld and which principles to read with care."""
    notes = []
    dont_know_only, hidden_only = not_counted(counted)
    if dont_know_only:
        notes.append(ngettext("{n} respondent answered \"don't know\" to every statement and is not counted.",
                              "{n} respondents answered \"don't know\" to every statement and are not counted.",
                              dont_know_only).format(n=dont_know_only))
    n_respondents = counted.n_respondents
    # While the result is withheld, people whose answers are all hidden are simply still waiting
    # for others to answer the same statements: they are counted in the "N respondents" note.
    waiting = n_respondents + hidden_only
    if n_respondents < threshold and waiting == 0:
        notes.append(ngettext("No answers yet: results appear once {n} respondent has answered.",
                              "No answers yet: results appear once {n} respondents have answered.",
                              threshold).format(n=threshold))
        return tuple(notes)
    if n_respondents < threshold:
        notes.append(ngettext("{n} respondent: results are shown once at least {threshold} have answered, so that "
                              "no one's answers can be picked out.",
                              "{n} respondents: results are shown once at least {threshold} have answered, so that "
                              "no one's answers can be picked out.", waiting).format(n=waiting, threshold=threshold))
        return tuple(notes)
    if hidden_only:
        notes.append(ngettext("{n} respondent answered only statements with fewer than {threshold} answers and is "
                              "not counted.",
                              "{n} respondents answered only statements with fewer than {threshold} answers and "
                              "are not counted.", hidden_only).format(n=hidden_only, threshold=threshold))
    tallies = counted.tallies
    left_out = int((tallies.insufficient & (tallies.answered > 0)).sum())
    if left_out:
        notes.append(ngettext("Left out of the group scores: {n} principle score from respondents who answered "
                              "fewer than half of that principle's statements.",
                              "Left out of the group scores: {n} principle scores from respondents who answered "
                              "fewer than half of that principle's statements.", left_out).format(n=left_out))
    small = principles["insufficient"].to_numpy(dtype=bool)
    for name, n, shown in zip(principles.loc[small, "name"], principles.loc[small, "n"],
                              tallies.statements[small]):
        if shown == 0:
            notes.append(_("{principle}: none of its statements had an answer other than don't know, so it has no "
                           "score.").format(principle=name) if threshold == 1 else
                         _("{principle}: none of its statements had {n} or more answers, so it has no score.").format(
                             principle=name, n=threshold))
        elif n == 0:
            notes.append(_("{principle}: no respondent answered at least half of its statements, so it has no "
                           "score.").format(principle=name))
        else:
            notes.append(_("{principle}: fewer than {n} respondents answered at least half of its statements, so "
                           "its score is not shown.").format(principle=name, n=threshold))
    return tuple(notes)


def statement_notes(shown: Shown, threshold: int) -> tuple[str, ...]:
    """A note when some statements had too few answers to be shown."""
    few = int((~shown.statements).sum())
    if not few:
        return ()
    if threshold == 1:
        return (ngettext("{n} statement had no answer other than don't know, so no mean is shown for them.",
                         "{n} statements had no answer other than don't know, so no mean is shown for them.",
                         few).format(n=few),)
    return (ngettext("{n} statement had fewer than {threshold} answers (not counting don't know), so it is not "
                     "shown and counts in no score.",
                     "{n} statements had fewer than {threshold} answers (not counting don't know), so they are not "
                     "shown and count in no score.", few).format(n=few, threshold=threshold),)
