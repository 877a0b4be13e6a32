#!/usr/bin/env bash
# The public API of every published plugin (plugins/*), as API Extractor sees
# it: report.api.md per package (report-alpha.api.md for the frontend's /alpha
# entry). Reads the declarations the root `tsc` writes to dist-types/, so run
# `npx tsc` first (`npm run build:api-reports` does).
#
#   bash scripts/api-reports.sh        # rewrite the reports
#   bash scripts/api-reports.sh --ci   # fail if a report is out of date or warns
#
# A report with a warning fails either way: an exported symbol without a
# release tag (@public, or @alpha in the /alpha entry), a type it references
# that no entry exports (ae-forgotten-export), or a broken TSDoc link.
# Undocumented members are not reported (ae-undocumented), and neither is
# ae-wrong-input-file-type: in the workspace the plugins' types point at src/,
# which API Extractor notices when one plugin's declarations reference another.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=()
if [ "${1:-}" = "--ci" ]; then
  mode=(--ci)
fi

if ! npx backstage-repo-tools api-reports "${mode[@]}" \
  --omit-messages ae-undocumented,ae-wrong-input-file-type \
  --validate-release-tags \
  plugins/*; then
  if [ ${#mode[@]} -gt 0 ]; then
    cat >&2 <<'MSG'

error: the API reports (plugins/*/report*.api.md) do not match the code, or
a report has warnings (above). If the change to the public API is meant,
update the reports and commit them with it (the tool's hint above says
yarn; this repository uses npm):
  npm run build:api-reports
MSG
  fi
  exit 1
fi
