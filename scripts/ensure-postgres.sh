#!/usr/bin/env bash
# Starts the machine's PostgreSQL 15 (installed but stopped on these machines)
# and prints the connection string the store tests use. Prints nothing when
# PostgreSQL cannot be started here; test-all.sh then stops and says how to
# provide one.
set -u
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  exit 0
fi
if ! pg_lsclusters 2>/dev/null | grep -q '^15 *main .*online'; then
  pg_ctlcluster 15 main start >/dev/null 2>&1 || exit 0
fi
# Local socket auth is peer; the tests connect over TCP, which wants a password.
if [ "$(id -u)" = 0 ]; then
  su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD 'postgres'\"" >/dev/null 2>&1 || exit 0
fi
echo "postgresql://postgres:postgres@127.0.0.1:5432"
