#!/usr/bin/env bash
# Starts the Preflight demo portal with embedded defaults: SQLite, the bundled
# PagerDuty simulator and the example catalog. No accounts, no config edits.
# Open http://localhost:7007 when the backend says it is listening.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ]; then
  npm install --no-audit --no-fund
fi

# Build the frontend once (and again when its sources change); the backend
# serves the built app, so the whole portal is one port.
app_index=packages/app/dist/index.html
if [ ! -f "$app_index" ] ||
  [ -n "$(find packages/app/src plugins/reliability/src plugins/reliability-common/src -newer "$app_index" -print -quit)" ]; then
  echo "Building the frontend (first start takes a few minutes)..."
  npm run build:app
fi

echo "Starting the PagerDuty simulator on 127.0.0.1:7099..."
node --import tsx test/simulator/main.ts --port 7099 &
simulator_pid=$!
trap 'kill "$simulator_pid" 2>/dev/null || true' EXIT INT TERM

echo "Starting the backend on http://localhost:7007 ..."
cd packages/backend
npx backstage-cli package start
