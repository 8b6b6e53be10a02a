#!/usr/bin/env bash
# Takes a screenshot of a run's DL4J training UI page (`gvsl ui`) in headless Chromium (Debian's `chromium`).
#
#   tools/ui-screenshot.sh RUN_DIR OUT.png [plots|graph]
#
# Starts `./gvsl ui RUN_DIR --port 0` (any free port), waits for the URL it prints, lets the page load the run and
# draw (Chromium's virtual time budget: the page's scripts run until they are idle or the budget is spent), saves
# a 1400×900 PNG and stops the server. Needs RUN_DIR/ui-stats.bin (gvsl pretrain --ui-stats).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ $# -lt 2 || $# -gt 3 ]]; then
  echo "usage: $0 RUN_DIR OUT.png [plots|graph]" >&2
  exit 2
fi
run_dir="$1"
out="$(realpath -m "$2")"
view="${3:-plots}"
chromium="${CHROMIUM:-/usr/bin/chromium}"

log="$(mktemp)"
profile="$(mktemp -d)"
"$root/gvsl" ui "$run_dir" --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$log" "$profile"' EXIT

url=""
for _ in $(seq 1 1200); do   # the first ./gvsl may build the project first
  url="$(grep -o 'http://localhost:[0-9]*/gvsl/run' "$log" || true)"
  [[ -n "$url" ]] && break
  if ! kill -0 "$server" 2>/dev/null; then
    cat "$log" >&2
    exit 1
  fi
  sleep 0.5
done
if [[ -z "$url" ]]; then
  echo "gvsl ui printed no URL; its output:" >&2
  cat "$log" >&2
  exit 1
fi

"$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$profile" --hide-scrollbars \
  --virtual-time-budget=20000 --window-size=1400,900 --screenshot="$out" "$url#$view" >/dev/null 2>&1
[[ -s "$out" ]] || { echo "chromium wrote no screenshot to $out" >&2; exit 1; }
echo "$out ($url#$view)"
