#!/usr/bin/env bash
# PostgreSQL: a Comune's fresh registry load against its 2% update, and
# the wall time of a small Comune's import (per-process overhead).
#
#   CSI_TEST_POSTGRES=postgres://USER@127.0.0.1:5432/postgres?sslmode=disable bash testdata/bench/pg_update.sh [RUNS]
#
# Uses testdata/bench/out/base.csv and update.csv (run testdata/bench/import.sh
# once first: 870,193 rows as Monza, and its 2% update). The small file is
# the first 300 rows as Desio. RUNS (default 3); medians are reported. The
# database is csi_test_bench_upd_PID, dropped at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
SERVER=${CSI_TEST_POSTGRES:?set CSI_TEST_POSTGRES to a PostgreSQL server URL}
OUT=testdata/bench/out
[ -s "$OUT/base.csv" ] && [ -s "$OUT/update.csv" ] || { echo "run testdata/bench/import.sh first" >&2; exit 1; }
. testdata/bench/pgserver.sh
tmp=$(mktemp -d)
db="csi_test_bench_upd_$$"
url=$(dburl "$db")
trap 'psql -q "$SERVER" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/csi" ./cmd/csi
head -n 301 "$OUT/base.csv" | awk -F',' -v OFS=',' 'NR>1{$8="108023"}1' > "$tmp/small.csv"

fresh() {
  psql -q "$SERVER" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
  CSI_DB="$url" "$tmp/csi" -q init >/dev/null
  CSI_DB="$url" "$tmp/csi" -q comuni onboard 108033 --date 2020-01-01 --anagrafe automatic >/dev/null
  CSI_DB="$url" "$tmp/csi" -q comuni onboard 108023 --date 2020-01-01 --anagrafe automatic >/dev/null
}
# timed NAME FILE COMUNE ASOF: appends "NAME seconds maxrss_kb" to results.
timed() {
  /usr/bin/time -f "%e %M" -o "$tmp/t" env CSI_DB="$url" "$tmp/csi" -q anagrafe import "$2" --comune "$3" --as-of "$4" --progress none >/dev/null
  echo "$1 $(cat "$tmp/t")" >> "$tmp/results"
}
: > "$tmp/results"
for i in $(seq "$RUNS"); do
  echo "run $i/$RUNS" >&2
  fresh
  timed fresh "$OUT/base.csv" 108033 2024-01-01
  timed update "$OUT/update.csv" 108033 2024-04-01
  timed small "$tmp/small.csv" 108023 2024-01-01
  awk -F',' -v OFS=',' 'NR>1 && NR<=31{$2=$2"X"}1' "$tmp/small.csv" > "$tmp/small2.csv"
  timed small_update "$tmp/small2.csv" 108023 2024-04-01
done
for k in fresh update small small_update; do
  printf "%-13s %8.3f s  max RSS %6d KB\n" "$k" "$(awk -v k=$k '$1==k{print $2}' "$tmp/results" | median)" \
    "$(awk -v k=$k '$1==k{print $3}' "$tmp/results" | sort -n | tail -1)"
done
f=$(awk '$1=="fresh"{print $2}' "$tmp/results" | median)
u=$(awk '$1=="update"{print $2}' "$tmp/results" | median)
echo "update/fresh: $(echo "scale=2; $u / $f" | bc)x (target <= 0.5x)"
