#!/usr/bin/env bash
# The handler benchmarks of csi serve --waas (issue 13): GET /flussi with
# limit=100 from a random since over 10,000 flows (half of them answered),
# and POST /esiti of 100 outcomes, one client on 127.0.0.1, SQLite and
# (with CSI_TEST_POSTGRES) PostgreSQL. ns/op is wall time per request,
# cpu-ns/op the process's CPU (server and client) per request.
#
#   bash testdata/bench/waas_handler.sh [COUNT] [BENCHTIME]   # default 5 200x
#
# To compare two versions side by side, build each one's test binary
# (go test -c ./internal/httpapi) and run them in turn with
#   BIN -test.run '^$' -test.bench BenchmarkWaaS -test.benchtime 200x -test.count 1
# alternating, then take the medians.
set -euo pipefail
cd "$(dirname "$0")/../.."
go test -run '^$' -bench 'BenchmarkWaaS' -benchtime "${2:-200x}" -count "${1:-5}" ./internal/httpapi
