#!/usr/bin/env bash
# The figures of docs/performance.md's section on Spark: the wake phase of one iteration (the base grammar
# on the training split of DreamCoder's list tasks) with 1 and 2 executor cores under a program budget, and
# Spark's overhead at 1 and 10 CPU-seconds per task. Each line printed is one command with the machine's
# load average before it, the wall time of the wake (`solve` prints it) and the runner's `spark:` line.
# At 10 CPU-seconds per task the wake searches every tenth task of the file (22 of DreamCoder's 217), to keep
# the measurement within minutes on a busy 2-core machine.
# Usage, from the repository root (each part may be chosen):
#   spark/scripts/measure-wake.sh [--file TASKS.json] [--programs N] [--reps R] [scaling] [overhead1] [overhead10]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
file="$root/../shared/data/dreamcoder/list_tasks.json"
programs=200000
reps=3
parts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --file) file="$2"; shift 2 ;;
    --programs) programs="$2"; shift 2 ;;
    --reps) reps="$2"; shift 2 ;;
    scaling|overhead1|overhead10) parts+=("$1"); shift ;;
    *) echo "usage: $0 [--file F] [--programs N] [--reps R] [scaling] [overhead1] [overhead10]" >&2; exit 2 ;;
  esac
done
[ ${#parts[@]} = 0 ] && parts=(scaling overhead1 overhead10)
solve=(solve --file "$file" --split train)

# one LABEL ARGS...: runs reverie with ARGS and prints LABEL, the load average, the wake's wall time and
# the spark line.
one() {
  local label="$1"; shift
  local load err out
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  err="$(mktemp)"
  out="$("$root/reverie" "$@" 2>"$err" | tail -1)"
  printf '%s | load %s | %s | %s\n' "$label" "$load" "$(grep -o '[0-9.]* CPU-seconds ([0-9.]* s wall)' <<<"$out")" \
    "$(tr '\r' '\n' <"$err" | grep '^spark:' || true)"
  rm -f "$err"
}

for part in "${parts[@]}"; do
  case "$part" in
    scaling)
      for r in $(seq "$reps"); do
        one "max-programs $programs, local[1], rep $r" "${solve[@]}" --max-programs "$programs" --master 'local[1]'
        one "max-programs $programs, local[2], rep $r" "${solve[@]}" --max-programs "$programs" --master 'local[2]'
      done ;;
    overhead1)
      one "timeout 1, 2 local threads" "${solve[@]}" --timeout 1 --threads 2
      one "timeout 1, local[2]" "${solve[@]}" --timeout 1 --master 'local[2]' ;;
    overhead10)
      tenth="$(mktemp --suffix=.json)"
      python3 -c 'import json, sys; json.dump(json.load(open(sys.argv[1]))[::10], open(sys.argv[2], "w"))' \
        "$file" "$tenth"
      one "timeout 10, local[2], every tenth task" solve --file "$tenth" --timeout 10 --master 'local[2]'
      rm -f "$tenth" ;;
  esac
done
