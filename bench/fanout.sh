#!/usr/bin/env bash
# about: push fan-out of one trust-wide urgent announcement (default 200,000 devices) vs a raw Firebase SDK loop, stand-in at 0 ms and 50 ms; the store in its own process (--store in-api: inside the api), CPU per push per process
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEVICES=200000
LATENCY=50
WARMUP=240
STORE=own-process
PORT=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --devices) DEVICES="$2"; shift 2 ;;
    --latency-ms) LATENCY="$2"; shift 2 ;;
    --warmup-s) WARMUP="$2"; shift 2 ;;
    --store) STORE="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    *) echo "usage: bench/fanout.sh [--devices N] [--latency-ms L] [--warmup-s S] [--store own-process|in-api] [--port P (the FCM stand-in's; default a free one)]" >&2; exit 2 ;;
  esac
done
source "$ROOT/bench/lib/java-classpath.sh"
source "$ROOT/bench/lib/fcm-stand-in.sh"
PORT="${PORT:-$(free_port)}"
start_fcm_stand_in "$PORT"
java -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "$CP" app.chorus.notifications.bench.FanOutBench --devices "$DEVICES" --latency-ms "$LATENCY" --warmup-s "$WARMUP" \
  --stand-in "http://127.0.0.1:$PORT" --stand-in-pid "$STAND_IN" --store "$STORE"
