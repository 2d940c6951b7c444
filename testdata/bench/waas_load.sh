#!/usr/bin/env bash
# Bounded load test of csi serve --waas (issue 13 §3): one server on
# 127.0.0.1 holding 10,000 flows of Desio; the fake INPS poller collects
# them with limit=100 and posts their outcomes while more are exported,
# and CLIENTS ordinary clients (csi API readers and GET /flussi readers)
# run for DURATION. It fails on any error or on a flow not collected
# exactly once, and prints p50/p99 of GET /flussi (target p99 < 100 ms).
#
#   bash testdata/bench/waas_load.sh [CLIENTS] [DURATION] [sqlite|postgres]   # default 32 20s sqlite
#
# postgres needs CSI_TEST_POSTGRES. The test is TestWaaSLoad in
# internal/httpapi/waas_load_test.go, behind the build tag "load".
set -euo pipefail
cd "$(dirname "$0")/../.."
export CSI_LOAD_CLIENTS=${1:-32}
export CSI_LOAD_DURATION=${2:-20s}
export CSI_LOAD_ENGINE=${3:-sqlite}
go test -tags load -run '^TestWaaSLoad$' -count=1 -timeout 10m -v ./internal/httpapi 2>&1 | grep -v '^=== RUN'
exit "${PIPESTATUS[0]}"
