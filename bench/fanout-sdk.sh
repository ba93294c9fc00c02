#!/usr/bin/env bash
# about: the Firebase SDK's CPU per push with the raw loop's settings and with the product's (message, send pool, three calls at once), in one JVM, rounds interleaved
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
MESSAGES=10000
ROUNDS=8
PORT=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --messages) MESSAGES="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    *) echo "usage: bench/fanout-sdk.sh [--messages N per round] [--rounds R] [--port P (the FCM stand-in's; default a free one)]" >&2; exit 2 ;;
  esac
done
source "$ROOT/bench/lib/java-classpath.sh"
source "$ROOT/bench/lib/fcm-stand-in.sh"
PORT="${PORT:-$(free_port)}"
start_fcm_stand_in "$PORT"
java -Xmx1g -cp "$CP" app.chorus.notifications.bench.SdkSettingsBench --stand-in "http://127.0.0.1:$PORT" \
  --messages "$MESSAGES" --rounds "$ROUNDS"
