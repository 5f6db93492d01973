"""The PDF tells readers that participants can follow the results and actions with their own code."""

from __future__ import annotations

import re

import pandas as pd

from questions.schema import Bank
from reports.method import OWN_LINK_NOTE
from reports.pdf import render_pdf
from tests.reports.conftest import action, results_of
from tests.reports.test_pdf import pdf_text


def test_render_pdf_action_plan_says_participants_can_follow_it(bank: Bank, responses: pd.DataFrame) -> None:
    plan = action("reciprocity", "Set up a time bank", "Rhian Jones", None, "planned")
    _, text = pdf_text(render_pdf(results_of(bank, responses, actions=[plan])))
    squashed = re.sub(r"\s+", "", text)
    assert re.sub(r"\s+", "", OWN_LINK_NOTE) in squashed
    # Right under the plan it speaks of.
    assert squashed.index("Setupatimebank") < squashed.index(re.sub(r"\s+", "", OWN_LINK_NOTE))
