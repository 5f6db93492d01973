#!/usr/bin/env bash
# The full test suite on a fresh machine: system packages (browser, PDF tools, PostgreSQL), Python packages, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/setup-system.sh
python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
# Types first (a minute at most), then every test on both cores.
python -m mypy
python -m pytest -n 2 "$@"
