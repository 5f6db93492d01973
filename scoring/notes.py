"""Plain-language notes on who was counted and which numbers are not shown, and why."""

from __future__ import annotations

import numpy as np
import pandas as pd

from scoring.counting import Counted
from scoring.visibility import Shown


def plural(count: int, word: str) -> str:
    """'1 respondent', '2 respondents'."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _is_are(count: int) -> str:
    """The verb agreeing with a count."""
    return "is" if count == 1 else "are"


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
        notes.append(f"{plural(dont_know_only, 'respondent')} answered \"don't know\" to every "
                     f"statement and {_is_are(dont_know_only)} not counted.")
    n_respondents = counted.n_respondents
    # While the result is withheld, people whose answers are all hidden are simply still waiting
    # for others to answer the same statements: they are counted in the "N respondents" note.
    waiting = n_respondents + hidden_only
    if n_respondents < threshold and waiting == 0:
        verb = "has" if threshold == 1 else "have"
        notes.append(f"No answers yet: results appear once {plural(threshold, 'respondent')} "
                     f"{verb} answered.")
        return tuple(notes)
    if n_respondents < threshold:
        notes.append(f"{plural(waiting, 'respondent')}: results are shown once at "
                     f"least {threshold} have answered, so that no one's answers can be "
                     "picked out.")
        return tuple(notes)
    if hidden_only:
        notes.append(f"{plural(hidden_only, 'respondent')} answered only statements with fewer "
                     f"than {threshold} answers and {_is_are(hidden_only)} not counted.")
    tallies = counted.tallies
    left_out = int((tallies.insufficient & (tallies.answered > 0)).sum())
    if left_out:
        notes.append(f"Left out of the group scores: {plural(left_out, 'principle score')} from "
                     "respondents who answered fewer than half of that principle's statements.")
    small = principles["insufficient"].to_numpy(dtype=bool)
    for name, n, shown in zip(principles.loc[small, "name"], principles.loc[small, "n"],
                              tallies.statements[small]):
        if shown == 0:
            enough = ("an answer other than don't know" if threshold == 1
                      else f"{threshold} or more answers")
            notes.append(f"{name}: none of its statements had {enough}, so it has no score.")
        elif n == 0:
            notes.append(f"{name}: no respondent answered at least half of its statements, so it "
                         "has no score.")
        else:
            notes.append(f"{name}: fewer than {threshold} respondents answered at least half "
                         "of its statements, so its score is not shown.")
    return tuple(notes)


def statement_notes(shown: Shown, threshold: int) -> tuple[str, ...]:
    """A note when some statements had too few answers to be shown."""
    few = int((~shown.statements).sum())
    if not few:
        return ()
    if threshold == 1:
        return (f"{plural(few, 'statement')} had no answer other than don't know, so no mean is "
                "shown for them.",)
    it = "it is not shown and counts" if few == 1 else "they are not shown and count"
    return (f"{plural(few, 'statement')} had fewer than {threshold} answers (not counting "
            f"don't know), so {it} in no score.",)
