#!/usr/bin/env bash
# The province's real workload (issue 16): the 55 Comuni's registry extracts
# of the demo (genrecords -seed 1: anagrafe/*-2020-01-01.csv), imported one
# by one into one store, side by side with the reference, then a monthly
# round (every extract with about 1% of its residents changed, 0.3% gone and
# 0.3% new) and the same round again (every file identical: 55 no-ops).
#
#   bash testdata/bench/province.sh [RUNS]              # SQLite; default RUNS=3, medians
#   POSTGRES=1 bash testdata/bench/province.sh [RUNS]   # PostgreSQL (CSI_BENCH_POSTGRES or a throwaway server)
#   DEMO=1 bash testdata/bench/province.sh [RUNS]       # also csi demo end to end, built binary
#   CSI_BIN=PATH bash testdata/bench/province.sh [RUNS] # that csi binary instead of one built from the tree
#                                                       # (e.g. the previous commit's, for a side-by-side run)
#
# The reference on SQLite is 55 runs of the sqlite3 shell's .import
# (.mode csv, .separator ;, .import --skip 1) into one table keyed on
# codice_fiscale; on PostgreSQL, 55 psql \copy of the same files into one
# keyed table on the same server. On SQLite two more rows show what the
# driver costs: the same 55 .import done by a Go program through
# modernc.org/sqlite, the pure-Go SQLite csi uses (testdata/bench/modref),
# and the B-tree work alone, the loaded reference table copied into a new
# keyed table by one INSERT ... SELECT, in the shell and in modernc. Each run starts from an empty store; the
# times are wall-clock seconds of the 55 processes one after another, the
# memory the largest peak RSS of any single csi import. The script prints
# the medians and the targets; it does not fail on them.
#
# Needs Go, sqlite3 and GNU time (installed with apt-get when missing, as
# root); PostgreSQL mode also psql and pg_ctl. Files go to
# testdata/bench/out/province/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "province.sh: RUNS must be a whole number of runs, 1 or more, not '$RUNS'" >&2; exit 2; }
OUT=testdata/bench/out/province
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)

need() { command -v "$1" >/dev/null 2>&1; }
if ! need sqlite3 || [ ! -x /usr/bin/time ]; then
  echo "installing sqlite3 and GNU time" >&2
  apt-get update -qq && apt-get install -y -qq sqlite3 time >/dev/null
fi
go build -o "$OUT/genanagrafe" ./testdata/bench/genanagrafe
go build -o "$OUT/modref" ./testdata/bench/modref
if [ -n "${CSI_BIN:-}" ]; then
  CSI=$(cd "$(dirname "$CSI_BIN")" && pwd)/$(basename "$CSI_BIN")
else
  go build -o "$OUT/csi" ./cmd/csi
  CSI=$OUT/csi
fi

# The 55 first extracts and their monthly update.
if [ ! -e "$OUT/ok" ]; then  # touch leaves it empty: -s would regenerate every time
  rm -rf "$OUT/rec" "$OUT/upd"
  go run ./testdata/bench/genrecords -out "$OUT/rec" -seed 1 >/dev/null
  mkdir -p "$OUT/upd"
  for f in "$OUT"/rec/anagrafe/*-2020-01-01.csv; do
    c=$(basename "$f" -2020-01-01.csv)
    # A seed per Comune: with one seed, the new residents of two Comuni
    # would be the same people.
    "$OUT/genanagrafe" -out "$OUT/upd/$c.csv" -mutate-from "$f" -seed "1${c:3}" \
      -changed 0.01 -gone 0.003 -added 0.003 -as-of 2020-02-01
  done
  touch "$OUT/ok"
fi
FILES=$(ls "$OUT"/rec/anagrafe/*-2020-01-01.csv)
[ "$(echo "$FILES" | wc -l)" = 55 ] || { echo "want 55 extracts in $OUT/rec/anagrafe" >&2; exit 1; }
ROWS=$(cat $FILES | grep -vc '^codice_fiscale')

COLS="codice_fiscale TEXT PRIMARY KEY, cognome TEXT, nome TEXT, sesso TEXT, data_nascita TEXT, luogo_nascita TEXT,
 cittadinanza TEXT, comune_residenza TEXT, indirizzo TEXT, civico TEXT, cap TEXT, codice_famiglia TEXT,
 relazione_parentela TEXT, stato_civile TEXT, data_iscrizione TEXT, motivo_iscrizione TEXT"

now() { date +%s.%N; }
RES=$OUT/results.txt
: > "$RES"
record() { echo "$1 $2" >> "$RES"; }

# timed CMD...: CMD once; appends its peak RSS (KB) to $OUT/rss.txt and its
# CPU time (user+sys, s) to $OUT/cpu.txt. Exit 4 (some rows rejected) is
# not a failure.
timed() {
  /usr/bin/time -f "%M %U %S" -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/err.txt" || {
    rc=$?; if [ $rc -ne 4 ]; then echo "failed (exit $rc): $*" >&2; cat "$OUT/err.txt" >&2; exit 1; fi; }
  tail -n1 "$OUT/time.txt" | awk '{print $1}' >> "$OUT/rss.txt"
  tail -n1 "$OUT/time.txt" | awk '{print $2 + $3}' >> "$OUT/cpu.txt"
}
cpusum() { awk '{s += $1} END {printf "%.2f", s}' "$OUT/cpu.txt"; }

if [ -n "${POSTGRES:-}" ]; then
  . testdata/bench/pgserver.sh
  pg_start 40
fi

# store: a fresh csi store with the 55 Comuni onboarded, in $DB.
store() {
  if [ -n "${POSTGRES:-}" ]; then
    fresh_db csi_test_bench_province
    DB=$DB_URL
  else
    DB=$OUT/csi.db
    rm -f "$DB" "$DB-wal" "$DB-shm"
  fi
  "$CSI" --db "$DB" -q init >/dev/null
  for f in $FILES; do
    "$CSI" --db "$DB" -q comuni onboard "$(basename "$f" -2020-01-01.csv)" --date 2020-01-01 >/dev/null
  done
}

# round NAME DIR SUFFIX ASOF: 55 csi imports, one after another.
round() {
  local t0 f c
  : > "$OUT/rss.txt"; : > "$OUT/cpu.txt"
  t0=$(now)
  for f in $FILES; do
    c=$(basename "$f" -2020-01-01.csv)
    timed "$CSI" --db "$DB" anagrafe import "$2/$c$3" --comune "$c" --as-of "$4" --progress none -q
  done
  record "$1" "$(echo "$(now) - $t0" | bc)"
  record "${1}_rss_kb" "$(sort -n "$OUT/rss.txt" | tail -n1)"
  record "${1}_cpu" "$(cpusum)"
}

# reference NAME DIR SUFFIX: 55 loads of the files into one keyed table.
reference() {
  local t0 f c
  if [ -n "${POSTGRES:-}" ]; then
    fresh_db csi_test_bench_ref
    # Keyed on the codice fiscale within its Comune: a monthly round moves
    # some people to another Comune, whose file then lists them while the
    # old one still does (sqlite3's .import skips such a row with a message;
    # \copy would stop the load). csi keeps them per Comune too.
    local cols=${COLS/ PRIMARY KEY/}
    psql "$DB_URL" -q -v ON_ERROR_STOP=1 -c "CREATE TABLE anagrafe(${cols//TEXT/text}, PRIMARY KEY (codice_fiscale, comune_residenza))" >/dev/null
    t0=$(now)
    for f in $FILES; do
      c=$(basename "$f" -2020-01-01.csv)
      psql "$DB_URL" -q -v ON_ERROR_STOP=1 -c "\\copy anagrafe FROM '$2/$c$3' WITH (FORMAT csv, HEADER true, DELIMITER ';')"
    done
    record "$1" "$(echo "$(now) - $t0" | bc)"
    return
  fi
  rm -f "$OUT/ref.db"
  sqlite3 "$OUT/ref.db" "CREATE TABLE anagrafe($COLS);"
  : > "$OUT/cpu.txt"
  t0=$(now)
  for f in $FILES; do
    c=$(basename "$f" -2020-01-01.csv)
    timed sqlite3 "$OUT/ref.db" ".mode csv" ".separator ;" ".import --skip 1 $2/$c$3 anagrafe"
  done
  record "$1" "$(echo "$(now) - $t0" | bc)"
  record "${1}_cpu" "$(cpusum)"
  [ "$1" = ref_load ] && engine_only

  # The same 55 loads by modref, through modernc.org/sqlite.
  rm -f "$OUT/mod.db"
  "$OUT/modref" -create "$OUT/mod.db"
  : > "$OUT/cpu.txt"
  t0=$(now)
  for f in $FILES; do
    c=$(basename "$f" -2020-01-01.csv)
    timed "$OUT/modref" "$OUT/mod.db" "$2/$c$3"
  done
  record "${1}_mod" "$(echo "$(now) - $t0" | bc)"
  record "${1}_mod_cpu" "$(cpusum)"
}

# engine_only copies the loaded reference table into a new keyed table with
# one statement, in the shell and in modernc.org/sqlite: the same B-tree
# work with no row handed over by the program.
engine_only() {
  local q="CREATE TABLE copia($COLS); INSERT INTO copia SELECT * FROM anagrafe;" r
  cp "$OUT/ref.db" "$OUT/engine.db"
  r=$(printf '.timer on\n%s\n' "$q" | sqlite3 "$OUT/engine.db" | awk '/Run Time/ {print $4, $6 + $8}')
  record engine_c "${r% *}"; record engine_c_cpu "${r#* }"
  cp "$OUT/ref.db" "$OUT/engine.db"
  r=$("$OUT/modref" -sql "$q" "$OUT/engine.db" | awk '{print $2, $4}')
  record engine_go "${r% *}"; record engine_go_cpu "${r#* }"
  rm -f "$OUT/engine.db"
}

for i in $(seq "$RUNS"); do
  echo "run $i/$RUNS: reference, first load" >&2
  reference ref_load "$OUT/rec/anagrafe" -2020-01-01.csv
  echo "run $i/$RUNS: reference, the updated files" >&2
  reference ref_update "$OUT/upd" .csv
  echo "run $i/$RUNS: csi, first load, monthly round, identical round" >&2
  store
  round csi_load "$OUT/rec/anagrafe" -2020-01-01.csv 2020-01-01
  round csi_update "$OUT/upd" .csv 2020-02-01
  round csi_noop "$OUT/upd" .csv 2020-02-01
  if [ -n "${DEMO:-}" ]; then
    echo "run $i/$RUNS: csi demo" >&2
    t0=$(now)
    (cd "$OUT" && rm -rf demo && mkdir demo && cd demo &&
      /usr/bin/time -f "%M %U %S" -o "$OUT/time.txt" "$CSI" demo >/dev/null 2>&1)
    record csi_demo "$(echo "$(now) - $t0" | bc)"
    record csi_demo_cpu "$(tail -n1 "$OUT/time.txt" | awk '{print $2 + $3}')"
  fi
done

engine=SQLite; [ -n "${POSTGRES:-}" ] && engine=PostgreSQL
awk -v rows="$ROWS" -v runs="$RUNS" -v engine="$engine" '
  { t[$1] = t[$1] " " $2 }
  function median(s,   a, n, i, j, x) {
    n = split(s, a, " ")
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j+1] = a[j]; a[j+1] = x }
    return (n % 2) ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
  }
  # cr: the CPU ratio, "n/a" where the reference has no CPU figure (the
  # reference psql spends its CPU in the server, which the PostgreSQL mode does not read).
  function cr(a, b) { return (b in t) && median(t[b]) > 0 ? sprintf("%.2fx", median(t[a]) / median(t[b])) : "n/a" }
  function maximum(s,   a, n, i, m) { n = split(s, a, " "); for (i = 1; i <= n; i++) if (a[i] + 0 > m) m = a[i] + 0; return m }
  END {
    printf "province: 55 extracts, %d rows, %s, medians of %d runs\n", rows, engine, runs
    printf "%-34s %9s %8s %9s %8s   %s\n", "case", "median_s", "ratio", "cpu_s", "cpu_ratio", "target"
    printf "%-34s %9.2f %8s %9.2f %8s   %s\n", "reference, first load", median(t["ref_load"]), "", median(t["ref_load_cpu"]), "", "reference"
    if ("ref_load_mod" in t) {
      printf "%-34s %9.2f %7.2fx %9.2f %8s   %s\n", "  the same, modernc.org/sqlite", median(t["ref_load_mod"]), median(t["ref_load_mod"]) / median(t["ref_load"]), median(t["ref_load_mod_cpu"]), cr("ref_load_mod_cpu", "ref_load_cpu"), "the driver csi uses"
      printf "%-34s %9.2f %8s %9.2f %8s   %s\n", "  B-tree work alone, C SQLite", median(t["engine_c"]), "", median(t["engine_c_cpu"]), "", "INSERT ... SELECT"
      printf "%-34s %9.2f %7.2fx %9.2f %8s   %s\n", "  B-tree work alone, modernc", median(t["engine_go"]), median(t["engine_go"]) / median(t["engine_c"]), median(t["engine_go_cpu"]), cr("engine_go_cpu", "engine_c_cpu"), "INSERT ... SELECT"
    }
    printf "%-34s %9.2f %7.2fx %9.2f %8s   %s\n", "csi first load (55 imports)", median(t["csi_load"]), median(t["csi_load"]) / median(t["ref_load"]), median(t["csi_load_cpu"]), cr("csi_load_cpu", "ref_load_cpu"), "<= 1.2x"
    printf "%-34s %9.2f %8s %9.2f %8s   %s\n", "reference, updated files", median(t["ref_update"]), "", median(t["ref_update_cpu"]), "", "reference"
    if ("ref_update_mod" in t)
      printf "%-34s %9.2f %7.2fx %9.2f %8s   %s\n", "  the same, modernc.org/sqlite", median(t["ref_update_mod"]), median(t["ref_update_mod"]) / median(t["ref_update"]), median(t["ref_update_mod_cpu"]), cr("ref_update_mod_cpu", "ref_update_cpu"), "the driver csi uses"
    printf "%-34s %9.2f %7.2fx %9.2f %8s   %s\n", "csi monthly round (55 updates)", median(t["csi_update"]), median(t["csi_update"]) / median(t["ref_update"]), median(t["csi_update_cpu"]), cr("csi_update_cpu", "ref_update_cpu"), "<= 0.8x"
    printf "%-34s %9.2f %8s %9.2f %8s   %s\n", "csi identical round (55 no-ops)", median(t["csi_noop"]), "", median(t["csi_noop_cpu"]), "", "< 3 s"
    m = maximum(t["csi_load_rss_kb"] " " t["csi_update_rss_kb"] " " t["csi_noop_rss_kb"])
    printf "%-34s %8.1f MiB %7s   %s\n", "peak RSS of any single import", m / 1024, "", "<= 96 MiB"
    if ("csi_demo" in t) printf "%-34s %9.2f %8s %9.2f %8s   %s\n", "csi demo (built binary)", median(t["csi_demo"]), "", median(t["csi_demo_cpu"]), "", "<= 0.6x of 20.1 s"
  }' "$RES"
