#!/usr/bin/env bash
# A throwaway PostgreSQL server for the PostgreSQL test suite.
#
#   source .ci/postgres.sh; ensure_test_postgres   # sets CSI_TEST_POSTGRES
#   bash .ci/postgres.sh go test ./...             # runs a command with one
#
# When CSI_TEST_POSTGRES is already set, that server is used and nothing is
# started. Otherwise the server binaries (initdb, pg_ctl) are looked up on
# PATH and in /usr/lib/postgresql/*/bin, Debian's postgresql package is
# installed with apt-get when they are missing, and a cluster is created in
# a temporary folder owned by an unprivileged user (postgres, created when
# missing, when this runs as root), listening on 127.0.0.1 on a free port
# with a private socket folder. fsync is off: the data are thrown away. The
# server is stopped and its folder removed when the shell exits (trap EXIT).
# A PostgreSQL that cannot be had is a failure, never a skip.

pg_bindir() {
  local d
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"; return 0
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

install_postgres() {
  local sudo_cmd=""
  if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
  echo "installing Debian's postgresql package (initdb and pg_ctl are missing)"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends postgresql postgresql-client >/dev/null
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null && return 0
  local p
  for p in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

# as_pg_user runs a command as the cluster's owner: itself when not root.
as_pg_user() {
  if [ "$(id -u)" != 0 ]; then "$@"; return; fi
  if command -v runuser >/dev/null 2>&1; then runuser -u "$PG_USER" -- "$@"; else su -s /bin/sh "$PG_USER" -c "$(printf '%q ' "$@")"; fi
}

stop_test_postgres() {
  if [ -n "${PG_TMP:-}" ] && [ -d "$PG_TMP" ]; then
    as_pg_user "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_TMP"
  fi
}

ensure_test_postgres() {
  if [ -n "${CSI_TEST_POSTGRES:-}" ]; then
    echo "PostgreSQL suite on the server CSI_TEST_POSTGRES names"
    return 0
  fi
  PG_BIN=$(pg_bindir) || { install_postgres; PG_BIN=$(pg_bindir); } || {
    echo "no PostgreSQL server binaries, even after apt-get install postgresql" >&2; return 1; }
  PG_USER=$(id -un)
  if [ "$(id -u)" = 0 ]; then
    PG_USER=postgres
    id -u "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
  fi
  PG_TMP=$(mktemp -d /tmp/csi-pg.XXXXXX)
  chmod 0755 "$PG_TMP"
  mkdir -p "$PG_TMP/data" "$PG_TMP/sock"
  [ "$(id -u)" = 0 ] && chown -R "$PG_USER" "$PG_TMP/data" "$PG_TMP/sock"
  trap stop_test_postgres EXIT
  local port; port=$(free_port) || { echo "no free port for PostgreSQL" >&2; return 1; }
  as_pg_user "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres -A trust -E UTF8 --no-locale >"$PG_TMP/initdb.log" 2>&1 || {
    cat "$PG_TMP/initdb.log" >&2; return 1; }
  as_pg_user "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/sock/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TMP/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$PG_TMP/sock/server.log" >&2; return 1; }
  export CSI_TEST_POSTGRES="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') started for the tests on 127.0.0.1:$port (stopped on exit)"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  ensure_test_postgres
  if [ $# -gt 0 ]; then "$@"; fi
fi
