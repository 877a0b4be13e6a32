#!/usr/bin/env bash
# Prints the bin directory of a Node.js that Backstage supports (22 or 24,
# the versions @backstage/create-app accepts): the machine's own when its
# major is one of them, else Node 22 installed once from the npm registry
# (the node-<os>-<arch> package the `node` package itself installs, which
# ships the headers native modules build against) into .preflight/node/.
# Use it as (native modules must build against its headers, not the
# machine's: ~/.npmrc may set nodedir=/usr):
#   node_bin="$(bash scripts/ensure-node.sh)"
#   export PATH="$node_bin:$PATH" npm_config_nodedir="$node_bin/.."
set -euo pipefail
cd "$(dirname "$0")/.."

supported='^(22|24)$'
major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo none)"
if [[ "$major" =~ $supported ]]; then
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

want="${PREFLIGHT_NODE_MAJOR:-22}"
prefix=.preflight/node
bin="$prefix/node_modules/node-$os-$arch/bin"
if [ ! -x "$bin/node" ] || [[ ! "$("$bin/node" -v)" =~ ^v$want\. ]]; then
  echo "ensure-node: Node $major here; installing Node $want from the npm registry into $prefix" >&2
  # npm itself still runs on the machine's Node for this one install.
  npm install --prefix "$prefix" --no-save --no-audit --no-fund --no-package-lock \
    "node-$os-$arch@$want" >&2
fi
(cd "$bin" && pwd)
