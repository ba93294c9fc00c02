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
CP_FILE="$ROOT/mobile-gateway/target/bench-classpath.txt"
echo "[bench soak] compiling api and mobile-gateway (with test sources) ..." >&2
# the benchmark needs no single-page app: skip its npm build (npm.executable=true runs the no-op 'true')
BUILD=(-q -B -pl mobile-gateway -am -Dnpm.executable=true test-compile dependency:build-classpath
  -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE")
mvn -o "${BUILD[@]}" >&2 2>&1 || mvn "${BUILD[@]}" >&2 \
  || { echo "[bench soak] the build failed: run 'mvn -pl mobile-gateway -am test-compile' to see why." >&2; exit 1; }
KEYCLOAK_URL="${KEYCLOAK_URL:-http://127.0.0.1:${KEYCLOAK_PORT:-8180}}"
if ! curl -fsS -o /dev/null --max-time 5 "$KEYCLOAK_URL/realms/chorus/.well-known/openid-configuration"; then
  echo "[bench soak] Keycloak is not answering at $KEYCLOAK_URL: start it with ./chorus keycloak (or set KEYCLOAK_URL)." >&2
  exit 1
fi
# a fixed heap, so that heap after GC is comparable from sample to sample
exec java ${BENCH_JAVA_OPTS:--Xms1g -Xmx1g} -Dchorus.keycloak.url="$KEYCLOAK_URL" \
  -cp "mobile-gateway/target/test-classes:mobile-gateway/target/classes:$(cat "$CP_FILE")" \
  app.chorus.gateway.bench.SoakBenchmark "$@"
