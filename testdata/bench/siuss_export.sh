#!/usr/bin/env bash
# csi siuss export of the whole demo province in WaaS mode, side by side
# with csi validate on the same store: wall time and peak memory.
#
#   bash testdata/bench/siuss_export.sh [RUNS] [SCALE] [FROM] [TO]
#
# Builds csi, makes the demo store once (csi demo --skip-siuss --scale
# SCALE, default 1: 870,193 residents), then RUNS times (default 3) on a
# fresh copy of it: csi validate (the whole store), and csi siuss export
# --tipo ps --mode waas of every Comune (the province), period FROM..TO
# (default 2014-01-01..2022-12-31: every record of the demo). Medians of wall and CPU (user + system) time are reported,
# and export/validate on each (target <= 1.0x): on a shared machine the CPU
# time is the steadier figure. Needs GNU time (/usr/bin/time) and bc.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
SCALE=${2:-1}
FROM=${3:-2014-01-01}
TO=${4:-2022-12-31}
[ -x /usr/bin/time ] || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/csi" ./cmd/csi
export CSI_NOW=2024-06-30T10:00:00Z CSI_ACTOR=bench CSI_LANG=en CSI_OPERATORE=DMOPRT80A01F704T
echo "making the demo store (scale $SCALE)" >&2
"$tmp/csi" -q demo --skip-siuss --scale "$SCALE" --db "$tmp/base.db" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
fresh() { rm -f "$tmp"/run.db*; cp "$tmp/base.db" "$tmp/run.db"; rm -rf "$tmp/flussi"; }

: > "$tmp/results"
for i in $(seq "$RUNS"); do
  echo "run $i/$RUNS" >&2
  fresh
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/t" "$tmp/csi" -q --db "$tmp/run.db" validate --fail-on none -o json >/dev/null
  read -r s m u y < <(tail -n1 "$tmp/t")
  echo "validate $s $m $(echo "$u + $y" | bc)" >> "$tmp/results"
  fresh
  code=0
  /usr/bin/time -f "%e %M %U %S" -o "$tmp/t" "$tmp/csi" -q --db "$tmp/run.db" siuss export --tipo ps --mode waas \
    --from "$FROM" --to "$TO" --out "$tmp/flussi" -o json > "$tmp/export.json" 2>/dev/null || code=$?
  [ "$code" = 0 ] || [ "$code" = 4 ] || { echo "the export failed (exit $code)" >&2; exit 1; }
  read -r s m u y < <(tail -n1 "$tmp/t") # GNU time first notes a non-zero exit
  echo "export $s $m $(echo "$u + $y" | bc)" >> "$tmp/results"
  flows=$(ls "$tmp/flussi" 2>/dev/null | grep -c '\.xml$' || true)
done
for k in validate export; do
  printf "%-9s wall %8.2f s  cpu %8.2f s  max RSS %7d KB\n" "$k" "$(awk -v k=$k '$1==k{print $2}' "$tmp/results" | median)" \
    "$(awk -v k=$k '$1==k{print $4}' "$tmp/results" | median)" "$(awk -v k=$k '$1==k{print $3}' "$tmp/results" | sort -n | tail -1)"
done
echo "flows written by the last export: $flows"
ratio() {
  v=$(awk -v c="$1" '$1=="validate"{print $c}' "$tmp/results" | median)
  e=$(awk -v c="$1" '$1=="export"{print $c}' "$tmp/results" | median)
  echo "scale=2; $e / $v" | bc
}
echo "export/validate: wall $(ratio 2)x, cpu $(ratio 4)x (target <= 1.0x)"
