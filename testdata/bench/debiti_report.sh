#!/usr/bin/env bash
# csi debiti report b2 and dopo-di-noi of every Ambito of the demo province,
# side by side with csi siuss check of the same Ambiti and period (the same
# read of the interventi with their beneficiary): wall and CPU time, peak
# memory.
#
#   bash testdata/bench/debiti_report.sh [RUNS] [DB] [FROM] [TO]
#
# Builds csi; uses the demo store DB when given (made by 'csi demo --db
# DB'), else makes one (csi demo, 870,193 residents: about 2 minutes).
# RUNS times (default 3), in one loop so that the figures are side by
# side: for each of the 5 Ambiti, csi debiti report b2, csi debiti report
# dopo-di-noi (-o csv) and csi siuss check (--fail-on none -o json), period
# FROM..TO (default 2014-01-01..2022-12-31: every record of the demo). Each
# figure is the sum over the Ambiti; medians over the runs are reported,
# and report/check. Needs GNU time (/usr/bin/time) and bc.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
DB=${2:-}
FROM=${3:-2014-01-01}
TO=${4:-2022-12-31}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/csi" ./cmd/csi
export CSI_NOW=2024-06-30T10:00:00Z CSI_ACTOR=bench CSI_LANG=en
if [ -z "$DB" ]; then
  echo "making the demo store" >&2
  "$tmp/csi" -q demo --db "$tmp/base.db" >/dev/null
else
  cp "$DB" "$tmp/base.db"
fi
cp "$tmp/base.db" "$tmp/run.db"
AMBITI=("Carate Brianza" Desio Monza Seregno Vimercate)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
# timed NAME ARGS...: runs csi ARGS, appends "NAME wall rss cpu" to results.
timed() {
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/t" "$tmp/csi" -q --db "$tmp/run.db" "$@" > "$tmp/out" 2>/dev/null
  read -r s m u y < <(tail -n1 "$tmp/t")
  echo "$name $s $m $(echo "$u + $y" | bc)" >> "$tmp/one"
}
: > "$tmp/results"
for i in $(seq "$RUNS"); do
  echo "run $i/$RUNS" >&2
  : > "$tmp/one"
  for a in "${AMBITI[@]}"; do
    timed b2 debiti report b2 --ambito "$a" --period "$FROM..$TO" -o csv
    echo "$a $(($(wc -l < "$tmp/out") - 1))" >> "$tmp/rows"
    timed ddn debiti report dopo-di-noi --ambito "$a" --period "$FROM..$TO" -o csv
    timed check siuss check --ambito "$a" --from "$FROM" --to "$TO" --fail-on none -o json
  done
  # The sums over the Ambiti of this run.
  awk '{w[$1]+=$2; c[$1]+=$4; if ($3>m[$1]) m[$1]=$3} END {for (k in w) print k, w[k], m[k], c[k]}' "$tmp/one" >> "$tmp/results"
done
for k in b2 ddn check; do
  printf "%-6s wall %8.2f s  cpu %8.2f s  max RSS %7d KB\n" "$k" "$(awk -v k=$k '$1==k{print $2}' "$tmp/results" | median)" \
    "$(awk -v k=$k '$1==k{print $4}' "$tmp/results" | median)" "$(awk -v k=$k '$1==k{print $3}' "$tmp/results" | sort -n | tail -1)"
done
echo "b2 rows per Ambito (last run): $(tail -n 5 "$tmp/rows" | paste -sd, | sed 's/,/, /g')"
ratio() {
  c=$(awk -v c="$2" '$1=="check"{print $c}' "$tmp/results" | median)
  r=$(awk -v c="$2" -v k="$1" '$1==k{print $c}' "$tmp/results" | median)
  echo "scale=2; $r / $c" | bc
}
echo "b2/check: wall $(ratio b2 2)x, cpu $(ratio b2 4)x; dopo-di-noi/check: wall $(ratio ddn 2)x, cpu $(ratio ddn 4)x"
