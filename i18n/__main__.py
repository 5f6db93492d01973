"""`python -m i18n extract` refreshes the catalogues from the code; `python -m i18n check` lists what is missing."""

from __future__ import annotations

import sys

from i18n import DOMAINS, LANGUAGES, SOURCE_LANGUAGE
from i18n.catalogues import extract, problems, update_all


def main(argv: list[str]) -> int:
    """Run one command; exit 1 when the check finds gaps."""
    command = argv[0] if argv else "check"
    if command == "extract":
        for path in update_all():
            print(f"wrote {path}")
        return 0
    if command == "check":
        found: list[str] = []
        for domain in DOMAINS:
            template = extract(domain)
            for language in LANGUAGES.values():
                if language.code != SOURCE_LANGUAGE and domain in language.domains:
                    found.extend(problems(language.code, domain, template))
        print("\n".join(found) if found else "Every shipped catalogue is complete.")
        return 1 if found else 0
    print("usage: python -m i18n [extract|check]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
