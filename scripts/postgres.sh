#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for tests and benchmarks: its own cluster, its own port, 127.0.0.1 only,
# trust authentication for the user `qa`. Installs Debian's `postgresql` when it is missing. Idempotent: a server
# already running on the port is reused. Prints the admin connection string on its last line.
#   QA_PG_PORT  port (default 55432)        QA_PG_DIR  cluster folder (default /tmp/qa-postgres-$QA_PG_PORT)
#   QA_PG_FAST=1  fsync, full-page writes and synchronous commit off: for tests only (data may be lost on a crash);
#                 benchmarks leave it unset so that every commit is durable, as in production.
#   scripts/postgres.sh stop   stops it.
set -euo pipefail
port=${QA_PG_PORT:-55432}
dir=${QA_PG_DIR:-/tmp/qa-postgres-$port}

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "postgres: installing Debian's postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

# PostgreSQL refuses to run as root: run the server as the package's `postgres` user then.
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-}" = stop ]; then
  [ -d "$dir" ] && as_owner "$bin/pg_ctl" -D "$dir" -m fast stop >&2 || true
  exit 0
fi

if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
  if [ ! -f "$dir/PG_VERSION" ]; then
    rm -rf "$dir"; mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_owner "$bin/initdb" -D "$dir" -U qa -A trust -E UTF8 --no-locale >/dev/null
  fi
  opts="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c max_connections=400 -c shared_buffers=256MB"
  if [ "${QA_PG_FAST:-}" = 1 ]; then opts="$opts -c fsync=off -c full_page_writes=off -c synchronous_commit=off"; fi
  as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 -o "$opts" start >&2
fi
echo "Host=127.0.0.1;Port=$port;Username=qa;Database=postgres"
