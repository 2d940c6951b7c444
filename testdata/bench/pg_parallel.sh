#!/usr/bin/env bash
# PostgreSQL: two registry imports of different Comuni at once against the
# same two one after the other, each pair into a fresh database.
#
#   CSI_TEST_POSTGRES=postgres://USER@127.0.0.1:5432/postgres bash testdata/bench/pg_parallel.sh [RUNS] [ROWS]
#
# RUNS (default 3) pairs of each; medians are reported. Each Comune's file is
# the first ROWS rows (default 400000) of testdata/bench/out/base.csv (run
# testdata/bench/import.sh once first), as Monza (108033) and as Desio (108023).
# Databases are named csi_test_bench_* and dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
ROWS=${2:-400000}
SERVER=${CSI_TEST_POSTGRES:?set CSI_TEST_POSTGRES to a PostgreSQL server URL}
OUT=testdata/bench/out
[ -s "$OUT/base.csv" ] || { echo "run testdata/bench/import.sh first: it generates $OUT/base.csv" >&2; exit 1; }
tmp=$(mktemp -d)
db="csi_test_bench_$$"
url="${SERVER%/*}/$db"
case "$SERVER" in *\?*) url="${SERVER%%\?*}"; url="${url%/*}/$db?${SERVER#*\?}";; esac
trap 'psql -q "$SERVER" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/csi" ./cmd/csi
head -n $((ROWS + 1)) "$OUT/base.csv" > "$tmp/a.csv"
awk -F',' -v OFS=',' 'NR>1{$8="108023"}1' "$tmp/a.csv" > "$tmp/b.csv"

fresh() { # a new store with both Comuni onboarded
  psql -q "$SERVER" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
  CSI_DB="$url" "$tmp/csi" -q init >/dev/null
  for c in 108033 108023; do
    CSI_DB="$url" "$tmp/csi" -q comuni onboard "$c" --date 2020-01-01 --anagrafe automatic >/dev/null
  done
}
imp() { CSI_DB="$url" "$tmp/csi" -q anagrafe import "$1" --comune "$2" --as-of 2024-01-01 --progress none >/dev/null; }
now() { date +%s.%N; }

: > "$tmp/results"
for i in $(seq "$RUNS"); do
  echo "run $i/$RUNS" >&2
  fresh; t0=$(now); imp "$tmp/a.csv" 108033; imp "$tmp/b.csv" 108023; t1=$(now)
  echo "sequential $(echo "$t1 - $t0" | bc)" >> "$tmp/results"
  fresh; t0=$(now); imp "$tmp/a.csv" 108033 & p=$!; imp "$tmp/b.csv" 108023; wait $p; t1=$(now)
  echo "parallel $(echo "$t1 - $t0" | bc)" >> "$tmp/results"
done
awk -v rows="$ROWS" '
  { v[$1] = v[$1] " " $2 }
  function median(s,   a, n, i, j, x) {
    n = split(s, a, " ")
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j+1] = a[j]; a[j+1] = x }
    return (n % 2) ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
  }
  END {
    printf "two Comuni of %d rows each, medians\n", rows
    printf "%-12s %8.2f s\n", "sequential", median(v["sequential"])
    printf "%-12s %8.2f s\n", "parallel", median(v["parallel"])
    printf "parallel/sequential: %.2fx\n", median(v["parallel"]) / median(v["sequential"])
  }' "$tmp/results"
