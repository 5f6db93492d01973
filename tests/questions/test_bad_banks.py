"""Table test over the bad-bank corpus: every malformed bank fails with its exact, pinned message."""

from __future__ import annotations

from pathlib import Path

import pytest

from questions import BankError, load_bank

BAD_BANKS = Path(__file__).resolve().parents[1] / "data" / "bad_banks"

# File name -> the exact lines of str(BankError), in order.
EXPECTED: dict[str, list[str]] = {
    'alias_bomb.yaml': [
        "alias_bomb.yaml:2:8: YAML: expected no aliases, found the alias *a. Hint: Write the value out in full instead of using '&name' and '*name'.",
    ],
    'bad_id.yaml': [
        "bad_id.yaml:1: id: expected an id, found text 'Demo Bank'. Hint: Ids use lowercase letters, digits, '-' and '_', and start with a letter or digit, e.g. 'assets-1'.",
    ],
    'bad_language.yaml': [
        "bad_language.yaml:3: language: expected a language tag, found text 'English'. Hint: Use a language tag such as 'en-GB' or 'cy'.",
    ],
    'bad_statement_id.yaml': [
        "bad_statement_id.yaml:9: principles[0].statements[0].id: expected an id, found text 'assets 1'. Hint: Ids use lowercase letters, digits, '-' and '_', and start with a letter or digit, e.g. 'assets-1'.",
    ],
    'band_nan.yaml': [
        'band_nan.yaml:10: scale.bands[1].min: expected a number from 0 to 100, found the number .nan. Hint: Write a number from 0 to 100, such as 50.',
    ],
    'band_not_from_zero.yaml': [
        "band_not_from_zero.yaml:9: scale.bands[0].min: expected 0 (the first band starts at 0), found the number 10. Hint: Start the first band at 'min: 0', so that every score falls in a band.",
    ],
    'band_over_100.yaml': [
        'band_over_100.yaml:10: scale.bands[1].min: expected a number from 0 to 100, found the number 120. Hint: Write a number from 0 to 100, such as 50.',
    ],
    'bands_descending.yaml': [
        'bands_descending.yaml:11: scale.bands[2].min: expected a number above 50, found the number 25. Hint: List the bands from the lowest score to the highest.',
    ],
    'comments_only.yaml': [
        'comments_only.yaml: (top level): expected a mapping with the keys id, title, version and principles, found nothing (the file is empty). Hint: Start from questions/coproduction_quick.yaml; questions/SCHEMA.md describes every key.',
    ],
    'control_character.yaml': [
        'control_character.yaml:11:22: YAML syntax: expected printable text, found a character that is not allowed (#x0007). Hint: Remove control characters and save the file as plain UTF-8 text.',
    ],
    'deep_nesting.yaml': [
        'deep_nesting.yaml:3:45: YAML: expected at most 32 levels of nesting, found deeper nesting. Hint: A bank needs only a few levels; check the brackets.',
    ],
    'dont_know_yes_no.yaml': [
        'dont_know_yes_no.yaml:8: scale.dont_know: expected text, found the yes/no value no. Hint: Put it in quotes if it is meant as text.',
    ],
    'duplicate_key.yaml': [
        "duplicate_key.yaml:4: title: expected each key once, found 'title' again (first at line 2). Hint: Remove one of them: YAML would silently keep only the last.",
    ],
    'duplicate_perspective.yaml': [
        "duplicate_perspective.yaml:15: perspectives[2].id: expected a perspective id not used before, found 'staff' again (first used at perspectives[0].id). Hint: Answers are stored by id, so each id must be unique in the bank.",
    ],
    'duplicate_principle_id.yaml': [
        "duplicate_principle_id.yaml:12: principles[1].id: expected a principle id not used before, found 'assets' again (first used at principles[0].id). Hint: Answers are stored by id, so each id must be unique in the bank.",
    ],
    'duplicate_statement_id.yaml': [
        "duplicate_statement_id.yaml:16: principles[1].statements[0].id: expected a statement id not used before, found 'assets-1' again (first used at principles[0].statements[0].id). Hint: Answers are stored by id, so each id must be unique in the bank.",
    ],
    'easy_read_band_typo.yaml': [
        "easy_read_band_typo.yaml:14: scale.bands[0].easy_read.nmae: expected one of the keys name, description, found the unknown key 'nmae'. Hint: Did you mean 'name'?",
    ],
    'easy_read_dont_know_yes_no.yaml': [
        'easy_read_dont_know_yes_no.yaml:12: scale.easy_read.dont_know: expected text, found the yes/no value no. Hint: Put it in quotes if it is meant as text.',
    ],
    'easy_read_five_faults.yaml': [
        'easy_read_five_faults.yaml:5: easy_read.title: expected text, found the number 2024. Hint: Put it in quotes if it is meant as text.',
        "easy_read_five_faults.yaml:6: easy_read.description: expected Easy Read text only where there is a standard text, found Easy Read 'description' but no 'description' at the top level. Hint: Add the standard 'description: ...' too, or remove this line.",
        "easy_read_five_faults.yaml:13: principles[0].easy_read.guidance: expected Easy Read text only where there is a standard text, found Easy Read 'guidance' but no 'guidance' at principles[0]. Hint: Add the standard 'guidance: ...' too, or remove this line.",
        "easy_read_five_faults.yaml:19: principles[0].statements[0].easy_read: expected both 'from' and 'to', found only 'to'. Hint: Give both Easy Read texts, or remove easy_read.",
        "easy_read_five_faults.yaml:20: principles[0].statements[0].picture: expected the id of a bundled picture (listed in questions/pictures/README.md), found text 'stars'. Hint: Did you mean 'star'?",
    ],
    'easy_read_half.yaml': [
        "easy_read_half.yaml:13: principles[0].statements[0].easy_read: expected both 'from' and 'to', found only 'from'. Hint: Give both Easy Read texts, or remove easy_read.",
    ],
    'easy_read_level_empty.yaml': [
        "easy_read_level_empty.yaml:11: scale.levels[2].easy_read.label: expected text, found empty text. Hint: Write the text after the colon, in quotes if it contains ': '.",
    ],
    'easy_read_perspective_list.yaml': [
        "easy_read_perspective_list.yaml:9: perspectives[1].easy_read: expected a mapping, found a list. Hint: Write it as indented 'key: value' lines.",
    ],
    'easy_read_text.yaml': [
        "easy_read_text.yaml:8: principles[0].easy_read: expected a mapping, found text 'People have skills.'. Hint: Write it as indented 'key: value' lines.",
    ],
    'easy_read_unknown_key.yaml': [
        "easy_read_unknown_key.yaml:10: principles[0].easy_read.defintion: expected one of the keys name, definition, guidance, found the unknown key 'defintion'. Hint: Did you mean 'definition'?",
    ],
    'easy_read_without_standard.yaml': [
        "easy_read_without_standard.yaml:10: principles[0].easy_read.guidance: expected Easy Read text only where there is a standard text, found Easy Read 'guidance' but no 'guidance' at principles[0]. Hint: Add the standard 'guidance: ...' too, or remove this line.",
    ],
    'empty.yaml': [
        'empty.yaml: (top level): expected a mapping with the keys id, title, version and principles, found nothing (the file is empty). Hint: Start from questions/coproduction_quick.yaml; questions/SCHEMA.md describes every key.',
    ],
    'empty_to.yaml': [
        "empty_to.yaml:11: principles[0].statements[0].to: expected text, found empty text. Hint: Write the text after the colon, in quotes if it contains ': '.",
    ],
    'level_duplicate.yaml': [
        'level_duplicate.yaml:3: scale.levels: expected the whole numbers 0 to 4, one level each, found the values 0, 1, 2, 4. Hint: Scores are worked out on a 0-4 scale, so a bank needs exactly these five levels.',
        'level_duplicate.yaml:6: scale.levels[3].value: expected a level value not used before, found 2 again (first in scale.levels[2]). Hint: Give each level its own value from 0 to 4.',
    ],
    'level_gap.yaml': [
        'level_gap.yaml:3: scale.levels: expected the whole numbers 0 to 4, one level each, found the values 0, 1, 3, 4. Hint: Scores are worked out on a 0-4 scale, so a bank needs exactly these five levels.',
    ],
    'level_missing_label.yaml': [
        "level_missing_label.yaml:7: scale.levels[4].label: expected a value for 'label', found nothing (the key is missing). Hint: Add a line 'label: ...' at this level.",
    ],
    'level_not_integer.yaml': [
        'level_not_integer.yaml:4: scale.levels[1].value: expected a whole number, found the number 1.5. Hint: Write a whole number such as 2.',
    ],
    'missing_title.yaml': [
        "missing_title.yaml:1: title: expected a value for 'title', found nothing (the key is missing). Hint: Add a line 'title: ...' at this level.",
    ],
    'multiple_documents.yaml': [
        "multiple_documents.yaml:12:1: YAML syntax: expected valid YAML, found a syntax error: expected a single document in the stream, but found another document. Hint: Keep one bank per file: remove the extra '---' line.",
    ],
    'no_statements.yaml': [
        'no_statements.yaml:8: principles[0].statements: expected a list of statements, found an empty list. Hint: Add at least one item.',
    ],
    'non_string_key.yaml': [
        'non_string_key.yaml:3: (top level): expected text keys, found the number 2024 used as a key. Hint: Put the key in quotes, or check the indentation.',
    ],
    'not_utf8.yaml': [
        'not_utf8.yaml:10: file: expected UTF-8 text, found a byte that is not UTF-8 (0xe9 at byte 227). Hint: Save the file as UTF-8 (in most editors: Save as, then choose UTF-8).',
    ],
    'null_from.yaml': [
        "null_from.yaml:10: principles[0].statements[0].from: expected text, found nothing. Hint: Write the text after the colon, in quotes if it contains ': '.",
    ],
    'picture_no_match.yaml': [
        "picture_no_match.yaml:12: principles[0].statements[0].picture: expected the id of a bundled picture (listed in questions/pictures/README.md), found text 'elephant'. Hint: Use an id listed in questions/pictures/README.md, such as 'handshake' or 'star'.",
        "picture_no_match.yaml:16: principles[0].statements[1].picture: expected the id of a bundled picture (listed in questions/pictures/README.md), found text 'Puzzle Piece'. Hint: Did you mean 'puzzle'?",
    ],
    'picture_unknown.yaml': [
        "picture_unknown.yaml:12: principles[0].statements[0].picture: expected the id of a bundled picture (listed in questions/pictures/README.md), found text 'handshak'. Hint: Did you mean 'handshake'?",
    ],
    'principles_mapping.yaml': [
        "principles_mapping.yaml:5: principles: expected a list of principles, found a mapping. Hint: Start each item on its own line with '- '.",
    ],
    'python_tag.yaml': [
        "python_tag.yaml:2: title: expected text, found a value tagged '!!python/object/apply:os.system'. Hint: Remove the '!!' tag: a bank holds plain text only.",
    ],
    'references_text.yaml': [
        "references_text.yaml:3: references: expected a list of text, found text 'Cahn (2000)'. Hint: Start each item on its own line with '- '.",
    ],
    'statements_text.yaml': [
        "statements_text.yaml:8: principles[0].statements: expected a list of statements, found text 'We record needs.'. Hint: Start each item on its own line with '- '.",
    ],
    'syntax_colon_in_text.yaml': [
        "syntax_colon_in_text.yaml:2:17: YAML syntax: expected valid YAML, found a syntax error: mapping values are not allowed here. Hint: Put text that contains ': ' in quotes.",
    ],
    'syntax_tab_indent.yaml': [
        "syntax_tab_indent.yaml:6:1: YAML syntax: expected valid YAML, found a syntax error: character '\\t' that cannot start any token. Hint: Indent with spaces, not tabs.",
    ],
    'syntax_unclosed_bracket.yaml': [
        "syntax_unclosed_bracket.yaml:5:11: YAML syntax: expected valid YAML, found a syntax error: expected ',' or ']', but got ':'. Hint: Close the bracket opened at line 4, column 13.",
    ],
    'syntax_unclosed_quote.yaml': [
        "syntax_unclosed_quote.yaml:3:11: YAML syntax: expected valid YAML, found a syntax error: expected <block end>, but found '<scalar>'. Hint: Check the indentation and the quotes on this line and the line before.",
    ],
    'three_faults.yaml': [
        "three_faults.yaml:1: title: expected a value for 'title', found nothing (the key is missing). Hint: Add a line 'title: ...' at this level.",
        "three_faults.yaml:1: id: expected an id, found text 'Demo'. Hint: Ids use lowercase letters, digits, '-' and '_', and start with a letter or digit, e.g. 'assets-1'.",
        "three_faults.yaml:10: principles[0].statements[0].to: expected text, found empty text. Hint: Write the text after the colon, in quotes if it contains ': '.",
    ],
    'title_number.yaml': [
        'title_number.yaml:2: title: expected text, found the number 42. Hint: Put it in quotes if it is meant as text.',
    ],
    'top_level_list.yaml': [
        'top_level_list.yaml:1: (top level): expected a mapping with the keys id, title, version and principles, found a list. Hint: Start from questions/coproduction_quick.yaml; questions/SCHEMA.md describes every key.',
    ],
    'top_level_text.yaml': [
        "top_level_text.yaml:1: (top level): expected a mapping with the keys id, title, version and principles, found text 'Just some notes about co-production.'. Hint: Start from questions/coproduction_quick.yaml; questions/SCHEMA.md describes every key.",
    ],
    'unknown_key_no_match.yaml': [
        "unknown_key_no_match.yaml:3: colour: expected one of the keys id, title, version, principles, language, description, references, scale, perspectives, easy_read, translations, found the unknown key 'colour'. Hint: Remove it, or check its indentation.",
    ],
    'unknown_statement_key.yaml': [
        "unknown_statement_key.yaml:9: principles[0].statements[0].from: expected a value for 'from', found nothing (the key is missing). Hint: Add a line 'from: ...' at this level.",
        "unknown_statement_key.yaml:10: principles[0].statements[0].form: expected one of the keys id, from, to, easy_read, picture, prompt, references, found the unknown key 'form'. Hint: Did you mean 'from'?",
    ],
    'unknown_top_key.yaml': [
        "unknown_top_key.yaml:3: descripton: expected one of the keys id, title, version, principles, language, description, references, scale, perspectives, easy_read, translations, found the unknown key 'descripton'. Hint: Did you mean 'description'?",
    ],
    'version_list.yaml': [
        "version_list.yaml:3: version: expected text or a number, found a list. Hint: Write one version such as '1.0'.",
    ],
}


def test_bad_banks_corpus_matches_table() -> None:
    assert sorted(path.name for path in BAD_BANKS.glob("*.yaml")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 25


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_load_bank_bad_bank_gives_exact_message(name: str) -> None:
    with pytest.raises(BankError) as caught:
        load_bank(BAD_BANKS / name)
    assert str(caught.value) == "\n".join(EXPECTED[name])
    assert len(caught.value.problems) == len(EXPECTED[name])


def test_load_bank_three_faults_reports_three_problems() -> None:
    with pytest.raises(BankError) as caught:
        load_bank(BAD_BANKS / "three_faults.yaml")
    assert [(problem.line, problem.path) for problem in caught.value.problems] == [
        (1, "title"), (1, "id"), (10, "principles[0].statements[0].to")]


def test_bad_banks_every_problem_ends_with_a_hint() -> None:
    lines = [line for lines in EXPECTED.values() for line in lines]
    assert all(" Hint: " in line for line in lines), [line for line in lines if " Hint: " not in line]
