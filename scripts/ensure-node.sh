#!/usr/bin/env bash
# Prints the bin directory of a Node.js that Backstage supports (22 or 24,
# the versions @backstage/create-app accepts): the machine's own when its
# major is one of them, else Node 22 installed once from the npm registry
# (the node-<os>-<arch> package the `node` package itself installs, which
# ships the headers native modules build against) into .preflight/node/.
#
# PREFLIGHT_NODE_MAJOR=24 asks for that major exactly: the machine's Node if
# it is 24, else Node 24 from the npm registry into its own prefix,
# .preflight/node24/, beside (never replacing) the Node 22 above. The adopter
# test runs its scaffolded app on it while the monorepo stays on Node 22.
#
# Use it as (native modules must build against its headers, not the
# machine's: ~/.npmrc may set nodedir=/usr):
#   node_bin="$(bash scripts/ensure-node.sh)"
#   export PATH="$node_bin:$PATH" npm_config_nodedir="$node_bin/.."
set -euo pipefail
cd "$(dirname "$0")/.."

supported='^(22|24)$'
want="${PREFLIGHT_NODE_MAJOR:-}"
if [ -n "$want" ] && [[ ! "$want" =~ $supported ]]; then
  echo "ensure-node: PREFLIGHT_NODE_MAJOR=$want; Backstage supports Node 22 or 24" >&2
  exit 1
fi
major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)"
if [[ "$major" =~ $supported ]] && [[ -z "$want" || "$major" == "$want" ]]; then
  dirname "$(command -v node)"
  exit 0
fi

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  *) echo "ensure-node: no Node package for $(uname -s); install Node 22 or 24" >&2; exit 1 ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "ensure-node: no Node package for $(uname -m); install Node 22 or 24" >&2; exit 1 ;;
esac

want="${want:-22}"
# Node 22 keeps the prefix it always had; any other major gets its own.
if [ "$want" = 22 ]; then prefix=.preflight/node; else prefix=".preflight/node$want"; fi
bin="$prefix/node_modules/node-$os-$arch/bin"
if [ ! -x "$bin/node" ] || [[ ! "$("$bin/node" -v)" =~ ^v$want\. ]]; then
  echo "ensure-node: Node $major here; installing Node $want from the npm registry into $prefix" >&2
  # npm itself runs on whichever Node is on PATH for this one install.
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --no-package-lock \
    "node-$os-$arch@$want" >&2
fi
(cd "$bin" && pwd)
