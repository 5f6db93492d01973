#!/usr/bin/env bash
# The full test suite on a fresh machine: system packages for the browser and PDF tests, Python packages, then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium poppler-utils >/dev/null
  else
    echo "Browser and PDF tests need Debian's chromium and poppler-utils: sudo apt-get install chromium poppler-utils" >&2
    exit 1
  fi
fi
python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
# Types first (a minute at most), then every test on both cores.
python -m mypy
python -m pytest -n 2 "$@"
