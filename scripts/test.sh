#!/usr/bin/env bash
# Installs everything and runs every test: type-check, lint, unit and database tests (SQLite,
# plus PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES<N>_CONNECTION_STRING is set, as .ci/run
# does), the calendar tests under other time zones, and the browser tests in Chromium with axe.
# Prints how long each stage took. Needs only Node and npm (and root for apt-get, to install
# Chromium when it is missing).
set -euo pipefail
source "$(dirname "$0")/lib/toolchain.sh"
cd "$SG_ROOT"
export CI=true # backstage-cli's test command goes into watch mode without it

declare -a stage_names=() stage_secs=()
stage() {
  local name=$1 t0=$SECONDS
  shift
  sg_log "── $name"
  local rc=0
  "$@" || rc=$?
  stage_names+=("$name$([ "$rc" -eq 0 ] || echo ' (FAILED)')")
  stage_secs+=($((SECONDS - t0)))
  return "$rc"
}
report() {
  local rc=$?
  echo
  sg_log "stage times:"
  for i in "${!stage_names[@]}"; do
    printf '  %-40s %5s s\n' "${stage_names[$i]}" "${stage_secs[$i]}" >&2
  done
  [ "$rc" -eq 0 ] || sg_log "FAILED (exit $rc)"
}
trap report EXIT

databases_in_use() {
  local servers
  servers=$(env | grep -oE '^BACKSTAGE_TEST_DATABASE_[A-Z0-9]+_CONNECTION_STRING' | sed -E 's/^BACKSTAGE_TEST_DATABASE_([A-Z0-9]+)_CONNECTION_STRING/\1/' | tr '\n' ' ')
  if [ -n "$servers" ]; then
    sg_log "database tests run on: SQLITE ${servers}"
  else
    sg_log "database tests run on SQLite ONLY: no BACKSTAGE_TEST_DATABASE_POSTGRES<N>_CONNECTION_STRING is set (.ci/run sets it)"
  fi
}

# Installs a Debian package when its program is missing (root only; otherwise says what to do).
ensure_debian_package() {
  local package=$1 program=$2
  if [ -x "$program" ] || command -v "$program" >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" -ne 0 ]; then
    sg_log "$program is missing; install Debian's package '$package'"
    return 1
  fi
  sg_log "installing Debian's $package"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
}

ensure_chromium() {
  ensure_debian_package chromium "${CHROMIUM_PATH:-/usr/bin/chromium}"
}

# The benchmark scripts at 20 000 rows, only to prove they work: nothing about time is asserted.
bench_quick() {
  ensure_debian_package wrk wrk || return 1
  if env | grep -q '^BACKSTAGE_TEST_DATABASE_POSTGRES[0-9]*_CONNECTION_STRING='; then
    yarn bench:quick
  else
    yarn bench:quick --db sqlite
  fi
}

unit_tests() {
  databases_in_use
  yarn backstage-cli repo test --maxWorkers=2
}

# The working-day calendar must give the same dates whatever the process's time zone.
calendar_in_other_time_zones() {
  local tz
  for tz in UTC America/New_York; do
    sg_log "common package under TZ=$tz"
    (cd plugins/service-guidelines-common && TZ=$tz yarn backstage-cli package test)
  done
}

stage "install" sg_install
stage "type-check (tsc)" yarn tsc:full
stage "lint" yarn backstage-cli repo lint
stage "format (prettier)" yarn prettier --check .
stage "unit and database tests" unit_tests
stage "calendar in other time zones" calendar_in_other_time_zones
stage "chromium" ensure_chromium
stage "browser tests (playwright, axe)" yarn playwright test
stage "benchmark scripts (quick, 20 000 rows)" bench_quick
