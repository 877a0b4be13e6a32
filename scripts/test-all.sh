#!/usr/bin/env bash
# Every test of the project: type-check, lint, publishable packages,
# unit/integration tests (store on SQLite and PostgreSQL), the browser
# end-to-end tests, then the adopter's path: a freshly scaffolded app with the
# packed packages. This is the README's test command (`npm test`) and exactly
# what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-system-packages.sh
if [ ! -d node_modules ]; then
  npm install --no-audit --no-fund
fi

if [ -z "${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-}" ]; then
  pg_url=$(bash scripts/ensure-postgres.sh || true)
  if [ -n "$pg_url" ]; then
    export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="$pg_url"
  else
    echo "warning: PostgreSQL 15 is not available; store tests run on SQLite only" >&2
  fi
fi
# Never try to start database containers: there is no Docker engine here.
export BACKSTAGE_TEST_DISABLE_DOCKER=1

echo "== type-check"
# Also writes the declarations (dist-types/) the package builds below bundle.
npx tsc
echo "== lint"
npx backstage-cli repo lint
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
# Chromium (test/adopter/adopterApp.e2e.ts).
node --import tsx --test test/adopter/adopterApp.e2e.ts
