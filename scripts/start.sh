#!/usr/bin/env bash
# Installs everything and starts the demo portal: frontend at http://localhost:3000, backend at
# http://localhost:7007, on embedded SQLite (.data/sqlite) with the demo organisation of
# examples/org. Needs only Node and npm on the machine; see scripts/lib/toolchain.sh.
set -euo pipefail
source "$(dirname "$0")/lib/toolchain.sh"
sg_install
cd "$SG_ROOT"
sg_log "starting the portal: open http://localhost:3000 and sign in as a demo user"
exec yarn start "$@"
