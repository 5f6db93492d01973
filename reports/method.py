"""The plain-language explanation of how the scores are worked out."""

from __future__ import annotations

from i18n import N_, _
from questions.schema import Bank

# The method's sentence about comments, and what the PDF says instead when they are included.
COMMENTS_LEFT_OUT = N_("Comments are not included in this report.")
COMMENTS_INCLUDED = N_("Comments are included only for statements whose results are shown, without who wrote "
                     "them or their perspective.")


def _band_ranges(bank: Bank) -> str:
    """Bands as '0 to 24: Name; 25 to 49: Name; ...'."""
    bands = sorted(bank.scale.bands, key=lambda band: band.min_score)
    parts = []
    for band, following in zip(bands, list(bands[1:]) + [None]):
        upper = "100" if following is None else _("below {score}").format(score=f"{following.min_score:g}")
        parts.append(_("{low} to {high}: {band}").format(low=f"{band.min_score:g}", high=upper, band=band.name))
    return "; ".join(parts)


def method_paragraphs(bank: Bank, threshold: int) -> tuple[str, ...]:
    """Paragraphs explaining the scale, the scoring and the anonymity rule."""
    levels = sorted(bank.scale.levels, key=lambda level: level.value)
    low, high = levels[0], levels[-1]
    paragraphs = [
        _("Each statement describes a move from traditional practice (From) to co-produced practice (To). "
          "People answered on a scale from {low} (\u201c{low_label}\u201d: practice is mostly like the From "
          "statement) to {high} (\u201c{high_label}\u201d: mostly like the To statement), once for how "
          "things are now (current) and once for where they would like to be (target).").format(
            low=low.value, low_label=low.label, high=high.value, high_label=high.label),
        _("Answers of \u201c{dont_know}\u201d are left out of the calculation, so they "
          "neither raise nor lower a score.").format(dont_know=bank.scale.dont_know_label),
        _("A person's score for a principle is the average of their answers to its statements multiplied by "
          "{factor}, so scores run from 0 to 100. The group score is the average of those "
          "personal scores: each respondent weighs equally, however many statements they answered. The overall "
          "score is worked out the same way from each person's answers to all the statements.").format(
            factor=100 // max(high.value, 1)),
        _("The gap is the target minus the current score. The spread shows how far apart people's scores "
          "were; a large spread is worth talking about."),
        _("To protect anonymity, results are only shown when at least {n} people have answered, and "
          "perspectives with fewer than {n} people are merged with others or left out. A principle "
          "or statement answered by fewer than {n} people shows no score or spread.").format(n=threshold)
        + " " + _(COMMENTS_LEFT_OUT),
    ]
    if bank.scale.bands:
        paragraphs.append(_("Score bands: {bands}.").format(bands=_band_ranges(bank)))
    return tuple(paragraphs)


# Said wherever the action plan is shown or printed (issue 12 point 9, "you said, we did").
OWN_LINK_NOTE = N_("Everyone who answered can see the group's results and these actions, with their progress as "
                   "the team updates them, by opening their own answers with their resume code.")
