#!/usr/bin/env bash
# Two registry imports of different Comuni at once against one after the
# other, on PostgreSQL (issue 11 §2: imports of different Comuni run in
# parallel, and two at once must be faster than one after the other).
# Each run takes a fresh store with both Comuni onboarded; the runs
# alternate the two orders, and the medians of RUNS are reported.
#
#   bash testdata/bench/parallel.sh [RUNS] [SCALE]     # default 5 10
#
# The extracts are Lissone and Seregno (108028, 108039), of similar size,
# at SCALE times their 2020 population (10: about 460,000 rows each).
# The server is $CSI_BENCH_POSTGRES or a throwaway one (see pgserver.sh).
# CSI_BENCH_SQLITE=1 runs the same on SQLite files instead, where the two
# imports take turns on the single writer.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
SCALE=${2:-10}
OUT=testdata/bench/out/parallel-$SCALE
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
. testdata/bench/pgserver.sh
A=108028
B=108039

go build -o "$OUT/csi" ./cmd/csi
CSI=$OUT/csi
for c in $A $B; do
  [ -s "$OUT/$c.csv" ] || go run ./testdata/bench/genanagrafe -out "$OUT/$c.csv" -comune "$c" -scale "$SCALE" -seed 1
done
if [ -z "${CSI_BENCH_SQLITE:-}" ]; then pg_start; fi
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

# store: a fresh store with both Comuni onboarded, in $DB.
store() {
  if [ -n "${CSI_BENCH_SQLITE:-}" ]; then
    DB=$OUT/csi.db
    rm -f "$DB" "$DB-wal" "$DB-shm"
  else
    fresh_db csi_test_bench_parallel
    DB=$DB_URL
  fi
  "$CSI" --db "$DB" -q init >/dev/null
  for c in $A $B; do "$CSI" --db "$DB" -q comuni onboard "$c" --date 2020-01-01 >/dev/null; done
}

# sql QUERY: runs QUERY on the store, prints the result unaligned.
sql() {
  if [ -n "${CSI_BENCH_SQLITE:-}" ]; then sqlite3 "$DB" "$1"; else psql "$DB" -qAt -c "$1"; fi
}

# csi_import ISTAT: one csi import; its maximum RSS is appended to rss.txt.
csi_import() {
  /usr/bin/time -f "%M" -a -o "$OUT/rss.txt" "$CSI" --db "$DB" -q anagrafe import "$OUT/$1.csv" --comune "$1" \
    --as-of 2020-01-01 --progress none >/dev/null
}

: > "$OUT/seq.txt"; : > "$OUT/par.txt"; : > "$OUT/rss.txt"
for i in $(seq "$RUNS"); do
  echo "run $i/$RUNS" >&2
  for mode in $( ((i % 2)) && echo "seq par" || echo "par seq"); do
    store
    t0=$(now)
    if [ "$mode" = seq ]; then
      csi_import $A; csi_import $B
    else
      csi_import $A & pa=$!
      csi_import $B & pb=$!
      wait $pa; wait $pb
    fi
    echo "$(now) - $t0" | bc >> "$OUT/$mode.txt"
    # Both Comuni hold their whole extract, once each.
    for c in $A $B; do
      want=$(($(wc -l < "$OUT/$c.csv") - 1))
      got=$(sql "SELECT count(*) || ' ' || count(DISTINCT codice_fiscale) FROM persone WHERE comune = '$c'")
      [ "$got" = "$want $want" ] || { echo "$c holds $got rows (all, distinct), want $want" >&2; exit 1; }
    done
  done
done
seq_m=$(median < "$OUT/seq.txt")
par_m=$(median < "$OUT/par.txt")
rows=$(($(wc -l < "$OUT/$A.csv") + $(wc -l < "$OUT/$B.csv") - 2))
engine=PostgreSQL; [ -n "${CSI_BENCH_SQLITE:-}" ] && engine=SQLite
printf "parallel (%s): two imports of %d rows in all (%s, %s), medians of %d runs\n" "$engine" "$rows" $A $B "$RUNS"
printf "%-22s %8.2f s\n" "one after the other" "$seq_m"
printf "%-22s %8.2f s   %.2fx faster   target > 1x\n" "two at once" "$par_m" "$(echo "$seq_m / $par_m" | bc -l)"
printf "%-22s %8.1f MiB\n" "max import RSS" "$(sort -n "$OUT/rss.txt" | tail -n1 | awk '{print $1 / 1024}')"
printf "reproduce: bash testdata/bench/parallel.sh %s %s\n" "$RUNS" "$SCALE"
