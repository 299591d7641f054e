#!/usr/bin/env bash
# Long concurrency check: PROCS processes, each making RUNS separate exsh runs (one Full Access
# grant per run) on one org; every grant must be in the file afterwards and no temp file left.
# The short version (8 x 6) runs in `cargo test` (tests/concurrency.rs).
#   scripts/concurrency-test.sh                  # 8 x 500, release build
#   PROCS=4 RUNS=100 scripts/concurrency-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export EXSH_CONC_PROCS="${PROCS:-8}" EXSH_CONC_RUNS="${RUNS:-500}"
cargo test --release -q --test concurrency many_processes -- --nocapture
