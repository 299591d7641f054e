#!/usr/bin/env bash
# Benchmarks whole admin scripts: the wall time of each realistic script in the set (the corpus in
# tests/cases/corpus and the whole-script cases in tests/cases/scripts, each on a fresh sample org,
# with the stdin, arguments and Exchange profile its header gives), then the parse throughput in MB/s
# of exsh's parser and of tree-sitter-powershell (PyPI, the fastest public PowerShell parser) on the
# same files, in the same run. Figures go in the issue notes, never in tests.
#   scripts/bench-scripts.sh                 (builds with cargo build --release first)
#   RUNS=20 scripts/bench-scripts.sh         (runs per script, default 10; the median is printed)
#   EXSH=/path/to/exsh scripts/bench-scripts.sh
# tree-sitter-powershell is installed into target/bench-venv on first use (needs PyPI); without it the
# comparison line says so and the rest still runs.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
if [ -z "${EXSH:-}" ]; then
  cargo build --release -q
  EXSH="$repo/target/release/exsh"
fi
RUNS="${RUNS:-10}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

files=()
for f in tests/cases/corpus/*.ps1 tests/cases/scripts/*.ps1; do
  [ -e "$f" ] && files+=("$f")
done
echo "script set: ${#files[@]} scripts, $(cat "${files[@]}" | wc -c) bytes"

# The header value of `# key: value` on a case's first comment lines.
header() { awk -v k="# $2:" 'index($0, k) == 1 { sub(k " *", ""); print; exit } !/^#/ { exit }' "$1"; }

median_ms() {
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; printf "%.2f", m/1000}'
}

run_case() {
  local f="$1" dir name profile stdin args
  dir="$(dirname "$f")"; name="$(basename "$f")"
  profile="$(header "$f" exchange)"; stdin="$(header "$f" stdin)"; args="$(header "$f" args)"
  rm -f "$work/org.json"
  local cmd=("$EXSH" --org "$work/org.json")
  [ -n "$profile" ] && cmd+=(--exchange "$profile")
  # shellcheck disable=SC2206
  cmd+=(-File "$name" $args)
  (cd "$dir" && printf '%s' "$stdin" | tr '|' '\n' | SOURCE_DATE_EPOCH=1764070771 NO_COLOR=1 "${cmd[@]}")
}

echo "empty script (baseline): $(printf '' > "$work/empty.ps1"; median_ms "$EXSH" --org "$work/base.json" -File "$work/empty.ps1") ms median"
for f in "${files[@]}"; do
  printf '%-60s %8s ms median (%s lines)\n' "$f" "$(median_ms run_case "$f")" "$(wc -l < "$f")"
done

echo "parse throughput on the same ${#files[@]} files (each parser parses the whole set repeatedly for 2 s):"
cargo bench -q --bench parse -- "${files[@]}" 2>/dev/null | grep '^exsh-parser'
venv="$repo/target/bench-venv"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" && "$venv/bin/pip" install -q tree-sitter tree-sitter-powershell >/dev/null 2>&1 || true
fi
if "$venv/bin/python" -c 'import tree_sitter_powershell' 2>/dev/null; then
  "$venv/bin/python" scripts/ts_parse.py "${files[@]}"
  "$venv/bin/pip" list 2>/dev/null | grep -i '^tree-sitter' | tr -s ' ' | sed 's/^/  version: /'
else
  echo "tree-sitter-powershell: not installed (pip install tree-sitter tree-sitter-powershell failed)"
fi
