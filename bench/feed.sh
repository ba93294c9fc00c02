#!/usr/bin/env bash
# about: a carer's first feed page over HTTP beside the no-op /api/v1/ping, load from wrk in a separate process (--schools 100 --announcements 50000 --concurrency 64 --seconds 20 --client wrk|jvm)
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --schools|--announcements|--concurrency|--seconds|--pupils|--client) ARGS+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1 (use --schools N --announcements N --concurrency C --seconds S [--pupils P] [--client wrk|jvm])" >&2; exit 2 ;;
  esac
done
KEYCLOAK_URL="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
curl -fsS -o /dev/null --max-time 5 "$KEYCLOAK_URL/realms/chorus/.well-known/openid-configuration" \
  || { echo "[bench feed] Keycloak is not reachable at $KEYCLOAK_URL: start it with ./chorus keycloak" >&2; exit 1; }
cd "$ROOT"
echo "[bench feed] compiling the api and its test classes ..." >&2
mvn -q -B -o -pl api -am test-compile >&2 2>&1 || mvn -q -B -pl api -am test-compile >&2
CP_FILE="$ROOT/api/target/bench-test-classpath.txt"
if [[ ! -s "$CP_FILE" || api/pom.xml -nt "$CP_FILE" ]]; then
  mvn -q -B -o -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >&2 2>&1 \
    || mvn -q -B -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >&2
fi
exec java ${BENCH_JAVA_OPTS:--Xmx3g} -Dchorus.keycloak.url="$KEYCLOAK_URL" \
  -cp "api/target/classes:api/target/test-classes:$(cat "$CP_FILE")" \
  app.chorus.announcements.internal.FeedBenchmark "${ARGS[@]}"
