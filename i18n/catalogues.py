"""Extracting interface text from the code into Babel catalogues, and checking the shipped catalogues are complete.

`python -m i18n extract` rewrites `locales/<domain>.pot` from the code and merges it into every
`locales/<lang>/LC_MESSAGES/<domain>.po` (new entries come in empty, for a translator; vanished ones are dropped).
`python -m i18n check` lists what a shipped language still lacks; `tests/i18n/test_catalogues.py` runs the same check.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

from i18n import DOMAINS, LANGUAGES, LOCALES_DIR, SOURCE_LANGUAGE

REPO = LOCALES_DIR.parent
# The code whose text people read; tests, benchmarks and storage are not translated.
SOURCE_DIRS = ("app.py", "views", "ui", "services", "reports", "questions", "scoring", "domain", "i18n")
# Everything a person who joins by code may read; the rest of the interface is the staff domain.
PARTICIPANT_FILES = (
    "app.py",
    "views/assess.py",
    "views/mine.py",
    "ui/answering.py",
    "ui/joining.py",
    "ui/easy_read.py",
    "ui/context.py",
    "ui/language.py",
    "ui/own_link.py",
    "services/mine.py",
    "reports/paper.py",
)
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def source_files() -> list[Path]:
    """Every Python file whose strings may reach a reader."""
    files: list[Path] = []
    for entry in SOURCE_DIRS:
        path = REPO / entry
        files.extend([path] if path.is_file() else sorted(path.rglob("*.py")))
    return files


def domain_of(path: Path) -> str:
    """The catalogue a file's text belongs to."""
    relative = path.resolve().relative_to(REPO).as_posix()
    return "participant" if any(fnmatch.fnmatch(relative, pattern) for pattern in PARTICIPANT_FILES) else "staff"


def extract(domain: str, files: Iterable[Path] | None = None) -> Catalog:
    """The template catalogue of one domain: every marked string in its files, with where it is used."""
    template = Catalog(domain=domain, project="Co-production: how are you doing?", locale=None)
    for path in files if files is not None else source_files():
        if domain_of(path) != domain:
            continue
        relative = path.resolve().relative_to(REPO).as_posix()
        for line, message, comments, context in extract_from_file(
            "python", str(path), keywords=KEYWORDS, comment_tags=("Translators:",)
        ):
            template.add(message, None, [(relative, line)], auto_comments=comments, context=context)
    return template


def po_path(language: str, domain: str) -> Path:
    """Where one language's catalogue for one domain lives."""
    return LOCALES_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def read(language: str, domain: str) -> Catalog | None:
    """A catalogue as stored (None when it does not exist)."""
    path = po_path(language, domain)
    if not path.is_file():
        return None
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain=domain)


def write(catalogue: Catalog, path: Path) -> None:
    """Write a catalogue or template, sorted by message so diffs stay small."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=120, sort_output=True, omit_header=False, ignore_obsolete=True)


def update_all() -> list[Path]:
    """Re-extract every domain and merge it into each shipped language's catalogue; the paths written."""
    written: list[Path] = []
    for domain in DOMAINS:
        template = extract(domain)
        write(template, LOCALES_DIR / f"{domain}.pot")
        written.append(LOCALES_DIR / f"{domain}.pot")
        for language in LANGUAGES.values():
            if language.code == SOURCE_LANGUAGE or domain not in language.domains:
                continue
            catalogue = read(language.code, domain) or Catalog(locale=language.code, domain=domain)
            catalogue.update(template, no_fuzzy_matching=True)
            write(catalogue, po_path(language.code, domain))
            written.append(po_path(language.code, domain))
    return written


def problems(language: str, domain: str, template: Catalog | None = None) -> list[str]:
    """What a shipped catalogue lacks: strings in the code it does not have, entries left untranslated or fuzzy."""
    template = template if template is not None else extract(domain)
    catalogue = read(language, domain)
    where = po_path(language, domain).relative_to(REPO).as_posix()
    if catalogue is None:
        return [f"{where}: missing (the language ships the {domain} domain)"]
    found: list[str] = []
    for message in template:
        if not message.id:
            continue
        entry = catalogue.get(message.id, context=message.context)
        origin = ", ".join(f"{file}:{line}" for file, line in message.locations[:2])
        key = message.id[0] if isinstance(message.id, (list, tuple)) else message.id
        if entry is None:
            found.append(f"{where}: no entry for {key!r} ({origin}). Hint: run python -m i18n extract, then translate it")
        elif entry.fuzzy or not (all(entry.string) if isinstance(entry.string, (list, tuple)) else entry.string):
            found.append(f"{where}: {key!r} is not translated ({origin})")
    return found
