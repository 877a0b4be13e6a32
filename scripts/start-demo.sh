#!/usr/bin/env bash
# Starts the Preflight demo portal with embedded defaults: SQLite, the bundled
# PagerDuty simulator and the example catalog. No accounts, no config edits.
# Open http://localhost:7007 when the backend says it is listening.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node 22 (or the machine's 22/24) for the build, the backend and the helpers.
source scripts/use-supported-node.sh
if [ ! -d node_modules ]; then
  npm install --no-audit --no-fund
fi
rebuild_native_modules_if_needed

# Build the frontend once (and again when its sources change); the backend
# serves the built app, so the whole portal is one port.
app_index=packages/app/dist/index.html
if [ ! -f "$app_index" ] ||
  [ -n "$(find packages/app/src plugins/reliability/src plugins/reliability-common/src -newer "$app_index" -print -quit)" ]; then
  echo "Building the frontend (first start takes a few minutes)..."
  npm run build:app
fi

echo "Starting the PagerDuty simulator on 127.0.0.1:7099..."
node --import tsx packages/demo-fixtures/src/simulator/main.ts --port 7099 &
simulator_pid=$!
prometheus_pid=
# Extra backend config; empty means the default app-config files.
config_args=()
trap 'kill "$simulator_pid" $prometheus_pid 2>/dev/null || true' EXIT INT TERM

# SLO widgets read a real Prometheus on loopback, loaded with 32 days of demo
# SLI history up to now (test/prometheus/demo/README.md). The first start of
# a day backfills it in a few seconds; later starts reuse the cache.
if command -v prometheus >/dev/null && command -v promtool >/dev/null; then
  echo "Starting the demo Prometheus on 127.0.0.1:9099..."
  prometheus_log=.preflight/demo-prometheus.log
  mkdir -p .preflight
  node --import tsx test/prometheus/demo/main.ts --port 9099 >"$prometheus_log" 2>&1 &
  prometheus_pid=$!
  for _ in $(seq 1 240); do
    if grep -q '^PROMETHEUS_URL=' "$prometheus_log" || ! kill -0 "$prometheus_pid" 2>/dev/null; then
      break
    fi
    sleep 0.5
  done
  if grep -q '^PROMETHEUS_URL=' "$prometheus_log"; then
    grep '^demo Prometheus' "$prometheus_log" || true
  else
    echo "The demo Prometheus did not start (see $prometheus_log); SLO widgets will show the source as unhealthy."
  fi
else
  # No Prometheus: SLO widgets read simulated demo data instead, labelled
  # "Simulated demo data (no Prometheus)" on every card.
  echo "Prometheus not found: SLO widgets will show simulated demo data; for live metrics install it with \`sudo apt-get install prometheus\`"
  config_args=(--config ../../app-config.yaml)
  if [ -f app-config.local.yaml ]; then
    config_args+=(--config ../../app-config.local.yaml)
  fi
  config_args+=(--config ../../app-config.simulated-slos.yaml)
fi

# Readiness reviews in every state, made through the public API once the
# backend answers (skipped when the portal already has reviews).
node --import tsx packages/demo-fixtures/src/seedDemoReviews.ts http://localhost:7007 http://127.0.0.1:7099 &
seed_pid=$!
trap 'kill "$simulator_pid" "$seed_pid" $prometheus_pid 2>/dev/null || true' EXIT INT TERM

echo "Starting the backend on http://localhost:7007 ..."
cd packages/backend
npx backstage-cli package start "${config_args[@]}"
