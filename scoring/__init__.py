"""Pure pandas scoring of long-format answers: respondents, groups, perspectives, changes."""

from __future__ import annotations

from scoring.compare import Comparison, compare_results
from scoring.errors import ResponseError
from scoring.group import (
    GroupResult,
    development_areas,
    hot_spots,
    score_group,
    strengths,
)
from scoring.perspectives import OTHER, OTHER_LABEL, PerspectiveResult, score_perspectives
from scoring.respondent import score_respondents
from scoring.shareable import NOT_COUNTED, shareable_answers
from scoring.responses import (
    LONG_COLUMNS,
    MAX_BYTES,
    read_responses_csv,
    template_csv,
    template_frame,
    validate_responses,
)

__all__ = [
    "LONG_COLUMNS",
    "MAX_BYTES",
    "NOT_COUNTED",
    "OTHER",
    "OTHER_LABEL",
    "Comparison",
    "GroupResult",
    "PerspectiveResult",
    "ResponseError",
    "compare_results",
    "development_areas",
    "hot_spots",
    "read_responses_csv",
    "score_group",
    "score_perspectives",
    "score_respondents",
    "shareable_answers",
    "strengths",
    "template_csv",
    "template_frame",
    "validate_responses",
]
