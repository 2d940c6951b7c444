#!/usr/bin/env bash
# Paired before/after benchmark of the registry import: the csi of git
# revision REV against the working tree's, run alternately on the same
# extract so that a noisy, shared machine slows both alike.
#
#   bash testdata/bench/ab.sh REV [RUNS]     # default RUNS=5; medians are reported
#
# Uses the extracts of testdata/bench/import.sh (run it once first). Each run
# imports the 870,193-row file into a fresh store (as import.sh's csi_fresh),
# then the 2% update (csi_update).
set -euo pipefail
cd "$(dirname "$0")/../.."
REV=${1:?usage: ab.sh REV [RUNS]}
RUNS=${2:-5}
OUT=testdata/bench/out
[ -s "$OUT/base.csv" ] || { echo "run testdata/bench/import.sh first: it generates $OUT/base.csv" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/src"
git archive "$REV" | tar -x -C "$tmp/src"
(cd "$tmp/src" && go build -o "$tmp/csi-before" ./cmd/csi)
go build -o "$tmp/csi-after" ./cmd/csi

run() { # run BIN: prints "fresh_seconds update_seconds"
  local db="$tmp/ab.db"
  rm -f "$db" "$db-wal" "$db-shm"
  # Older revisions create the store on first use and have no init.
  CSI_DB="$db" "$1" -q init >/dev/null 2>&1 || true
  CSI_DB="$db" "$1" -q comuni onboard 108033 >/dev/null
  local t0 t1 t2
  t0=$(date +%s.%N)
  CSI_DB="$db" "$1" anagrafe import "$OUT/base.csv" --comune 108033 --as-of 2024-01-01 --progress none >/dev/null 2>&1 || [ $? -eq 4 ]
  t1=$(date +%s.%N)
  CSI_DB="$db" "$1" anagrafe import "$OUT/update.csv" --comune 108033 --as-of 2024-04-01 --progress none >/dev/null 2>&1 || [ $? -eq 4 ]
  t2=$(date +%s.%N)
  echo "$(echo "$t1 - $t0" | bc) $(echo "$t2 - $t1" | bc)"
}

: > "$tmp/results"
for i in $(seq "$RUNS"); do
  echo "run $i/$RUNS" >&2
  echo "before $(run "$tmp/csi-before")" >> "$tmp/results"
  echo "after $(run "$tmp/csi-after")" >> "$tmp/results"
done
awk -v rev="$REV" '
  { f[$1] = f[$1] " " $2; u[$1] = u[$1] " " $3 }
  function median(s,   a, n, i, j, x) {
    n = split(s, a, " ")
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j+1] = a[j]; a[j+1] = x }
    return (n % 2) ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
  }
  END {
    printf "%-8s %12s %12s\n", "csi", "fresh_s", "update_s"
    printf "%-8s %12.2f %12.2f   (%s)\n", "before", median(f["before"]), median(u["before"]), rev
    printf "%-8s %12.2f %12.2f   (working tree)\n", "after", median(f["after"]), median(u["after"])
    printf "after/before: fresh %.2fx, update %.2fx\n", median(f["after"]) / median(f["before"]), median(u["after"]) / median(u["before"])
  }' "$tmp/results"
