#!/usr/bin/env bash
# Long crash campaign: kill -9 at random moments of runs that each make a real change to a big
# org, checking after every kill that the org loads and is the old or the new state, and that
# the next run leaves no temp file. The short version runs in `cargo test` (tests/crash.rs).
#   scripts/kill-test.sh                         # 300 kills, 20,000-mailbox org, release build
#   KILLS=1000 MAILBOXES=5000 scripts/kill-test.sh
#   SEED=12345 scripts/kill-test.sh              # repeat a campaign
set -euo pipefail
cd "$(dirname "$0")/.."
export EXSH_KILLS="${KILLS:-300}" EXSH_KILL_MAILBOXES="${MAILBOXES:-20000}"
[ -n "${SEED:-}" ] && export EXSH_KILL_SEED="$SEED"
cargo test --release -q --test crash -- --nocapture
