#!/usr/bin/env bash
# Installs (when missing) and starts, on loopback, the real services the integration tests need:
# PostgreSQL, an S3-compatible server (moto_server, else s3rver from npm) and Chromium for the browser tests. Idempotent: services already
# running are reused. Source it to get the RACIFLOW_TEST_* variables, or run it to print them.
set -euo pipefail

state_dir="${RACIFLOW_TEST_STATE:-/tmp/raciflow-test-services}"
pg_port="${RACIFLOW_TEST_PG_PORT:-55432}"
s3_port="${RACIFLOW_TEST_S3_PORT:-55433}"
mkdir -p "$state_dir"

log() { echo "test-services: $*" >&2; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  log "installing $* with apt-get"
  as_root apt-get update -qq >/dev/null 2>&1 || true
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# --- PostgreSQL -----------------------------------------------------------------------------------------
pg_bin=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && pg_bin="$candidate"
done
if [ -z "$pg_bin" ]; then
  apt_install postgresql
  for candidate in /usr/lib/postgresql/*/bin; do [ -x "$candidate/initdb" ] && pg_bin="$candidate"; done
fi
[ -n "$pg_bin" ] || { log "PostgreSQL could not be installed"; exit 1; }

pg_user=postgres
id "$pg_user" >/dev/null 2>&1 || as_root useradd --system --home "$state_dir" "$pg_user"
pg_data="$state_dir/pg"
if ! "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    rm -rf "$pg_data"; mkdir -p "$pg_data"; chown -R "$pg_user" "$pg_data" "$state_dir"
    as_root su "$pg_user" -s /bin/sh -c "'$pg_bin/initdb' -D '$pg_data' -U raciflow --auth=trust -E UTF8 >/dev/null"
  fi
  chown -R "$pg_user" "$pg_data"
  as_root su "$pg_user" -s /bin/sh -c "'$pg_bin/pg_ctl' -D '$pg_data' -l '$state_dir/pg.log' -w -o \"-p $pg_port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start >/dev/null"
  log "PostgreSQL started on 127.0.0.1:$pg_port"
fi
"$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U raciflow -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='raciflow_test'" | grep -q 1 \
  || "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U raciflow raciflow_test

# --- S3-compatible server -------------------------------------------------------------------------------
s3_up() { curl -s -o /dev/null "http://127.0.0.1:$s3_port/" ; }
if ! s3_up; then
  if command -v moto_server >/dev/null 2>&1; then
    nohup moto_server -H 127.0.0.1 -p "$s3_port" >"$state_dir/s3.log" 2>&1 &
  else
    if ! command -v s3rver >/dev/null 2>&1; then
      log "installing s3rver with npm"
      npm install -g --silent s3rver@3 >/dev/null 2>&1
    fi
    mkdir -p "$state_dir/s3rver"
    nohup s3rver --address 127.0.0.1 --port "$s3_port" --directory "$state_dir/s3rver" --silent >"$state_dir/s3.log" 2>&1 &
  fi
  for _ in $(seq 1 100); do s3_up && break; sleep 0.1; done
  s3_up || { log "the S3 server did not start; see $state_dir/s3.log"; exit 1; }
  log "S3 server started on 127.0.0.1:$s3_port"
fi

# --- Chromium for the browser tests ----------------------------------------------------------------------
# Playwright's .NET package carries its own node driver, so nothing is downloaded at test time; the tests launch
# Debian's chromium at /usr/bin/chromium and fail (never skip) when it is missing.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
if [ ! -x /usr/bin/chromium ]; then
  apt_install chromium
  [ -x /usr/bin/chromium ] || { log "Chromium could not be installed (apt-get install chromium)"; exit 1; }
fi

export RACIFLOW_TEST_POSTGRES="postgres://raciflow@127.0.0.1:$pg_port/raciflow_test"
export RACIFLOW_TEST_POSTGRES_ADMIN="postgres://raciflow@127.0.0.1:$pg_port/postgres"
export RACIFLOW_TEST_S3_ENDPOINT="http://127.0.0.1:$s3_port"
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  echo "export RACIFLOW_TEST_POSTGRES=$RACIFLOW_TEST_POSTGRES"
  echo "export RACIFLOW_TEST_POSTGRES_ADMIN=$RACIFLOW_TEST_POSTGRES_ADMIN"
  echo "export RACIFLOW_TEST_S3_ENDPOINT=$RACIFLOW_TEST_S3_ENDPOINT"
fi
