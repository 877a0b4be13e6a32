#!/usr/bin/env bash
# Every test of the project: type-check, lint, publishable packages,
# unit/integration tests (store on SQLite and PostgreSQL), the browser
# end-to-end tests, then the adopter's path: a freshly scaffolded app with the
# packed packages. This is the README's test command (`npm test`) and exactly
# what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-packages.sh
# Node 22 (or the machine's 22/24) for everything below but the adopter's app.
source scripts/use-supported-node.sh
if [ ! -d node_modules ]; then
  npm install --no-audit --no-fund
fi
rebuild_native_modules_if_needed

if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  pg_url=$(bash scripts/ensure-postgres.sh || true)
  if [ -n "$pg_url" ]; then
    export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$pg_url"
  else
    # The stores are tested on both databases; a run on SQLite alone would
    # pass while PostgreSQL behaviour goes untested.
    cat >&2 <<'MSG'
error: PostgreSQL 15 is not available, and the store tests need it (they run
on SQLite and PostgreSQL). Either
  - install the Debian package `postgresql` (this script starts it), or
  - point the tests at a PostgreSQL 15 server you run:
      BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=postgresql://USER:PASSWORD@HOST:5432 npm test
MSG
    exit 1
  fi
fi
# Never try to start database containers: there is no Docker engine here.
export BACKSTAGE_TEST_DISABLE_DOCKER=1

echo "== type-check"
# Also writes the declarations (dist-types/) the package builds below bundle.
npx tsc
echo "== API reports"
# Each published plugin's public API against its checked-in report
# (plugins/*/report*.api.md), from the declarations tsc just wrote: about 50 s
# (user 14 s). Fails on an unreported API change or a report warning.
bash scripts/api-reports.sh --ci
echo "== generated API contract"
# The API types and the validated router's spec are generated from
# plugins/reliability-backend/openapi.yaml; fail when they were not
# regenerated after a change to it.
npm run --silent generate:api -- --check
echo "== lint"
npx backstage-cli repo lint
echo "== formatting"
# Every file written here as prettier writes it (generated and installed
# files are in .prettierignore): about 30 s.
npm run --silent prettier:check
echo "== publishable packages"
# Builds and packs every plugin and checks each tarball would install: about
# two minutes of CPU (measured: user 1m59s) on top of the type-check above.
bash scripts/pack-plugins.sh
echo "== unit and integration tests"
# CI=true makes jest run every suite once (not watch mode, not only changed files).
CI=true npx backstage-cli repo test
echo "== end-to-end (headless Chromium)"
node test/e2e/run-e2e.mjs
echo "== the adopter's path (a scaffolded app with the packed packages)"
# Scaffolds an app with @backstage/create-app, installs the tarballs packed
# above, wires them by the README's snippets, builds it and checks it in
# Chromium (test/adopter/adopterApp.e2e.ts). The app runs on the supported
# Node everything above did not: 24 (fetched into .preflight/node24/ unless
# the machine's Node is 24) beside 22, so both versions Backstage supports
# are used.
node --import tsx --test test/adopter/adopterApp.e2e.ts
