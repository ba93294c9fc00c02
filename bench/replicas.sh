#!/usr/bin/env bash
# about: store in its own process, K=1,2,3 api instances behind 2 gateways: fan-out and survey rush per K, then 3 with one SIGKILLed halfway (--devices 200000 --responses 100000)
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --devices|--responses|--concurrency|--instances|--schools|--base-port) ARGS+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1 (use --devices D --responses R [--concurrency C --instances 1,2,3 --schools S --base-port P])" >&2; exit 2 ;;
  esac
done
cd "$ROOT"
echo "[bench replicas] compiling the api with its test classes and the gateway ..." >&2
API_CP="$ROOT/api/target/bench-test-classpath.txt"
GATEWAY_CP="$ROOT/mobile-gateway/target/bench-runtime-classpath.txt"
API_BUILD=(-q -B -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$API_CP" -Dmdep.includeScope=test)
# the gateway's own runtime classpath (no api on it); the benchmark needs no single-page app: skip its npm build
GATEWAY_BUILD=(-q -B -pl mobile-gateway -am -Dnpm.executable=true compile dependency:build-classpath
  -Dmdep.outputFile="$GATEWAY_CP" -Dmdep.includeScope=runtime)
for build in API_BUILD GATEWAY_BUILD; do
  declare -n args="$build"
  mvn -o "${args[@]}" >&2 2>&1 || mvn "${args[@]}" >&2 \
    || { echo "[bench replicas] the build failed: run 'mvn -pl api,mobile-gateway -am test-compile' to see why." >&2; exit 1; }
done
echo "[bench replicas] ${ARGS[*]:-(issue sizes: 200,000 devices, 100,000 answers)}; each process logs to the folder named at the end" >&2
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -Dchorus.bench.gateway-classpath="$ROOT/mobile-gateway/target/classes:$(cat "$GATEWAY_CP")" \
  -cp "api/target/test-classes:api/target/classes:$(cat "$API_CP")" \
  app.chorus.platform.replicas.ReplicasBenchmark "${ARGS[@]}"
