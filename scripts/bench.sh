#!/usr/bin/env bash
# Benchmarks exsh's release build: cold start of one cmdlet, and 1,000 grants driven by
# Import-Csv | ForEach-Object. Prints medians; figures go in the issue notes, never in tests.
#   scripts/bench.sh            (builds with cargo build --release first)
#   RUNS=50 scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
EXSH="$PWD/target/release/exsh"
RUNS="${RUNS:-30}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

# Median wall time in milliseconds of a command run RUNS times.
median_ms() {
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%.2f", m/1000}'
}

"$EXSH" --org org.json -c 'Get-Mailbox karen' >/dev/null
echo "cold start, exsh -Command 'Get-Mailbox karen' (sample org, ${RUNS} runs): $(median_ms "$EXSH" --org org.json -c 'Get-Mailbox karen') ms median"

# 1,000 grant rows over the sample org's mailboxes, users and rights.
mailboxes=(karen michelle amy john kim david helpdesk room1 projector1 Administrator)
users=(michelle amy john kim david karen helpdeskagents Administrator)
rights=(FullAccess ReadPermission ChangePermission DeleteItem ChangeOwner ExternalAccount)
{
  echo "Mailbox,User,AccessRights"
  n=0
  for r in "${rights[@]}"; do for m in "${mailboxes[@]}"; do for u in "${users[@]}"; do
    [ "$n" -ge 1000 ] && break 3
    echo "$m,$u,$r"; n=$((n + 1))
  done; done; done
  while [ "$n" -lt 1000 ]; do echo "karen,michelle,FullAccess"; n=$((n + 1)); done
} > grants.csv
cat > grants.ps1 <<'PS1'
Import-Csv grants.csv | ForEach-Object {
    Add-MailboxPermission -Identity $_.Mailbox -User $_.User -AccessRights $_.AccessRights -WarningAction SilentlyContinue | Out-Null
}
PS1
run_grants() { rm -f org2.json org2.json.lock; "$EXSH" --org org2.json -File grants.ps1; }
RUNS_SAVED=$RUNS; RUNS=$(( RUNS < 10 ? RUNS : 10 ))
ms=$(median_ms run_grants)
RUNS=$RUNS_SAVED
echo "1,000 grants via Import-Csv | ForEach-Object (incl. start, org creation and one save): ${ms} ms median"
awk -v ms="$ms" 'BEGIN { printf "  = %.0f grants per second\n", 1000 / (ms / 1000) }'
run_grants
echo "org file after 1,000 grants: $(wc -c < org2.json) bytes"
