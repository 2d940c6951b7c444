#!/usr/bin/env bash
# Side-by-side benchmark of `csi anagrafe import` against the sqlite3 shell's
# `.import --csv` of the same registry extract (issue: registry import).
#
#   bash testdata/bench/import.sh [RUNS]          # default RUNS=3; medians are reported
#
# Needs Go, sqlite3 and GNU time (installed with apt-get when missing, as root).
# Files go to testdata/bench/out/ (git-ignored). The extract is the synthetic
# province (870,193 rows, 16 columns) loaded as if it were one Comune; the
# validation also checks the province's accessi, cartelle and interventi.
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-3}
OUT=testdata/bench/out
mkdir -p "$OUT"

need() { command -v "$1" >/dev/null 2>&1; }
if ! need sqlite3 || [ ! -x /usr/bin/time ]; then
  echo "installing sqlite3 and GNU time" >&2
  apt-get update -qq && apt-get install -y -qq sqlite3 time >/dev/null
fi

go build -o "$OUT/csi" ./cmd/csi
CSI="$OUT/csi"

# One Comune's extract: the whole province with comune_residenza set to Monza,
# comma-delimited so that the sqlite3 shell reads it with .import --csv.
as_one() { awk -F';' -v OFS=',' 'NR>1{$8="108033"}{$1=$1}1' "$1" > "$2"; }
if [ ! -s "$OUT/base.csv" ]; then
  go run ./testdata/bench/genanagrafe -out "$OUT/prov.csv" -scale 1 -seed 1
  go run ./testdata/bench/genanagrafe -out "$OUT/prov-upd.csv" -mutate-from "$OUT/prov.csv" -seed 2 \
    -changed 0.02 -gone 0.005 -added 0.005
  go run ./testdata/bench/genanagrafe -out "$OUT/prov4.csv" -scale 4 -seed 1
  as_one "$OUT/prov.csv" "$OUT/base.csv"
  as_one "$OUT/prov-upd.csv" "$OUT/update.csv"
  as_one "$OUT/prov4.csv" "$OUT/base4.csv"
  rm -f "$OUT/prov.csv" "$OUT/prov-upd.csv" "$OUT/prov4.csv"
fi
# The province's social records (csi demo's), validated with the registry.
if [ ! -s "$OUT/rec/cartelle.csv" ]; then
  go run ./testdata/bench/genrecords -out "$OUT/rec" -seed 1
  rm -rf "$OUT/rec/anagrafe"
fi
echo "extract: $(($(wc -l < "$OUT/base.csv") - 1)) rows, $(du -m "$OUT/base.csv" | cut -f1) MB" >&2

COLS="codice_fiscale TEXT PRIMARY KEY, cognome TEXT, nome TEXT, sesso TEXT, data_nascita TEXT, luogo_nascita TEXT,
 cittadinanza TEXT, comune_residenza TEXT, indirizzo TEXT, civico TEXT, cap TEXT, codice_famiglia TEXT,
 relazione_parentela TEXT, stato_civile TEXT, data_iscrizione TEXT, motivo_iscrizione TEXT"

# measure NAME CMD...: runs CMD once, appends "NAME seconds maxrss_kb" to the results.
measure() {
  local name=$1; shift
  /usr/bin/time -f "%e %M" -o "$OUT/time.txt" "$@" >/dev/null 2>"$OUT/err.txt" || {
    rc=$?; if [ $rc -ne 0 ] && [ $rc -ne 4 ]; then cat "$OUT/err.txt" >&2; exit 1; fi; }
  echo "$name $(tail -n1 "$OUT/time.txt")" >> "$OUT/results.txt"
}

ref() { # ref NAME DDL
  rm -f "$OUT/ref.db"
  sqlite3 "$OUT/ref.db" "CREATE TABLE anagrafe($2);"
  measure "$1" sqlite3 "$OUT/ref.db" ".import --csv --skip 1 $OUT/base.csv anagrafe"
}

fresh_store() { # fresh_store DB
  rm -f "$1" "$1-wal" "$1-shm"
  CSI_DB="$1" "$CSI" -q init >/dev/null
  CSI_DB="$1" "$CSI" -q comuni onboard 108033 >/dev/null
}

: > "$OUT/results.txt"
for i in $(seq "$RUNS"); do
  echo "run $i/$RUNS" >&2
  ref ref_pk "$COLS"
  ref ref_nokey "${COLS/ PRIMARY KEY/}"
  fresh_store "$OUT/csi.db"
  measure csi_fresh env CSI_DB="$OUT/csi.db" "$CSI" anagrafe import "$OUT/base.csv" --comune 108033 --as-of 2024-01-01 --progress none
  for k in accessi cartelle interventi; do
    CSI_DB="$OUT/csi.db" "$CSI" -q records import "$k" "$OUT/rec/$k.csv" --progress none >/dev/null
  done
  measure csi_validate env CSI_DB="$OUT/csi.db" "$CSI" validate -o csv --fail-on none
  measure csi_reimport env CSI_DB="$OUT/csi.db" "$CSI" anagrafe import "$OUT/base.csv" --comune 108033 --as-of 2024-01-01 --progress none
  measure csi_update_dry env CSI_DB="$OUT/csi.db" "$CSI" anagrafe import "$OUT/update.csv" --comune 108033 --as-of 2024-04-01 --dry-run --progress none
  measure csi_update env CSI_DB="$OUT/csi.db" "$CSI" anagrafe import "$OUT/update.csv" --comune 108033 --as-of 2024-04-01 --progress none
  fresh_store "$OUT/csi4.db"
  measure csi_fresh_4x env CSI_DB="$OUT/csi4.db" "$CSI" anagrafe import "$OUT/base4.csv" --comune 108033 --as-of 2024-01-01 --progress none
done
rm -f "$OUT"/csi4.db*

# Medians and ratios.
awk -v runs="$RUNS" '
  { t[$1] = t[$1] " " $2; m[$1] = m[$1] " " $3 }
  function median(s,   a, n, i, j, x) {
    n = split(s, a, " ")
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j+1] = a[j]; a[j+1] = x }
    return (n % 2) ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
  }
  END {
    ref = median(t["ref_pk"])
    printf "%-16s %9s %9s %10s   %s\n", "case", "median_s", "ratio", "max_rss_MB", "target"
    split("ref_pk ref_nokey csi_fresh csi_update csi_reimport csi_update_dry csi_fresh_4x csi_validate", order, " ")
    target["csi_fresh"] = "<= 1.5x ref_pk"; target["csi_update"] = "<= 1.0x ref_pk"
    target["csi_reimport"] = "< 0.5 s"; target["csi_update_dry"] = "<= 0.6x ref_pk"
    target["csi_fresh_4x"] = "<= 4.4x csi_fresh, RSS within 10%"; target["ref_pk"] = "reference"
    target["csi_validate"] = "<= 1.5x csi_fresh"
    for (k = 1; k <= 8; k++) {
      n = order[k]; if (!(n in t)) continue
      s = median(t[n])
      printf "%-16s %9.2f %8.2fx %10.1f   %s\n", n, s, s / ref, median(m[n]) / 1024, target[n]
    }
    printf "\ncsi_fresh_4x / csi_fresh = %.2fx time, %.2fx memory (%d runs each)\n",
      median(t["csi_fresh_4x"]) / median(t["csi_fresh"]), median(m["csi_fresh_4x"]) / median(m["csi_fresh"]), runs
    printf "csi_validate / csi_fresh = %.2fx time\n", median(t["csi_validate"]) / median(t["csi_fresh"])
  }' "$OUT/results.txt"
