#!/usr/bin/env bash
# Region-scale benchmark of csi on PostgreSQL (issue 11 §5): the synthetic
# region of Lombardy (1,506 Comuni, about 10 million residents at SCALE 1,
# genanagrafe -region) loaded with `csi anagrafe import`, JOBS Comuni at a
# time, against the reference: psql's \copy of the same files, JOBS at a
# time, into one table keyed on codice_fiscale on the same server. Then a
# 2% update of the largest Comune (Milano, 1.37M rows at SCALE 1) against
# its fresh load, and the indicators cartelle-popolazione and comuni-fasce
# on the loaded region. It reports one line per figure (medians of RUNS
# runs; the region load is run RUNS times too) and the targets; it does not
# fail on them.
#
# csi loads the region two ways, side by side with the reference in each
# run: csi_load, JOBS `csi anagrafe import --manifest` processes, each
# importing its share of the files over one connection (the reference's
# shape: JOBS psql sessions, each \copy-ing its share), and
# csi_load_perfile, one `csi anagrafe import FILE --comune X` process per
# file, JOBS at a time (CSI_REGION_PERFILE=0 skips it). Next to each wall
# time: the CPU seconds (user+sys) of the client processes and of the
# PostgreSQL server (the throwaway cluster only).
#
#   bash testdata/bench/region.sh [SCALE] [JOBS] [RUNS]   # default 1 2 1; 0.01 is a quick check
#   for s in 0.125 0.25 0.5 1; do bash testdata/bench/region.sh $s; done   # cost as size doubles
#
# The server: $CSI_BENCH_POSTGRES (a postgres:// URL of a role that may
# create databases; the script creates and drops csi_test_bench_*), else a
# throwaway cluster it starts on 127.0.0.1 with default settings (durable:
# fsync and synchronous_commit on) and stops at the end, as the postgres
# user when run as root. CSI_REGION_CSI_DB=FILE runs the csi side on a
# SQLite file instead (the reference stays on PostgreSQL), to try the script
# where csi has no PostgreSQL store yet; CSI_REGION_REF_ONLY=1 runs only the
# reference.
#
# csi ships the 55 Comuni of Monza e Brianza in its catalogue: the script
# adds the other 1,451 with 'csi comuni add -f comuni.csv' (generated next
# to the extracts: istat, ambito, popolazione), then onboards all 1,506
# with 'csi comuni onboard -f onboarding.csv', as a region's coordinator
# would.
#
# Files go to testdata/bench/out/region-SCALE/ (git-ignored); 1.1 GB at SCALE 1.
set -euo pipefail
cd "$(dirname "$0")/../.."
SCALE=${1:-1}
JOBS=${2:-2}
RUNS=${3:-1}
OUT=testdata/bench/out/region-$SCALE
DATA=$OUT/data
ASOF=2020-01-01
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
DATA=$OUT/data

. testdata/bench/pgserver.sh
pg_need
go build -o "$OUT/csi" ./cmd/csi
go build -o "$OUT/genanagrafe" ./testdata/bench/genanagrafe
CSI=$OUT/csi

if [ ! -s "$DATA/manifest.csv" ] || [ ! -s "$DATA/comuni.csv" ]; then
  echo "generating the region at scale $SCALE" >&2
  rm -rf "$DATA"
  /usr/bin/time -f "generator: %e s, max RSS %M KB" "$OUT/genanagrafe" -region -out "$DATA" -scale "$SCALE" -seed 1 -as-of "$ASOF"
fi
# The largest Comune and its 2% update (as import.sh's).
read -r BIG BIG_ROWS < <(awk -F, 'NR>1 && $4+0 > n {n=$4; c=$1} END {print c, n}' "$DATA/manifest.csv")
ROWS=$(awk -F, 'NR>1 {n += $4} END {print n}' "$DATA/manifest.csv")
if [ ! -s "$OUT/update.csv" ]; then
  "$OUT/genanagrafe" -out "$OUT/update.csv" -mutate-from "$DATA/anagrafe/$BIG.csv" -seed 2 \
    -changed 0.02 -gone 0.005 -added 0.005 -as-of 2020-04-01
fi

pg_start $((JOBS * 8 + 20))

# --- csi's store: PostgreSQL, or SQLite with CSI_REGION_CSI_DB --------------
# csi_store NAME: a fresh csi store with the region's Comuni, in $DB.
csi_store() {
  local db
  if [ -n "${CSI_REGION_CSI_DB:-}" ]; then
    db=$CSI_REGION_CSI_DB.$1
    rm -f "$db" "$db-wal" "$db-shm"
  else
    fresh_db "$1"
    db=$DB_URL
  fi
  "$CSI" --db "$db" -q init >/dev/null
  "$CSI" --db "$db" -q comuni add -f "$DATA/comuni.csv" >/dev/null
  DB=$db
}
onboard_all() { "$CSI" --db "$1" -q comuni onboard -f "$DATA/onboarding.csv" -o csv --progress none >/dev/null; }
onboard_one() { "$CSI" --db "$1" -q comuni onboard "$2" --date "$ASOF" >/dev/null; }

RES=$OUT/results.txt
: > "$RES"
# record NAME SECONDS
record() { echo "$1 $2" >> "$RES"; }

# import_one DB ISTAT FILE ASOF: one csi import, its time and RSS appended
# to $OUT/imports.txt; 4 (some rows rejected) is not a failure.
import_one() {
  local t
  t=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$t" "$CSI" --db "$1" anagrafe import "$3" --comune "$2" --as-of "$4" \
    --progress none -q >/dev/null 2>"$t.err" || {
    rc=$?; if [ $rc -ne 4 ]; then echo "import of $2 failed (exit $rc):" >&2; cat "$t.err" >&2; rm -f "$t" "$t.err"; return 1; fi; }
  echo "$2 $(tail -n1 "$t")" >> "$OUT/imports.txt"
  rm -f "$t" "$t.err"
}
export -f import_one
export CSI OUT
: > "$OUT/imports.txt"

# The files, largest first, so that JOBS workers finish together.
awk -F, 'NR>1 {print $4, $1, $5}' "$DATA/manifest.csv" | sort -k1,1nr | awk '{print $2, $3}' > "$OUT/order.txt"

# timed NAME CMD...: runs CMD, records NAME (wall seconds), NAME_cpu (the
# client processes' user+sys seconds) and NAME_server_cpu (the server's).
timed() {
  local name=$1 t s0 s1 t0
  shift
  t=$(mktemp)
  s0=$(pg_cpu)
  t0=$(now)
  /usr/bin/time -f "%U %S" -o "$t" "$@"
  record "$name" "$(echo "$(now) - $t0" | bc)"
  s1=$(pg_cpu)
  record "${name}_cpu" "$(awk '{print $1 + $2}' "$t")"
  [ -z "$s0" ] || record "${name}_server_cpu" "$(echo "$s1 - $s0" | bc)"
  rm -f "$t"
}

# import_manifest DB MANIFEST: one multi-file csi import, its time and RSS
# appended to $OUT/multi.txt; 4 (some rows rejected) is not a failure.
import_manifest() {
  local t
  t=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$t" "$CSI" --db "$1" anagrafe import --manifest "$2" --as-of "$ASOF" \
    --progress none -q -o csv >"$t.out" 2>"$t.err" || {
    rc=$?; if [ $rc -ne 4 ]; then echo "import of $2 failed (exit $rc):" >&2; cat "$t.err" >&2; rm -f "$t" "$t.err" "$t.out"; return 1; fi; }
  echo "$(basename "$2") $(tail -n1 "$t") $(($(wc -l < "$t.out") - 1))" >> "$OUT/multi.txt"
  rm -f "$t" "$t.err" "$t.out"
}
export -f import_manifest
# load_perfile DB: every file, one csi process each, JOBS at a time,
# largest first. load_multi DB: the JOBS manifests, one process each.
load_perfile() {
  awk -v d="$DATA" '{print $1, d "/" $2}' "$OUT/order.txt" |
    xargs -P "$JOBS" -L1 bash -c 'import_one "$0" "$1" "$2" "$ASOF"' "$1"
}
load_multi() { ls "$OUT"/manifest-*.csv | xargs -P "$JOBS" -I{} bash -c 'import_manifest "$0" "$1"' "$1" {}; }
export -f load_perfile load_multi
export ASOF DATA JOBS

for i in $(seq "$RUNS"); do
  echo "run $i/$RUNS: reference (\\copy, $JOBS at a time)" >&2
  fresh_db csi_test_bench_ref
  REF=$DB_URL
  psql "$REF" -q -v ON_ERROR_STOP=1 -f testdata/bench/region_ref.sql >/dev/null 2>&1
  # JOBS psql sessions, each sending its share of the files with \copy
  # (one transaction per file, as csi's one per import).
  rm -f "$OUT"/ref-*.sql
  awk -v d="$DATA" -v jobs="$JOBS" -v out="$OUT" '{
      printf "\\copy anagrafe_ref FROM %s%s/%s%s WITH (FORMAT csv, HEADER true, DELIMITER %s;%s)\n",
        q, d, $2, q, q, q > (out "/ref-" (NR - 1) % jobs ".sql") }' q="'" "$OUT/order.txt"
  timed ref_copy sh -c 'ls "$1"/ref-*.sql | xargs -P "$2" -I{} psql "$3" -q -v ON_ERROR_STOP=1 -f {}' sh "$OUT" "$JOBS" "$REF"
  n=$(psql "$REF" -qAt -c "SELECT count(*) FROM anagrafe_ref")
  [ "$n" = "$ROWS" ] || { echo "reference holds $n rows, want $ROWS" >&2; exit 1; }
  psql "$SERVER" -qAt -c "DROP DATABASE csi_test_bench_ref" >/dev/null
  rm -f "$OUT"/ref-*.sql
  [ -z "${CSI_REGION_REF_ONLY:-}" ] || continue

  if [ "${CSI_REGION_PERFILE:-1}" != 0 ]; then
    echo "run $i/$RUNS: csi anagrafe import, one process per file, $JOBS at a time (onboarding 1,506 Comuni first)" >&2
    csi_store csi_test_bench_perfile
    onboard_all "$DB"
    : > "$OUT/imports.txt"
    timed csi_load_perfile bash -c 'load_perfile "$0"' "$DB"
    record csi_rss_max_kb "$(awk '$3 > m {m = $3} END {print m}' "$OUT/imports.txt")"
    [ "$(wc -l < "$OUT/imports.txt")" = "$(wc -l < "$OUT/order.txt")" ] || { echo "some imports did not run" >&2; exit 1; }
    psql "$SERVER" -qAt -c "DROP DATABASE csi_test_bench_perfile" >/dev/null
  fi

  echo "run $i/$RUNS: csi anagrafe import --manifest, $JOBS processes (onboarding 1,506 Comuni first)" >&2
  csi_store csi_test_bench_region
  onboard_all "$DB"
  # JOBS manifests, each with its share of the files, as the reference's.
  rm -f "$OUT"/manifest-*.csv
  awk -v d="$DATA" -v jobs="$JOBS" -v out="$OUT" '{
      f = out "/manifest-" (NR - 1) % jobs ".csv"
      if (!(f in seen)) { print "comune,file" > f; seen[f] = 1 }
      print $1 "," d "/" $2 > f }' "$OUT/order.txt"
  : > "$OUT/multi.txt"
  timed csi_load bash -c 'load_multi "$0"' "$DB"
  record csi_rss_max_kb "$(awk '$3 > m {m = $3} END {print m}' "$OUT/multi.txt")"
  [ "$(awk '{n += $4} END {print n}' "$OUT/multi.txt")" = "$(wc -l < "$OUT/order.txt")" ] || { echo "some imports did not run" >&2; exit 1; }
  n=$(psql "$DB" -qAt -c "SELECT count(*) FROM persone")
  [ "$n" = "$ROWS" ] || { echo "csi holds $n rows, want $ROWS" >&2; exit 1; }
  rm -f "$OUT"/manifest-*.csv
  for ind in cartelle-popolazione comuni-fasce; do
    for _ in 1 2 3; do
      t0=$(now)
      "$CSI" --db "$DB" indicators show "$ind" --year 2020 -o csv >/dev/null
      record "ind_$ind" "$(echo "$(now) - $t0" | bc)"
    done
  done

  echo "run $i/$RUNS: fresh load and 2% update of $BIG ($BIG_ROWS rows)" >&2
  csi_store csi_test_bench_upd
  UPD=$DB
  onboard_one "$UPD" "$BIG"
  : > "$OUT/imports.txt"
  timed big_fresh bash -c 'import_one "$0" "$1" "$2" "$3"' "$UPD" "$BIG" "$DATA/anagrafe/$BIG.csv" "$ASOF"
  timed big_update bash -c 'import_one "$0" "$1" "$2" "$3"' "$UPD" "$BIG" "$OUT/update.csv" 2020-04-01
  record csi_rss_max_kb "$(awk '$3 > m {m = $3} END {print m}' "$OUT/imports.txt")"
done

awk -v rows="$ROWS" -v big="$BIG" -v bigrows="$BIG_ROWS" -v jobs="$JOBS" -v scale="$SCALE" -v runs="$RUNS" '
  { t[$1] = t[$1] " " $2 }
  function median(s,   a, n, i, j, x) {
    n = split(s, a, " ")
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j+1] = a[j]; a[j+1] = x }
    return (n % 2) ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
  }
  # cpu NAME: the medians of its client and server CPU seconds.
  function cpu(name,   c) {
    c = sprintf("cpu %.2f s client", median(t[name "_cpu"]))
    if ((name "_server_cpu") in t) c = c sprintf(" + %.2f s server", median(t[name "_server_cpu"]))
    return c
  }
  function maximum(s,   a, n, i, m) { n = split(s, a, " "); for (i = 1; i <= n; i++) if (a[i] > m) m = a[i]; return m }
  END {
    has_csi = ("csi_load" in t)
    ref = median(t["ref_copy"]); load = median(t["csi_load"])
    fresh = median(t["big_fresh"]); upd = median(t["big_update"])
    printf "region: %d rows in 1506 extracts (scale %s), %d jobs, medians of %d runs\n", rows, scale, jobs, runs
    printf "%-28s %10.2f s   %6.2f s per million rows                                  %s\n", "ref_copy (psql \\copy)", ref, ref / rows * 1e6, cpu("ref_copy")
    if (!has_csi) { printf "reproduce: CSI_REGION_REF_ONLY=1 bash testdata/bench/region.sh %s %d %d\n", scale, jobs, runs; exit }
    printf "%-28s %10.2f s   %6.2f s per million rows   %.2fx ref   target <= 1.5x   %s\n", "csi_load (--manifest)", load, load / rows * 1e6, load / ref, cpu("csi_load")
    if ("csi_load_perfile" in t) {
      perfile = median(t["csi_load_perfile"])
      printf "%-28s %10.2f s   %6.2f s per million rows   %.2fx ref                   %s\n", "csi_load_perfile (1 per file)", perfile, perfile / rows * 1e6, perfile / ref, cpu("csi_load_perfile")
    }
    printf "%-28s %10.1f MiB                              target <= 128 MiB\n", "csi_import_max_rss", maximum(t["csi_rss_max_kb"]) / 1024
    printf "%-28s %10.2f s   (%s, %d rows)   %s\n", "big_fresh", fresh, big, bigrows, cpu("big_fresh")
    printf "%-28s %10.2f s   %.2fx big_fresh   target <= 0.5x   %s\n", "big_update (2%)", upd, upd / fresh, cpu("big_update")
    printf "%-28s %10.2f s   target < 2 s\n", "ind_cartelle-popolazione", median(t["ind_cartelle-popolazione"])
    printf "%-28s %10.2f s   target < 2 s\n", "ind_comuni-fasce", median(t["ind_comuni-fasce"])
    printf "reproduce: bash testdata/bench/region.sh %s %d %d\n", scale, jobs, runs
  }' "$RES"
