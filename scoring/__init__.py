"""Pure pandas scoring of long-format answers: respondents, groups, perspectives, changes, exports.

What may be shown is decided once, in scoring.visibility.shown_cells: a statement (or target)
with fewer answers than the threshold is hidden and counts nowhere, in scores or exports.
"""

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
from scoring.scores import score_all
from scoring.shareable import NOT_COUNTED, shareable_answers, shown_comments
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
    "score_all",
    "score_group",
    "score_perspectives",
    "score_respondents",
    "shareable_answers",
    "shown_comments",
    "strengths",
    "template_csv",
    "template_frame",
    "validate_responses",
]
