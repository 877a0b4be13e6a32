#!/usr/bin/env bash
# Installs the Debian packages the tests drive for real: Chromium for the
# browser end-to-end test, PostgreSQL for the store tests, Prometheus (with
# promtool) and VictoriaMetrics for the SLO tests. A no-op when they
# are present; needs root (or sudo) otherwise.
set -euo pipefail
packages=(chromium fonts-liberation postgresql prometheus victoria-metrics)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
