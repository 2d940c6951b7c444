# PostgreSQL server for the benchmarks, sourced by region.sh, parallel.sh
# and load.sh (postgres mode). pg_start sets SERVER, the URL of the
# server's postgres database: $CSI_BENCH_POSTGRES when set (a role that may
# create databases), else a throwaway cluster started on 127.0.0.1 with
# default settings (fsync and synchronous_commit on), as the postgres user
# when run as root. pg_stop stops that cluster and drops the databases made
# by fresh_db (all named csi_test_bench_*); pg_start traps EXIT to call it.

PG_ROOT=
export PGOPTIONS="-c client_min_messages=warning" # no NOTICE lines from DROP ... IF EXISTS
PG_DBS=

pg_need() {
  if ! command -v psql >/dev/null 2>&1 || [ ! -x /usr/bin/time ] ||
    { [ -z "${CSI_BENCH_POSTGRES:-}" ] && ! command -v pg_ctl >/dev/null 2>&1; }; then
    local sudo_cmd=
    if [ "$(id -u)" != 0 ]; then sudo_cmd=sudo; fi
    echo "installing postgresql and GNU time" >&2
    $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql time >/dev/null
  fi
  if ! command -v pg_ctl >/dev/null 2>&1 && ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    PATH=$PATH:$(ls -d /usr/lib/postgresql/*/bin | tail -n1)
  fi
}

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# pg_start [MAX_CONNECTIONS]
pg_start() {
  pg_need
  trap 'pg_stop' EXIT
  if [ -n "${CSI_BENCH_POSTGRES:-}" ]; then
    SERVER=$CSI_BENCH_POSTGRES
  else
    PG_ROOT=$(mktemp -d /tmp/csi-bench-pg.XXXXXX)
    if [ "$(id -u)" = 0 ]; then chown postgres "$PG_ROOT"; fi
    local port=$((50000 + RANDOM % 10000))
    as_pg initdb -D "$PG_ROOT/data" -U postgres -A trust --no-instructions >/dev/null
    as_pg pg_ctl -D "$PG_ROOT/data" -l "$PG_ROOT/log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_ROOT -c max_connections=${1:-100}" start >/dev/null
    SERVER="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
  fi
  echo "server: PostgreSQL $(psql "$SERVER" -qAt -c 'SHOW server_version') at $(mask_url "$SERVER"), fsync $(psql "$SERVER" -qAt -c 'SHOW fsync'), synchronous_commit $(psql "$SERVER" -qAt -c 'SHOW synchronous_commit')" >&2
}

pg_stop() {
  local d
  for d in $PG_DBS; do psql "$SERVER" -qAt -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true; done
  if [ -n "$PG_ROOT" ]; then
    as_pg pg_ctl -D "$PG_ROOT/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_ROOT"
    PG_ROOT=
  fi
}

# mask_url URL: URL with its password replaced by xxxxx.
mask_url() { echo "$1" | sed -E 's#://([^:@/]*):[^@/]*@#://\1:xxxxx@#'; }

# dburl NAME: the URL of database NAME on the server.
dburl() { echo "$SERVER" | sed -E "s#^(postgres(ql)?://[^/]*)/[^?]*#\1/$1#"; }

# fresh_db NAME: drops and creates database NAME (csi_test_bench_*) and
# sets DB_URL to its URL (call it outside $(...): it records NAME for pg_stop).
fresh_db() {
  case $1 in csi_test_bench_*) ;; *) echo "fresh_db: $1 is not csi_test_bench_*" >&2; return 1 ;; esac
  case " $PG_DBS " in *" $1 "*) ;; *) PG_DBS="$PG_DBS $1" ;; esac
  psql "$SERVER" -qAt -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null
  DB_URL=$(dburl "$1")
}

# median: the median of the numbers on standard input, one a line.
median() { sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

now() { date +%s.%N; }

# pg_cpu: the CPU seconds (user+sys) the throwaway cluster has used so far:
# its running processes' and, through the postmaster's children's times,
# those of every backend that has ended (a session's backend ends with it).
# Empty with $CSI_BENCH_POSTGRES, whose processes are not ours to read.
pg_cpu() {
  [ -n "$PG_ROOT" ] || return 0
  local pm
  pm=$(head -n1 "$PG_ROOT/data/postmaster.pid")
  # A backend may end between ps and the read of its stat: skip it (its
  # time is then in the postmaster's children's), never fail the pipeline.
  { echo "$pm"; ps -o pid= --ppid "$pm" || true; } | while read -r p; do
    sed -E 's/^.*\) //' "/proc/$p/stat" 2>/dev/null | awk -v pm="$pm" -v p="$p" \
      '{ t = $12 + $13; if (p == pm) t += $14 + $15; print t }' || true
  done | awk -v hz="$(getconf CLK_TCK)" '{ s += $1 } END { printf "%.2f\n", s / hz }'
}
