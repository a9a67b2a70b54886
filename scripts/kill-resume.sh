#!/usr/bin/env bash
# Kills a `reverie run` with SIGKILL during the compression phase and, after a resume, during the
# recognition phase; resumes it to the end; then checks that every checkpoint is complete: each file
# in its manifest present with its SHA-256, nothing unlisted, every JSON file parseable, no partial
# checkpoint left, the run's lock released. README ("Reliability") describes a replay.
#   scripts/kill-resume.sh [RUN_DIR]        (default: a new temporary directory)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
reverie="$here/reverie"
dir="${1:-$(mktemp -d)/run}"
log="$dir.log"
mkdir -p "$(dirname "$dir")"
args=(--suite lists --iterations 2 --timeout 0.3 --batch-size 20 --recognition-steps 4000 --seed 1)

"$reverie" --version > /dev/null   # builds the jar first if needed
# The runs use a copy of the jar, so that a rebuild meanwhile cannot change or break them.
jar="$(mktemp -d)/reverie.jar"
cp "$here/cli/target/reverie.jar" "$jar"
# exec: a run started with & is then the java process itself, the one that SIGKILL must hit.
run_reverie() { exec java -Xss64m -XX:+UseParallelGC -jar "$jar" "$@"; }

# Starts the run (or its resume) in the background and kills it with SIGKILL 1 s after PHASE starts
# in iteration 1.
kill_during() {
  local phase="$1"; shift
  : > "$log"
  run_reverie run "$@" 2> "$log" > /dev/null &
  local pid=$!
  for _ in $(seq 1 6000); do
    if grep -q "^iteration 1 of" "$log" && grep -q "^$phase: started" "$log"; then
      sleep 1
      kill -9 "$pid"
      wait "$pid" 2> /dev/null || true
      local last
      last="$(grep -E '^[a-z]+: ' "$log" | tail -1)"
      echo "killed during $phase; its last progress line: $last"
      case "$last" in
        "$phase: "*) ;;
        *) echo "FAIL: the kill came after $phase had ended" >&2; exit 1 ;;
      esac
      return
    fi
    if ! kill -0 "$pid" 2> /dev/null; then
      echo "FAIL: the run ended before $phase started:" >&2; cat "$log" >&2; exit 1
    fi
    sleep 0.1
  done
  echo "FAIL: $phase never started" >&2; exit 1
}

check() {
  python3 - "$dir" <<'PY'
import hashlib, json, os, sys
d = sys.argv[1]
bad = []
folders = sorted(f for f in os.listdir(d) if f.startswith("iteration-"))
partials = [f for f in os.listdir(d) if f.endswith(".partial")]
files = 0
for f in folders:
    m = json.load(open(os.path.join(d, f, "manifest.json")))
    listed = m["files"]
    for name, sha in listed.items():
        p = os.path.join(d, f, name)
        if hashlib.sha256(open(p, "rb").read()).hexdigest() != sha:
            bad.append(p)
        files += 1
        if name.endswith(".json"):
            json.load(open(p))
    for root, _, names in os.walk(os.path.join(d, f)):
        for n in names:
            rel = os.path.relpath(os.path.join(root, n), os.path.join(d, f))
            if rel != "manifest.json" and rel not in listed:
                bad.append("unlisted " + rel)
print(f"checkpoints {', '.join(folders)}: {files} files verified; partial folders: {partials or 'none'}")
sys.exit(1 if bad else 0)
PY
}

kill_during abstraction "${args[@]}" --out "$dir"
check
kill_during dream --resume "$dir"
check
echo "lock left by the killed process: $(cat "$dir/.lock" 2> /dev/null | tr -d '\n ' || echo none)"
(run_reverie run --resume "$dir") 2> "$log" > /dev/null
check
test ! -e "$dir/.lock" || { echo "FAIL: the lock was not released" >&2; exit 1; }
ls "$dir"/.iteration-*.partial > /dev/null 2>&1 && { echo "FAIL: a partial checkpoint is left" >&2; exit 1; }
tail -1 "$dir/metrics.jsonl"
echo "OK: $dir finished after two kills"
