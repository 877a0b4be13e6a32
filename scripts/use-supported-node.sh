# Sourced (not run) by the scripts behind `npm start`, `npm test` and CI, from
# the repository root: puts a Node.js that Backstage supports (22 or 24) first
# on PATH for everything they start, the machine's own when it is one of
# those, else Node 22 from the npm registry (scripts/ensure-node.sh).
# Native modules must build against that Node's headers, not the machine's
# (~/.npmrc may set nodedir=/usr), hence npm_config_nodedir.
preflight_node_bin="$(bash scripts/ensure-node.sh)"
export PATH="$preflight_node_bin:$PATH"
export npm_config_nodedir="$preflight_node_bin/.."

# A node_modules installed under another Node holds a better-sqlite3 built for
# that Node's ABI, which fails to load; rebuild it for this one.
rebuild_native_modules_if_needed() {
  if [ -d node_modules/better-sqlite3 ] &&
    ! node -e 'new (require("better-sqlite3"))(":memory:").close()' 2>/dev/null; then
    echo "Rebuilding better-sqlite3 for Node $(node -v) (a few minutes)..."
    npm rebuild better-sqlite3
  fi
}
