# Compiles the api and the mobile gateway with their test classes (the gateway's benchmark drivers live there), checks
# that Keycloak answers, and sets KEYCLOAK_URL and GATEWAY_CP. Needs BENCH (the benchmark's name, for messages).
cd "$ROOT"
CP_FILE="$ROOT/mobile-gateway/target/bench-classpath.txt"
echo "[bench $BENCH] compiling api and mobile-gateway (with test sources) ..." >&2
# the benchmark needs no single-page app: skip its npm build (npm.executable=true runs the no-op 'true')
BUILD=(-q -B -pl mobile-gateway -am -Dnpm.executable=true test-compile dependency:build-classpath
  -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE")
mvn -o "${BUILD[@]}" >&2 2>&1 || mvn "${BUILD[@]}" >&2 \
  || { echo "[bench $BENCH] the build failed: run 'mvn -pl mobile-gateway -am test-compile' to see why." >&2; exit 1; }
KEYCLOAK_URL="${KEYCLOAK_URL:-http://127.0.0.1:${KEYCLOAK_PORT:-8180}}"
if ! curl -fsS -o /dev/null --max-time 5 "$KEYCLOAK_URL/realms/chorus/.well-known/openid-configuration"; then
  echo "[bench $BENCH] Keycloak is not answering at $KEYCLOAK_URL: start it with ./chorus keycloak (or set KEYCLOAK_URL)." >&2
  exit 1
fi
GATEWAY_CP="mobile-gateway/target/test-classes:mobile-gateway/target/classes:$(cat "$CP_FILE")"
