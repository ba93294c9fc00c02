#!/usr/bin/env bash
# about: push fan-out of one trust-wide urgent announcement (default 200,000 devices) vs a raw Firebase SDK loop, stand-in at 0 ms and 50 ms; the store in its own process (--store in-api: inside the api), CPU per push per process
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEVICES=200000
LATENCY=50
WARMUP=240
STORE=own-process
while [[ $# -gt 0 ]]; do
  case "$1" in
    --devices) DEVICES="$2"; shift 2 ;;
    --latency-ms) LATENCY="$2"; shift 2 ;;
    --warmup-s) WARMUP="$2"; shift 2 ;;
    --store) STORE="$2"; shift 2 ;;
    *) echo "usage: bench/fanout.sh [--devices N] [--latency-ms L] [--warmup-s S] [--store own-process|in-api]" >&2; exit 2 ;;
  esac
done
source "$ROOT/bench/lib/java-classpath.sh"
PORT="$(free_port)"
echo "[bench fanout] starting the FCM stand-in on port $PORT" >&2
java -Xmx1g -cp "$CP" app.chorus.notifications.standin.FcmStandIn --port "$PORT" >"$ROOT/api/target/bench-stand-in.log" 2>&1 &
STAND_IN=$!
trap 'kill $STAND_IN 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$PORT/counts" 2>/dev/null && break; sleep 0.2; done
java -Xmx4g ${BENCH_JAVA_OPTS:-} -cp "$CP" app.chorus.notifications.bench.FanOutBench --devices "$DEVICES" --latency-ms "$LATENCY" --warmup-s "$WARMUP" \
  --stand-in "http://127.0.0.1:$PORT" --stand-in-pid "$STAND_IN" --store "$STORE"
