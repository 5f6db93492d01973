"""The plain-language explanation of how the scores are worked out."""

from __future__ import annotations

from questions.schema import Bank

# The method's sentence about comments, and what the PDF says instead when they are included.
COMMENTS_LEFT_OUT = "Comments are not included in this report."
COMMENTS_INCLUDED = ("Comments are included only for statements whose results are shown, without who wrote "
                     "them or their perspective.")


def _band_ranges(bank: Bank) -> str:
    """Bands as '0 to 24: Name; 25 to 49: Name; ...'."""
    bands = sorted(bank.scale.bands, key=lambda band: band.min_score)
    parts = []
    for band, following in zip(bands, list(bands[1:]) + [None]):
        upper = "100" if following is None else f"below {following.min_score:g}"
        parts.append(f"{band.min_score:g} to {upper}: {band.name}")
    return "; ".join(parts)


def method_paragraphs(bank: Bank, threshold: int) -> tuple[str, ...]:
    """Paragraphs explaining the scale, the scoring and the anonymity rule."""
    levels = sorted(bank.scale.levels, key=lambda level: level.value)
    low, high = levels[0], levels[-1]
    paragraphs = [
        "Each statement describes a move from traditional practice (From) to co-produced practice (To). "
        f"People answered on a scale from {low.value} (\u201c{low.label}\u201d: practice is mostly like the From "
        f"statement) to {high.value} (\u201c{high.label}\u201d: mostly like the To statement), once for how "
        "things are now (current) and once for where they would like to be (target).",
        f"Answers of \u201c{bank.scale.dont_know_label}\u201d are left out of the calculation, so they "
        "neither raise nor lower a score.",
        f"A person's score for a principle is the average of their answers to its statements multiplied by "
        f"{100 // max(high.value, 1)}, so scores run from 0 to 100. The group score is the average of those "
        "personal scores: each respondent weighs equally, however many statements they answered. The overall "
        "score is worked out the same way from each person's answers to all the statements.",
        "The gap is the target minus the current score. The spread shows how far apart people's scores "
        "were; a large spread is worth talking about.",
        f"To protect anonymity, results are only shown when at least {threshold} people have answered, and "
        f"perspectives with fewer than {threshold} people are merged with others or left out. A principle "
        f"or statement answered by fewer than {threshold} people shows no score or spread. {COMMENTS_LEFT_OUT}",
    ]
    if bank.scale.bands:
        paragraphs.append(f"Score bands: {_band_ranges(bank)}.")
    return tuple(paragraphs)


# Said wherever the action plan is shown or printed (issue 12 point 9, "you said, we did").
OWN_LINK_NOTE = ("Everyone who answered can see the group's results and these actions, with their progress as "
                 "the team updates them, by opening their own answers with their resume code.")
