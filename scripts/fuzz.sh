#!/usr/bin/env bash
# The long fuzz campaign (tests/fuzz.rs): COUNT scripts mutated from the test corpus, each parsed in
# both language versions and run on a fresh in-memory sample org under a step budget, in worker
# processes so that an abort (a stack overflow) is counted and the campaign goes on. Prints the
# counts of inputs, panics, aborts and hangs; failing inputs land in target/fuzz-failures/.
#   scripts/fuzz.sh                     1,000,000 inputs, seed 1, release build
#   scripts/fuzz.sh 100000 7            100,000 inputs of seed 7
#   PROFILE=debug scripts/fuzz.sh 100000   the debug build (no second compile)
# Replay one input: EXSH_FUZZ_SEED=S EXSH_FUZZ_ONLY=I cargo test --test fuzz -- --nocapture
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000000}"
seed="${2:-1}"
release=(--release)
if [ "${PROFILE:-release}" = debug ]; then release=(); fi
EXSH_FUZZ_COUNT="$count" EXSH_FUZZ_SEED="$seed" cargo test "${release[@]}" -q --test fuzz -- --exact fuzz --nocapture
