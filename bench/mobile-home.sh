#!/usr/bin/env bash
# about: 200 carers poll the merged home through the mobile gateway on a 100-school trust (closed loop and every --poll-ms), beside the gateway no-op and each api call (--carers N --seconds S)
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cd "$ROOT"
for arg in "$@"; do
  case "$arg" in
    --carers|--seconds|--warmup|--schools|--pupils|--announcements|--poll-ms|--api-seconds|[0-9]*) ;;
    *) echo "unknown option $arg (use --carers N --seconds S; also --poll-ms P --api-seconds A --warmup S --schools N --pupils M --announcements K)" >&2; exit 2 ;;
  esac
done
CP_FILE="$ROOT/mobile-gateway/target/bench-classpath.txt"
echo "[bench mobile-home] compiling api and mobile-gateway (with test sources) ..." >&2
# the benchmark needs no single-page app: skip its npm build (npm.executable=true runs the no-op 'true')
BUILD=(-q -B -pl mobile-gateway -am -Dnpm.executable=true test-compile dependency:build-classpath
  -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE")
mvn -o "${BUILD[@]}" >&2 2>&1 || mvn "${BUILD[@]}" >&2 \
  || { echo "[bench mobile-home] the build failed: run 'mvn -pl mobile-gateway -am test-compile' to see why." >&2; exit 1; }
KEYCLOAK_URL="${KEYCLOAK_URL:-http://127.0.0.1:${KEYCLOAK_PORT:-8180}}"
if ! curl -fsS -o /dev/null --max-time 5 "$KEYCLOAK_URL/realms/chorus/.well-known/openid-configuration"; then
  echo "[bench mobile-home] Keycloak is not answering at $KEYCLOAK_URL: start it with ./chorus keycloak (or set KEYCLOAK_URL)." >&2
  exit 1
fi
exec java ${BENCH_JAVA_OPTS:--Xmx3g} -Dchorus.keycloak.url="$KEYCLOAK_URL" \
  -cp "mobile-gateway/target/test-classes:mobile-gateway/target/classes:$(cat "$CP_FILE")" \
  app.chorus.gateway.bench.MobileHomeBenchmark "$@"
