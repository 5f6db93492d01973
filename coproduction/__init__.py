"""The command line: `python -m coproduction validate|score|template|report` (see coproduction.main)."""

from __future__ import annotations
