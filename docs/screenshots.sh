#!/usr/bin/env bash
# Screenshots of the run, invention and task pages of `reverie serve`, as in the README:
#   docs/screenshots.sh RUN_DIR ITERATION INVENTION TASK [OUT_DIR]
# e.g. docs/screenshots.sh runs/lists-2 2 f3 'take-k with k=3' docs
# Needs Debian's chromium (apt-get install chromium). Writes serve-run.png, serve-invention.png,
# serve-task.png and, when the run has a compare report, serve-compare.png into OUT_DIR.
set -euo pipefail
[ $# -ge 4 ] || { sed -n 2,6p "$0" >&2; exit 2; }
run="$1" iteration="$2" invention="$3" task="$4" out="${5:-docs}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
id="$(basename "$(cd "$run" && pwd -P)")"
port="${PORT:-8799}"
profile="$(mktemp -d)"
log="$(mktemp)"
"$here/reverie" serve "$run" --port "$port" >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$profile" "$log"' EXIT
for _ in $(seq 100); do grep -q "serving" "$log" && break; sleep 0.2; done
grep -q "serving" "$log" || { cat "$log" >&2; exit 1; }
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
shot() {  # shot FILE WIDTH HEIGHT ROUTE
  chromium --headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size="$2,$3" --virtual-time-budget=5000 \
    --screenshot="$out/$1" "http://127.0.0.1:$port/#/run/$(enc "$id")$4" >/dev/null 2>&1
  echo "wrote $out/$1"
}
mkdir -p "$out"
shot serve-run.png 1200 1250 ""
shot serve-invention.png 1200 1000 "/invention/$iteration/$(enc "$invention")"
shot serve-task.png 1200 1350 "/task/$(enc "$task")"
if ls "$run"/*/compare.json >/dev/null 2>&1; then
  shot serve-compare.png 1200 1100 "/compare"
fi
