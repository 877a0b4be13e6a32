#!/usr/bin/env bash
# Builds every package under plugins/ and packs each into a tarball in
# dist-packs/ (or $1), as `npm publish` would ship it: `backstage-cli package
# prepack` swaps main/types/exports to dist/ while packing and postpack puts
# the source entry points back. Each tarball is then checked: not private,
# entry points built and packed, plugin metadata, every import declared.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist-packs}"

# `package build` bundles declarations from dist-types/, which only the root
# type-check writes; without it the build fails with missing .d.ts files.
# Incremental: after `npm test`'s type-check this is a no-op.
echo "Type-checking and writing declarations (tsc)..."
npx tsc

workspaces=()
for dir in plugins/*/; do
  dir="${dir%/}"
  echo "Building ${dir}..."
  (cd "$dir" && npx backstage-cli package build)
  workspaces+=(--workspace "$dir")
done

rm -rf "$out"
mkdir -p "$out"
npm pack "${workspaces[@]}" --pack-destination "$out" --no-audit --no-fund --silent
ls -1 "$out"
# Fails listing what would keep a tarball from installing into an app.
node --import tsx test/packs/checkPacks.ts "$out"
