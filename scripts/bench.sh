#!/usr/bin/env bash
# Benchmarks exsh's release build: cold start of one cmdlet, parse time of a 1,000-line script and
# of deeply nested script blocks (each against an empty script's run as the baseline), 5,000
# script-function calls (against an empty loop), and 1,000
# grants driven by Import-Csv | ForEach-Object, on the sample org and on a big generated org. Prints medians;
# figures go in the issue notes, never in tests.
#   scripts/bench.sh            (builds with cargo build --release first)
#   RUNS=50 scripts/bench.sh
#   BIG_ORG=100000 BIG_RUNS=3 scripts/bench.sh   (mailboxes in the big org, default 10000; 0 skips it)
#   EXSH=/path/to/exsh scripts/bench.sh          (another build, e.g. an older one, without building)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${EXSH:-}" ]; then
  cargo build --release -q
  EXSH="$PWD/target/release/exsh"
fi
BIG_ORG="${BIG_ORG:-10000}"
BIG_RUNS="${BIG_RUNS:-5}"
RUNS="${RUNS:-30}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="$PWD"
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

# Parse time, against a baseline measured in the same run: an empty script. The big script defines
# the example scripts as functions (repeated to 1,000 lines) and calls none, so exsh only parses it;
# the nested one (25 unclosed `[a({`) is a parse error that an exponential parser would take ages on.
echo '# nothing' > empty.ps1
: > parse-big.ps1
n=0
while [ "$(wc -l < parse-big.ps1)" -lt 1000 ]; do
  for f in "$repo"/scripts/*.ps1; do
    n=$((n + 1)); { echo "function Example$n {"; cat "$f"; echo "}"; } >> parse-big.ps1
  done
done
printf '[a({%.0s' $(seq 25) > parse-nested.ps1
run_file() { "$EXSH" --org org.json -File "$1" || true; }
base=$(median_ms run_file empty.ps1)
big=$(median_ms run_file parse-big.ps1)
nested=$(median_ms run_file parse-nested.ps1)
echo "baseline, exsh -File on an empty script (${RUNS} runs): ${base} ms median"
awk -v b="$base" -v m="$big" -v l="$(wc -l < parse-big.ps1)" 'BEGIN { printf "parse a %d-line script: %s ms median, %.2f ms over the baseline\n", l, m, m - b }'
awk -v b="$base" -v m="$nested" 'BEGIN { printf "parse 25 nested attribute script blocks (an error): %s ms median, %.2f ms over the baseline\n", m, m - b }'

# Binding script functions, against a baseline in the same run: the same 5,000-iteration loop
# with an empty body. The function binds a named, a typed and a switch parameter per call.
cat > loop-empty.ps1 <<'PS1'
foreach ($i in 1..5000) { }
PS1
cat > loop-bind.ps1 <<'PS1'
function Set-Quota { param([string]$Identity, [int]$SizeMB, [switch]$Force) }
foreach ($i in 1..5000) { Set-Quota -Identity karen -Size $i -Force }
PS1
loop_base=$(median_ms run_file loop-empty.ps1)
loop_bind=$(median_ms run_file loop-bind.ps1)
awk -v b="$loop_base" -v m="$loop_bind" 'BEGIN { printf "5,000 script-function calls binding 3 parameters: %s ms median, %.2f ms over the empty loop (%s ms), %.1f us per call\n", m, m - b, b, (m - b) * 1000 / 5000 }'

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

[ "$BIG_ORG" -gt 0 ] || exit 0

# A big org: the sample plus BIG_ORG clones of Karen's mailbox record (scripts/gen-org.py).
rm -f seed.json seed.json.lock
"$EXSH" --org seed.json -c 'Get-Mailbox karen' >/dev/null
python3 "$repo/scripts/gen-org.py" seed.json big.json "$BIG_ORG"
# One change and its undo make exsh rewrite the file in its own layout.
cat > normalize.ps1 <<'PS1'
Add-MailboxPermission -Identity karen -User michelle -AccessRights ReadPermission -WarningAction SilentlyContinue | Out-Null
Remove-MailboxPermission -Identity karen -User michelle -AccessRights ReadPermission -Confirm:$false
PS1
"$EXSH" --org big.json -File normalize.ps1
last=$(printf 'user%06d' $((BIG_ORG - 1)))
bytes=$(wc -c < big.json)
echo "big org: ${BIG_ORG} mailboxes, $bytes bytes ($(( bytes / BIG_ORG )) bytes per mailbox)"
RUNS_SAVED=$RUNS; RUNS=$BIG_RUNS
cold() { "$EXSH" --org big.json -c "Get-Mailbox $last"; }
echo "cold start, exsh -Command 'Get-Mailbox $last' (${BIG_RUNS} runs): $(median_ms cold) ms median"
python3 - "$BIG_ORG" > big-grants.csv <<'PY'
import sys
n = int(sys.argv[1])
print("Mailbox,User,AccessRights")
for i in range(1000):
    print("user%06d,user%06d,FullAccess" % ((i * 7919) % n, (i * 104729 + 1) % n))
PY
sed 's/grants.csv/big-grants.csv/' grants.ps1 > big-grants.ps1
big_grants() { cp big.json bg.json; rm -f bg.json.lock; "$EXSH" --org bg.json -File big-grants.ps1; }
echo "1,000 grants on the big org (incl. start, load and one save): $(median_ms big_grants) ms median"
RUNS=$RUNS_SAVED
big_grants
echo "big org file after 1,000 grants: $(wc -c < bg.json) bytes, $(grep -c "\"rights\": \[\"FullAccess\"\], \"deny\": false, \"inheritance\": \"All\", \"inherited\": false" bg.json) explicit FullAccess entries"
