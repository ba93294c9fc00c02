#!/usr/bin/env bash
# about: trust-wide ranked-choice decision: ranked ballots through HTTP by concurrent clients with changes, live results p99, IRV count in memory, close from the store (--units 60000 --ballots 100000 --changes 40000 --concurrency 64 --schools 100)
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --units|--ballots|--changes|--concurrency|--schools|--port) ARGS+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1 (use --units N --ballots N --changes N --concurrency C --schools S [--port P, uses P..P+2])" >&2; exit 2 ;;
  esac
done
cd "$ROOT"
echo "[bench decision] compiling the api, the tally module and the test classes ..." >&2
CP_FILE="$ROOT/api/target/bench-test-classpath.txt"
# one reactor build: the tally module is not installed, so the api's classpath names its target/classes
BUILD=(-q -B -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test)
mvn -o "${BUILD[@]}" >&2 2>&1 || mvn "${BUILD[@]}" >&2 \
  || { echo "[bench decision] the build failed: run 'mvn -pl api -am test-compile' to see why." >&2; exit 1; }
exec java ${BENCH_JAVA_OPTS:--Xmx3g} -cp "api/target/test-classes:api/target/classes:$(cat "$CP_FILE")" \
  app.chorus.decisions.internal.DecisionBenchmark "${ARGS[@]}"
