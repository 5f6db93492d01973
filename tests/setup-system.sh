#!/usr/bin/env bash
# System packages the tests need, installed only when missing: Chromium (browser tests), poppler-utils
# (PDF pages to PNG) and a local PostgreSQL at 127.0.0.1:5432 with a database `test` that trusts
# connections from this machine (the storage tests run against it and fail, not skip, without it).
set -euo pipefail

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }
if ! pg_up && ! ls -d /etc/postgresql/*/main >/dev/null 2>&1; then
  need_apt+=(postgresql)
fi

if [ "${#need_apt[@]}" -gt 0 ]; then
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "The tests need: ${need_apt[*]}. Install them (e.g. sudo apt-get install ${need_apt[*]}) and run again." >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
  if [[ " ${need_apt[*]} " == *" postgresql "* ]]; then
    # A fresh cluster asks for passwords over TCP; the test server trusts this machine only.
    for hba in /etc/postgresql/*/main/pg_hba.conf; do
      sed -i -E 's/^(host[[:space:]]+all[[:space:]]+all[[:space:]]+(127\.0\.0\.1\/32|::1\/128)[[:space:]]+)[^[:space:]]+/\1trust/' "$hba"
    done
  fi
fi

if ! pg_up; then
  if [ "$(id -u)" = "0" ] && command -v pg_ctlcluster >/dev/null 2>&1; then
    version="$(ls /etc/postgresql | sort -V | tail -n 1)"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster --skip-systemctl-redirect "$version" main reload || true
    for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  fi
fi
if ! pg_up; then
  echo "PostgreSQL is not reachable at 127.0.0.1:5432: the storage tests need it (set COPRO_TEST_PG_URL to use another server)." >&2
  [ -n "${COPRO_TEST_PG_URL:-}" ] || exit 1
fi

# The `test` database, made once (as the postgres superuser over the local socket when we are root).
if [ -z "${COPRO_TEST_PG_URL:-}" ] && pg_up; then
  if ! psql -h 127.0.0.1 -U postgres -d test -tAc "SELECT 1" >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && id postgres >/dev/null 2>&1; then
      su postgres -c "createdb test" 2>/dev/null || true
    fi
    psql -h 127.0.0.1 -U postgres -d test -tAc "SELECT 1" >/dev/null 2>&1 || {
      echo "Cannot connect to database 'test' at 127.0.0.1:5432 as user postgres (trust auth expected)." >&2
      exit 1
    }
  fi
fi
