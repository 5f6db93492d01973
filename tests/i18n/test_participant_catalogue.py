"""The participant's catalogues: Welsh and Arabic text for the join page and the answer form."""

from __future__ import annotations

import pytest

import i18n
from i18n import _, ngettext, use_language
from ui.easy_read import progress_text, say

MISSING_ONE = "{missing} statement has no answer yet. You can still send: they are left out of the scores."
MISSING_MANY = "{missing} statements have no answer yet. You can still send: they are left out of the scores."


@pytest.fixture(autouse=True)
def _no_resolver() -> object:
    i18n.set_resolver(None)
    yield None
    i18n.set_resolver(None)


@pytest.mark.parametrize(("language", "text"), [("cy", "Anfon fy atebion"), ("ar", "أرسل إجاباتي"),
                                                ("en", "Send my answers")])
def test_participant_send_button_in_each_language(language: str, text: str) -> None:
    with use_language(language):
        assert _("Send my answers") == text


def test_participant_plural_forms_follow_the_count() -> None:
    with use_language("cy"):
        assert ngettext(MISSING_ONE, MISSING_MANY, 1).format(missing=1).endswith("caiff ei adael allan o'r sgorau.")
        assert ngettext(MISSING_ONE, MISSING_MANY, 4).format(missing=4).endswith("cânt eu gadael allan o'r sgorau.")
    with use_language("ar"):
        assert "عبارتين" in ngettext(MISSING_ONE, MISSING_MANY, 2)
        assert "عبارات" in ngettext(MISSING_ONE, MISSING_MANY, 5)


def test_participant_easy_read_wording_is_translated_too() -> None:
    # The singular of a plural entry, asked for on its own (Easy Read's WORDS), is its "one" form.
    with use_language("cy"):
        assert say("missing_one", missing=1) == (
            "Mae 1 datganiad heb ateb eto. Gallwch chi anfon o hyd: caiff ei adael allan o'r sgorau.")
        assert say("next", easy_read=True) == "Tudalen nesaf"
        assert progress_text(3, 36, 2, 6, easy_read=True) == (
            "Rydych chi wedi ateb 3 o 36 cwestiwn. Dyma dudalen 2 o 6.")
    with use_language("ar"):
        assert say("review", easy_read=True) == "راجع إجاباتي"
