"""Banks in several languages: the bad-translation corpus with its exact messages, inline translations, the API."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from questions import BankError, load_bank, load_bank_text, load_builtin
from questions.loader import load_translation
from questions.translations import bank_texts

DATA = Path(__file__).resolve().parents[1] / "data"
BAD = DATA / "bad_translations"
DEMO = DATA / "translated_bank" / "demo.yaml"
REPO = Path(__file__).resolve().parents[2]

# File name -> the exact lines of str(BankError), in order.
EXPECTED: dict[str, list[str]] = {
    'duplicate_key.cy.yaml': [
        "duplicate_key.cy.yaml:32: statements.assets-2.from: expected each key once, found 'from' again (first at line 31). Hint: Remove one of them: YAML would silently keep only the last.",
    ],
    'empty.cy.yaml': [
        'empty.cy.yaml: (top level): expected a mapping with the keys bank, bank_version, language and status, found nothing (the file is empty). Hint: Start from questions/translations/coproduction-quick.cy.yaml.',
    ],
    'english_language.en.yaml': [
        "english_language.en.yaml:3: language: expected a language other than the bank's own (en-GB), found text 'en'. Hint: Change the bank itself to correct its own language.",
    ],
    'extra_easy_read.cy.yaml': [
        "extra_easy_read.cy.yaml:30: statements.assets-1.easy_read: expected one of the keys from, to, prompt, found the unknown key 'easy_read'. Hint: Remove it: the bank has no text here to translate.",
    ],
    'language_not_file_name.cy.yaml': [
        "language_not_file_name.cy.yaml:3: language: expected 'cy' (as in the file name), found text 'ar'. Hint: Make the file name and the language tag agree.",
    ],
    'list_as_text.cy.yaml': [
        "list_as_text.cy.yaml:13: scale.dont_know: expected text, found a list. Hint: Write the text after the colon, in quotes if it contains ': '.",
    ],
    'missing_statement.cy.yaml': [
        "missing_statement.cy.yaml:26: statements.assets-2: expected 2 translated texts, found nothing (the key is missing). Hint: Add 'assets-2:' under 'statements:', with its texts in this file's language.",
    ],
    'missing_status.cy.yaml': [
        "missing_status.cy.yaml:1: status: expected a value for 'status', found nothing (the key is missing). Hint: Add 'status: ...' saying who has reviewed the translation, e.g. 'awaiting review by a first-language speaker'.",
    ],
    'missing_text.cy.yaml': [
        "missing_text.cy.yaml:27: statements.assets-1.to: expected a translation of 'We list strengths.', found nothing (the key is missing). Hint: Add 'to: ...' under 'assets-1:', in this file's language.",
    ],
    'number_as_text.cy.yaml': [
        'number_as_text.cy.yaml:5: title: expected text, found the number 2024. Hint: Put it in quotes if it is meant as text.',
    ],
    'old_bank_version.cy.yaml': [
        "old_bank_version.cy.yaml:2: bank_version: expected '2.0' (the version of demo now), found text '1.0'. Hint: Check every text against version 2.0 of the bank, then change bank_version.",
    ],
    'principle_not_mapping.cy.yaml': [
        "principle_not_mapping.cy.yaml:22: principles.assets: expected a mapping of translated texts, found text 'Pobl fel asedau'. Hint: Write it as indented 'key: value' lines.",
    ],
    'several_faults.cy.yaml': [
        "several_faults.cy.yaml:1: title: expected a translation of 'Demo bank', found nothing (the key is missing). Hint: Add 'title: ...' at the top level, in this file's language.",
        "several_faults.cy.yaml:2: bank_version: expected '2.0' (the version of demo now), found text '1.9'. Hint: Check every text against version 2.0 of the bank, then change bank_version.",
        "several_faults.cy.yaml:20: perspectives.staff: expected a perspective id of the bank (everyone), found the unknown key 'staff'. Hint: Remove it: the bank has no text here to translate.",
        'several_faults.cy.yaml:32: statements.assets-2.to: expected text, found the yes/no value yes. Hint: Put it in quotes if it is meant as text.',
    ],
    'status_twice.cy.yaml': [
        "status_twice.cy.yaml:5: status: expected each key once, found 'status' again (first at line 4). Hint: Remove one of them: YAML would silently keep only the last.",
    ],
    'syntax_error.cy.yaml': [
        "syntax_error.cy.yaml:24:23: YAML syntax: expected valid YAML, found a syntax error: mapping values are not allowed here. Hint: Put text that contains ': ' in quotes.",
    ],
    'unknown_level.cy.yaml': [
        "unknown_level.cy.yaml:8: scale.levels.4: expected 1 translated text, found nothing (the key is missing). Hint: Add '4:' under 'levels:', with its texts in this file's language.",
        "unknown_level.cy.yaml:12: scale.levels.5: expected a scale value of the bank (0, 1, 2, 3, 4), found the unknown key '5'. Hint: Remove it: the bank has no text here to translate.",
    ],
    'unknown_statement.cy.yaml': [
        "unknown_statement.cy.yaml:26: statements.assets-2: expected 2 translated texts, found nothing (the key is missing). Hint: Add 'assets-2:' under 'statements:', with its texts in this file's language.",
        "unknown_statement.cy.yaml:30: statements.asets-2: expected a statement id of the bank (assets-1, assets-2), found the unknown key 'asets-2'. Hint: Did you mean 'assets-2'?",
    ],
    'wrong_bank.cy.yaml': [
        "wrong_bank.cy.yaml:1: bank: expected 'demo' (the bank beside this file), found text 'coproduction-quick'. Hint: Name the file after the bank it translates: demo.<language>.yaml.",
    ],
}


def test_every_bad_translation_file_has_pinned_messages() -> None:
    assert sorted(path.name for path in BAD.glob("*.yaml")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 8


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_translation_reports_every_problem_with_file_and_line(name: str) -> None:
    bank = load_bank(DEMO, translations=False)
    with pytest.raises(BankError) as caught:
        load_translation(BAD / name, bank)
    assert str(caught.value).splitlines() == EXPECTED[name]


def test_translation_beside_a_bank_file_is_loaded_and_applied() -> None:
    bank = load_bank(DEMO)
    welsh = bank.in_language("cy")
    assert bank.languages == welsh.languages == ("en-GB", "cy")
    assert (welsh.title, welsh.statement("assets-1").texts(), welsh.scale.label(2), welsh.scale.band_for(60).name) == (
        "Banc enghreifftiol", ("Rydyn ni'n rhestru anghenion.", "Rydyn ni'n rhestru cryfderau."), "Rhwng y ddau",
        "Rhannu")
    assert welsh.language == "cy" and welsh.translation_status == "awaiting review by a first-language Welsh speaker"
    assert bank.translation_status is None and welsh.text_direction == "ltr"


def test_in_language_keeps_ids_values_and_pictures_so_scores_cannot_change() -> None:
    bank = load_builtin("coproduction-full")
    welsh = bank.in_language("cy-GB")
    assert welsh.language == "cy" and welsh.original is bank
    assert welsh.statement_ids == bank.statement_ids
    assert [p.id for p in welsh.principles] == [p.id for p in bank.principles]
    assert [(s.principle_id, s.picture, s.references) for s in welsh.statements] == [
        (s.principle_id, s.picture, s.references) for s in bank.statements]
    assert [lv.value for lv in welsh.scale.levels] == [lv.value for lv in bank.scale.levels]
    assert [b.min_score for b in welsh.scale.bands] == [b.min_score for b in bank.scale.bands]
    assert [p.id for p in welsh.perspectives] == [p.id for p in bank.perspectives]
    assert (welsh.id, welsh.version, welsh.references) == (bank.id, bank.version, bank.references)


def test_in_language_own_or_unknown_language_gives_the_bank_itself() -> None:
    bank = load_builtin("coproduction-full")
    assert bank.in_language("en") is bank and bank.in_language("en-GB") is bank
    assert bank.in_language("ar") is bank  # the full bank has no Arabic: it is shown in English
    assert bank.in_language("cy").in_language("en-GB") is bank


def test_arabic_quick_bank_is_right_to_left() -> None:
    arabic = load_builtin("coproduction-quick").in_language("ar")
    assert arabic.text_direction == "rtl" and arabic.language == "ar"
    assert arabic.translation_status == "awaiting review by a first-language Arabic speaker"
    assert re.search("[\u0600-\u06ff]", arabic.statement("quick-assets").from_text)


SHIPPED = {"coproduction-full": ("en-GB", "cy"), "coproduction-quick": ("en-GB", "ar", "cy")}


@pytest.mark.parametrize("bank_id", sorted(SHIPPED))
def test_shipped_languages_are_complete_and_await_review(bank_id: str) -> None:
    bank = load_builtin(bank_id)
    assert bank.languages == SHIPPED[bank_id]
    english = bank_texts(bank)
    for translation in bank.translations:
        # No text falls back to English, not even a discussion prompt, and every text is translated.
        assert translation.fallbacks == ()
        assert list(translation.texts) == list(english)
        same = [key for key, text in translation.texts.items() if text == english[key]]
        assert same == [], f"{translation.language}: left in English: {same}"
        # Until a first-language speaker has reviewed it, the translation says so (README: Translations).
        assert re.match(r"(awaiting review by|reviewed by) a first-language \w+ speaker", translation.status)


def _glossary(language: str) -> list[tuple[str, str, str]]:
    """(English, translation, where) rows of locales/<language>/GLOSSARY.md used in banks ('banks', 'full bank')."""
    rows = []
    for line in (REPO / "locales" / language / "GLOSSARY.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and cells[2] in ("banks", "full bank"):
            rows.append((cells[0], cells[1], cells[2]))
    return rows


@pytest.mark.parametrize(("language", "bank_ids"), [("cy", ("coproduction-full", "coproduction-quick")),
                                                    ("ar", ("coproduction-quick",))])
def test_glossary_terms_are_used_in_the_bank_translations(language: str, bank_ids: tuple[str, ...]) -> None:
    rows = _glossary(language)
    assert len(rows) >= 20
    for bank_id in bank_ids:
        translation = load_builtin(bank_id).translation(language)
        assert translation is not None
        text = " ".join(translation.texts.values()).lower()
        for english, term, where in rows:
            if where == "banks" or bank_id == "coproduction-full":
                # Alternatives are written 'a / b': each must be used.
                missing = [part for part in term.lower().split(" / ") if part.strip("'") not in text]
                assert missing == [], f"{bank_id}: glossary term for {english!r} not used: {missing}"


INLINE = """\
id: inline-demo
title: Demo bank
version: "1.0"
principles:
  - id: assets
    name: People as assets
    definition: People bring skills.
    statements:
      - id: assets-1
        from: We list needs.
        to: We list strengths.
        prompt: Which strength did we use?
translations:
  cy:
    status: awaiting review by a first-language Welsh speaker
    title: Banc enghreifftiol
    principles:
      assets: {name: Pobl fel asedau, definition: Mae gan bobl sgiliau.}
    statements:
      assets-1: {from: Rydyn ni'n rhestru anghenion., to: Rydyn ni'n rhestru cryfderau.}
"""
DEFAULTS_CY = """\
    scale:
      levels:
        0: {label: a, description: b, easy_read: {label: c, description: d}}
        1: {label: a, description: b, easy_read: {label: c, description: d}}
        2: {label: a, description: b, easy_read: {label: c, description: d}}
        3: {label: a, description: b, easy_read: {label: c, description: d}}
        4: {label: a, description: b, easy_read: {label: c, description: d}}
      dont_know: a
      easy_read: {dont_know: b}
      bands:
        0: {name: a, description: b, easy_read: {name: c, description: d}}
        25: {name: e, description: b, easy_read: {name: f, description: d}}
        50: {name: g, description: b, easy_read: {name: h, description: d}}
        75: {name: i, description: b, easy_read: {name: j, description: d}}
    perspectives:
      staff: {label: a, easy_read: {label: b}}
      people_using_services: {label: a, easy_read: {label: b}}
      carers: {label: a, easy_read: {label: b}}
      managers: {label: a, easy_read: {label: b}}
      commissioners: {label: a, easy_read: {label: b}}
"""


def test_inline_translations_in_an_uploaded_bank_with_the_prompt_falling_back_to_english() -> None:
    bank = load_bank_text(INLINE + DEFAULTS_CY, "upload.yaml")
    welsh = bank.in_language("cy")
    assert bank.languages == ("en-GB", "cy")
    assert welsh.statement("assets-1").texts() == ("Rydyn ni'n rhestru anghenion.", "Rydyn ni'n rhestru cryfderau.")
    # Only a facilitator's discussion prompt may stay in English, and the translation says so.
    assert welsh.statement("assets-1").prompt == "Which strength did we use?"
    translation = bank.translation("cy")
    assert translation is not None and translation.fallbacks == ("statements.assets-1.prompt",)


def test_inline_translations_report_every_problem_with_line_and_path() -> None:
    text = INLINE.replace("    title: Banc enghreifftiol\n", "").replace("{name: Pobl fel asedau, ", "{nmae: Pobl, ")
    text += "  EN-gb:\n    status: x\n  cymraeg!:\n    status: y\n"
    with pytest.raises(BankError) as caught:
        load_bank_text(text, "upload.yaml")
    assert str(caught.value).splitlines() == [
        "upload.yaml:15: translations.cy.title: expected a translation of 'Demo bank', found nothing (the key is missing). Hint: Add 'title: ...' under 'cy:', in that language.",
        "upload.yaml:15: translations.cy.scale: expected 38 translated texts, found nothing (the key is missing). Hint: Add 'scale:' under 'cy:', with its texts in that language.",
        "upload.yaml:15: translations.cy.perspectives: expected 10 translated texts, found nothing (the key is missing). Hint: Add 'perspectives:' under 'cy:', with its texts in that language.",
        "upload.yaml:17: translations.cy.principles.assets.nmae: expected one of the keys name, definition, found the unknown key 'nmae'. Hint: Did you mean 'name'?",
        "upload.yaml:17: translations.cy.principles.assets.name: expected a translation of 'People as assets', found nothing (the key is missing). Hint: Add 'name: ...' under 'assets:', in that language.",
        "upload.yaml:21: translations.EN-gb: expected a language other than the bank's own (en-GB), found text 'EN-gb'. Hint: Change the bank's own texts to correct them.",
        "upload.yaml:23: translations.cymraeg!: expected a language tag as the key, found text 'cymraeg!'. Hint: Use a language tag such as 'en-GB' or 'cy'.",
    ]


def test_welsh_banks_translate_the_same_english_text_the_same_way() -> None:
    quick, full = load_builtin("coproduction-quick"), load_builtin("coproduction-full")
    quick_cy, full_cy = quick.translation("cy"), full.translation("cy")
    assert quick_cy is not None and full_cy is not None
    english_quick, english_full = bank_texts(quick), bank_texts(full)
    shared = [key for key, text in english_full.items() if english_quick.get(key) == text]
    assert len(shared) >= 60  # the scale, bands, perspectives and principle names and definitions
    assert [key for key in shared if quick_cy.texts[key] != full_cy.texts[key]] == []


def test_in_language_builds_each_translated_copy_once() -> None:
    bank = load_builtin("coproduction-quick")
    welsh = bank.in_language("cy")
    assert bank.in_language("cy-GB") is welsh and welsh.in_language("cy") is welsh
    assert bank.in_language("ar") is not welsh and bank.in_language("ar").language == "ar"


def test_load_bank_reports_the_problems_of_every_translation_file_at_once(tmp_path: Path) -> None:
    (tmp_path / "translations").mkdir()
    (tmp_path / "demo.yaml").write_bytes(DEMO.read_bytes())
    for name, target in (("missing_status.cy.yaml", "demo.cy.yaml"), ("wrong_bank.cy.yaml", "demo.cy-GB.yaml")):
        (tmp_path / "translations" / target).write_bytes((BAD / name).read_bytes())
    with pytest.raises(BankError) as caught:
        load_bank(tmp_path / "demo.yaml")
    assert str(caught.value).splitlines() == [
        "demo.cy-GB.yaml:1: bank: expected 'demo' (the bank beside this file), found text 'coproduction-quick'. Hint: Name the file after the bank it translates: demo.<language>.yaml.",
        "demo.cy-GB.yaml:3: language: expected 'cy-GB' (as in the file name), found text 'cy'. Hint: Make the file name and the language tag agree.",
        "demo.cy.yaml:1: status: expected a value for 'status', found nothing (the key is missing). Hint: Add 'status: ...' saying who has reviewed the translation, e.g. 'awaiting review by a first-language speaker'.",
    ]


def test_load_bank_refuses_two_translations_into_one_language(tmp_path: Path) -> None:
    (tmp_path / "translations").mkdir()
    good = (DEMO.parent / "translations" / "demo.cy.yaml").read_text(encoding="utf-8")
    (tmp_path / "demo.yaml").write_bytes(DEMO.read_bytes())
    (tmp_path / "translations" / "demo.cy.yaml").write_text(good, encoding="utf-8")
    (tmp_path / "translations" / "demo.cy-GB.yaml").write_text(good.replace("language: cy", "language: cy-GB"),
                                                               encoding="utf-8")
    with pytest.raises(BankError) as caught:
        load_bank(tmp_path / "demo.yaml")
    assert str(caught.value) == ("demo.cy.yaml: language: expected one translation per language, found a second "
                                 "translation into 'cy'. Hint: Keep one translation per language: remove this "
                                 "file or the other.")
