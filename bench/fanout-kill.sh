#!/usr/bin/env bash
# about: kill -9 the api during a 50,000-device fan-out, restart it, count what the FCM stand-in received (missing, raw and visible repeats)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEVICES=50000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --devices) DEVICES="$2"; shift 2 ;;
    *) echo "usage: bench/fanout-kill.sh [--devices N]" >&2; exit 2 ;;
  esac
done
cd "$ROOT"
echo "[bench fanout-kill] running FanOutSurvivesKillTests with $DEVICES devices (api in child JVMs)" >&2
LOG="$ROOT/api/target/fanout-kill.log"
mkdir -p "$ROOT/api/target"
if ! mvn -q -B -o -pl api -am test -Dtest=FanOutSurvivesKillTests -Dchorus.kill-test.devices="$DEVICES" -Dsurefire.failIfNoSpecifiedTests=false >"$LOG" 2>&1; then
  echo "[bench fanout-kill] the kill test failed: see $LOG" >&2
  PASSED=false
else
  PASSED=true
fi
LINE="$(grep -o 'KILL TEST .*' "$LOG" | tail -1 || true)"
echo "[bench fanout-kill] $LINE" >&2
field() { sed -n "s/.*$1=\([0-9]*\).*/\1/p" <<<"$LINE"; }
printf '{"bench": "fanout-kill", "devices": %s, "accepted_at_kill": %s, "accepted": %s, "missing": %s, "raw_repeats": %s, "visible_repeats": %s, "in_flight_limit": 1500, "passed": %s, "unit": "messages", "machine": "%s cores"}\n' \
  "${DEVICES}" "$(field accepted_at_kill)" "$(field ' accepted')" "$(field missing)" "$(field raw_repeats)" \
  "$(field visible_repeats)" "$PASSED" "$(nproc)"
