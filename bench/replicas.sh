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
echo "[bench replicas] compiling the api with its test classes and the gateway (a few minutes) ..." >&2
LOG="$ROOT/api/target/bench-replicas-build.log"
mkdir -p "$ROOT/api/target"
# each module's classpath printed by exec:exec (the dependency plugin cannot resolve opinions-math's test classes from
# the reactor); the api's test phase with no test selected, the gateway's own runtime classpath (no api on it), and
# no single-page app (npm.executable=true runs the no-op 'true')
classpath() { # maven args...: the last module's classpath
  local exec=(org.codehaus.mojo:exec-maven-plugin:3.6.4:exec -Dexec.executable=echo "-Dexec.args=CLASSPATH=%classpath")
  { mvn -o -B "$@" "${exec[@]}" >"$LOG" 2>&1 || mvn -B "$@" "${exec[@]}" >"$LOG" 2>&1; } \
    || { echo "[bench replicas] the build failed: see $LOG" >&2; exit 1; }
  grep '^CLASSPATH=' "$LOG" | tail -1 | cut -d= -f2-
}
API_CP="$(classpath -pl api -am test -Dtest=NoTestOnlyTheBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dexec.classpathScope=test)"
GATEWAY_CP="$(classpath -pl mobile-gateway -am -Dnpm.executable=true test -Dtest=NoTestOnlyTheBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dexec.classpathScope=runtime)"
[[ -n "$API_CP" && -n "$GATEWAY_CP" ]] || exit 1
echo "[bench replicas] ${ARGS[*]:-(issue sizes: 200,000 devices, 100,000 answers)}; each process logs to the folder named at the end" >&2
exec java ${BENCH_JAVA_OPTS:--Xmx2g} -Dchorus.bench.gateway-classpath="$GATEWAY_CP" -cp "$API_CP" \
  app.chorus.platform.replicas.ReplicasBenchmark "${ARGS[@]}"
