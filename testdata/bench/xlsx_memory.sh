#!/usr/bin/env bash
# Memory of -o xlsx on a large residents sheet (issue 15 §3): the rows
# streamed one at a time to an xlsx.Book, as `csi anagrafe list -o xlsx`
# does, against every row held first and written with xlsx.Write (what it
# did before), at 20,000 and 200,000 rows, side by side in one run.
#
#   bash testdata/bench/xlsx_memory.sh [RUNS]     # default RUNS=3; medians are reported
#
# For each: the peak Go heap in use (sampled every 2 ms by the program), the
# peak RSS, user and sys CPU and wall time (GNU time). Needs Go and GNU time
# (installed with apt-get when missing, as root). The rows are made up.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
OUT=testdata/bench/out
mkdir -p "$OUT"
if [ ! -x /usr/bin/time ]; then
  echo "installing GNU time" >&2
  apt-get update -qq && apt-get install -y -qq time >/dev/null
fi
go build -o "$OUT/xlsxmem" ./testdata/bench/xlsxmem

median() { sort -g | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%-7s %8s %10s %9s %7s %7s %7s\n' mode rows heap_MiB rss_MiB user_s sys_s wall_s
for rows in 20000 200000; do
  for mode in stream table; do
    : > "$OUT/xlsx_$mode.$rows"
    for _ in $(seq "$RUNS"); do
      /usr/bin/time -f 'rss_kib=%M user=%U sys=%S wall=%e' -o "$OUT/time.txt" \
        "$OUT/xlsxmem" -rows "$rows" -mode "$mode" -out "$OUT/residenti.xlsx" > "$OUT/run.txt"
      heap=$(sed -n 's/.*peak_heap_inuse_mib=\([0-9.]*\).*/\1/p' "$OUT/run.txt")
      read -r rss user sys wall < <(sed 's/rss_kib=\([0-9]*\) user=\([0-9.]*\) sys=\([0-9.]*\) wall=\([0-9.]*\)/\1 \2 \3 \4/' "$OUT/time.txt")
      echo "$heap $rss $user $sys $wall" >> "$OUT/xlsx_$mode.$rows"
    done
    f="$OUT/xlsx_$mode.$rows"
    printf '%-7s %8d %10s %9s %7s %7s %7s\n' "$mode" "$rows" \
      "$(cut -d' ' -f1 "$f" | median)" \
      "$(cut -d' ' -f2 "$f" | median | awk '{printf "%.1f", $1/1024}')" \
      "$(cut -d' ' -f3 "$f" | median)" "$(cut -d' ' -f4 "$f" | median)" "$(cut -d' ' -f5 "$f" | median)"
  done
done
rm -f "$OUT/residenti.xlsx"
