#!/usr/bin/env bash
# about: a steady mixed load through the gateway (home, sync, feed, opens, preferences, survey answers, a fan-out every few minutes) for --minutes (30): heap after GC, threads, file handles, errors and p99 over time
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cd "$ROOT"
for arg in "$@"; do
  case "$arg" in
    --minutes|--carers|--think-ms|--sample-seconds|--fanout-seconds|--plot|[0-9]*|*.svg) ;;
    *) echo "unknown option $arg (use --minutes N; also --carers C --think-ms T --sample-seconds S --fanout-seconds F --plot FILE.svg)" >&2; exit 2 ;;
  esac
done
BENCH=soak
source "$ROOT/bench/lib/gateway-classpath.sh"
# a fixed heap, so that heap after GC is comparable from sample to sample; soft references cleared at every GC, so that
# a sample counts only what is strongly held (by default the JVM keeps soft references for a second per free MB, here
# about 16 minutes, and dropping the start-up caches then looked like an 11 MB fall in the middle of a 30-minute run)
exec java ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g -XX:SoftRefLRUPolicyMSPerMB=0} -Dchorus.keycloak.url="$KEYCLOAK_URL" -cp "$GATEWAY_CP" \
  app.chorus.gateway.bench.SoakBenchmark "$@"
