#!/usr/bin/env bash
# Bounded load test of csi serve (issue 6): a real server on 127.0.0.1,
# CLIENTS concurrent clients (viewer, referent, operator and coordinator
# tokens) mixing indicator reads and validations for DURATION, while one
# more client streams the registry extract of Monza (124,840 rows) into
# the store. It fails on any error, on a lost or duplicated row, on a
# lost validation run or a broken audit chain, and prints p50/p99 latencies
# per kind of request.
#
#   bash testdata/bench/load.sh [CLIENTS] [DURATION]     # default 32 20s
#
# More settings: CSI_LOAD_SCALE (population scale of the 9 preloaded Comuni,
# default 0.25) and CSI_LOAD_IMPORT_SCALE (of the imported extract, default 1).
# The test is TestLoad in internal/httpapi/load_full_test.go, behind the
# build tag "load" so that `go test ./...` runs only its 2-second smoke
# version (TestLoadSmoke in load_test.go).
set -euo pipefail
cd "$(dirname "$0")/../.."
export CSI_LOAD_CLIENTS=${1:-32}
export CSI_LOAD_DURATION=${2:-20s}
go test -tags load -run '^TestLoad$' -count=1 -timeout 15m -v ./internal/httpapi 2>&1 |
  grep -v '^=== RUN'
