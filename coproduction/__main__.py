"""Entry point for `python -m coproduction`."""

from __future__ import annotations

import sys

from coproduction.main import main

if __name__ == "__main__":
    sys.exit(main())
