#!/usr/bin/env bash
# Bounded load test of csi serve (issue 6): a real server on 127.0.0.1,
# CLIENTS concurrent clients (viewer, referent, operator and coordinator
# tokens) mixing indicator reads and validations for DURATION, while one
# more client streams the registry extract of Monza (124,840 rows) into
# the store. It fails on any error, on a lost or duplicated row, on a
# lost validation run or a broken audit chain, and prints p50/p99 latencies
# per kind of request.
#
#   bash testdata/bench/load.sh [CLIENTS] [DURATION]              # default 32 20s
#   bash testdata/bench/load.sh [CLIENTS] [DURATION] postgres     # issue 11 §4
#
# More settings: CSI_LOAD_SCALE (population scale of the 9 preloaded Comuni,
# default 0.25) and CSI_LOAD_IMPORT_SCALE (of the imported extracts, default 1).
# The test is TestLoad in internal/httpapi/load_full_test.go, behind the
# build tag "load" so that `go test ./...` runs only its 2-second smoke
# version (TestLoadSmoke in load_test.go).
#
# The postgres mode runs two `csi serve` processes (127.0.0.1, two ports)
# over one PostgreSQL database ($CSI_BENCH_POSTGRES or a throwaway server,
# see pgserver.sh), the clients split between them, and two imports of
# different Comuni at once (Monza through one server, Brugherio through the
# other); the Go side is TestLoadRemote in load_remote_test.go. Then it
# checks the stored rows for duplicates and runs `csi audit verify`.
# CSI_LOAD_DB=FILE runs the same two servers over a SQLite file instead,
# to compare: one writer at a time there.
set -euo pipefail
cd "$(dirname "$0")/../.."
export CSI_LOAD_CLIENTS=${1:-32}
export CSI_LOAD_DURATION=${2:-20s}
if [ "${3:-}" != postgres ]; then
  go test -tags load -run '^TestLoad$' -count=1 -timeout 15m -v ./internal/httpapi 2>&1 |
    grep -v '^=== RUN'
  exit "${PIPESTATUS[0]}"
fi

OUT=testdata/bench/out/load-pg
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
. testdata/bench/pgserver.sh
SCALE=${CSI_LOAD_SCALE:-0.25}
ISCALE=${CSI_LOAD_IMPORT_SCALE:-1}
PRELOADED="108023 108035 108019 108027 108034 108010 108045 108028 108039"
IMPORTED="108033 108012" # Monza, Brugherio
export CSI_LANG=en CSI_ACTOR=load

go build -o "$OUT/csi" ./cmd/csi
CSI=$OUT/csi
for c in $PRELOADED; do
  [ -s "$OUT/pre-$c-$SCALE.csv" ] || go run ./testdata/bench/genanagrafe -out "$OUT/pre-$c-$SCALE.csv" -comune "$c" -scale "$SCALE" -seed 7 2>/dev/null
done
for c in $IMPORTED; do
  [ -s "$OUT/imp-$c-$ISCALE.csv" ] || go run ./testdata/bench/genanagrafe -out "$OUT/imp-$c-$ISCALE.csv" -comune "$c" -scale "$ISCALE" -seed 7 2>/dev/null
done

PIDS=
stop_servers() { local p; for p in $PIDS; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done; PIDS=; }
if [ -n "${CSI_LOAD_DB:-}" ]; then
  DB=$CSI_LOAD_DB
  rm -f "$DB" "$DB-wal" "$DB-shm"
  trap 'stop_servers' EXIT
  sql() { sqlite3 "$DB" "$1"; }
else
  pg_start 200
  trap 'stop_servers; pg_stop' EXIT
  fresh_db csi_test_bench_load
  DB=$DB_URL
  sql() { psql "$DB" -qAt -F' ' -c "$1"; }
fi

echo "setup: store at $(mask_url "$DB"), ${PRELOADED// /, } preloaded at scale $SCALE" >&2
"$CSI" --db "$DB" -q init >/dev/null
for c in $PRELOADED $IMPORTED; do
  "$CSI" --db "$DB" -q comuni onboard "$c" --anagrafe automatic --date 2024-01-15 >/dev/null
done
pre=
for c in $PRELOADED; do
  "$CSI" --db "$DB" -q anagrafe import "$OUT/pre-$c-$SCALE.csv" --comune "$c" --as-of 2024-06-01 --progress none >/dev/null
  pre="$pre,$c=$(($(wc -l < "$OUT/pre-$c-$SCALE.csv") - 1))"
done
token() { "$CSI" --db "$DB" -q token create --name "$1" --role "$2" "${@:3}"; }
CSI_LOAD_TOKENS="coordinator=$(token coord coordinator),referent=$(token desio-ref referent --ambito Desio)"
CSI_LOAD_TOKENS="$CSI_LOAD_TOKENS,operator=$(token desio-op operator --comune 108023),viewer=$(token cruscotto viewer)"
export CSI_LOAD_TOKENS
export CSI_LOAD_PRELOADED=${pre#,}
imports=
for c in $IMPORTED; do imports="$imports,$c=$OUT/imp-$c-$ISCALE.csv"; done
export CSI_LOAD_IMPORTS=${imports#,}

# Two servers on the same store, each on a free port of 127.0.0.1 that it
# picks itself (--addr 127.0.0.1:0) and names on its start line.
servers=
for i in 1 2; do
  "$CSI" --db "$DB" serve --addr 127.0.0.1:0 > "$OUT/serve-$i.log" 2>&1 &
  PIDS="$PIDS $!"
  url=
  for _ in $(seq 300); do
    url=$(sed -nE 's#.*serving .* on (http://127\.0\.0\.1:[0-9]+).*#\1#p;T;q' "$OUT/serve-$i.log")
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { echo "csi serve $i did not start:" >&2; cat "$OUT/serve-$i.log" >&2; exit 1; }
  echo "server $i: $url" >&2
  servers="$servers,$url"
done
export CSI_LOAD_SERVERS=${servers#,}

rc=0
go test -tags load -run '^TestLoadRemote$' -count=1 -timeout 30m -v ./internal/httpapi 2>&1 | grep -v '^=== RUN' || rc=1
stop_servers

# No lost or duplicated rows: every imported Comune holds each row once.
for c in $IMPORTED; do
  want=$(($(wc -l < "$OUT/imp-$c-$ISCALE.csv") - 1))
  got=$(sql "SELECT count(*), count(DISTINCT codice_fiscale) FROM persone WHERE comune = '$c'" | tr '|' ' ')
  if [ "$got" != "$want $want" ]; then echo "FAIL: $c holds $got (versions, distinct CF), want $want" >&2; rc=1; fi
done
if "$CSI" --db "$DB" audit verify >/dev/null 2>"$OUT/verify.err"; then
  echo "csi audit verify: the chain is intact"
else
  cat "$OUT/verify.err" >&2; rc=1
fi
[ $rc -eq 0 ] && echo "PASS: no errors, no lost or duplicated rows, audit verified" || echo "FAIL" >&2
exit $rc
