"""Catalogue completeness: every marked string in the code is in each shipped language's catalogue, translated."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n import DOMAINS, LANGUAGES, SOURCE_LANGUAGE
from i18n.catalogues import domain_of, extract, problems, source_files

SHIPPED = [(language.code, domain) for language in LANGUAGES.values() for domain in DOMAINS
           if language.code != SOURCE_LANGUAGE and domain in language.domains]


@pytest.mark.parametrize(("language", "domain"), SHIPPED)
def test_catalogue_complete_for_shipped_language(language: str, domain: str) -> None:
    assert problems(language, domain) == []


def test_catalogues_file_outside_the_code_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        domain_of(tmp_path / "page.py")


def test_catalogues_new_string_in_code_is_a_problem() -> None:
    repo_file = next(path for path in source_files() if path.name == "home.py")
    template = extract("staff", [repo_file])
    template.add("A sentence nobody has translated yet", locations=[("views/home.py", 1)])
    found = problems("cy", "staff", template)
    assert any("A sentence nobody has translated yet" in line and "no entry" in line for line in found)


def test_catalogues_participant_pages_in_participant_domain() -> None:
    by_name = {path.relative_to(path.parents[1]).as_posix(): domain_of(path) for path in source_files()}
    assert by_name["views/assess.py"] == "participant"
    assert by_name["views/facilitate.py"] == "staff"
