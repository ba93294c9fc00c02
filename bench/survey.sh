#!/usr/bin/env bash
# about: trust-wide 10-question carer survey: ingest responses with concurrent clients, results p50/p99 at 1k and at the end (--responses 100000 --concurrency 64)
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
RESPONSES=100000
CONCURRENCY=64
SCHOOLS=100
while [[ $# -gt 0 ]]; do
  case "$1" in
    --responses) RESPONSES="$2"; shift 2 ;;
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --schools) SCHOOLS="$2"; shift 2 ;;
    *) echo "unknown option $1 (use --responses N --concurrency C [--schools S])" >&2; exit 2 ;;
  esac
done
cd "$ROOT"
echo "[bench survey] compiling the api and its test classes (the benchmark lives there) ..." >&2
CP_FILE="$ROOT/api/target/bench-test-classpath.txt"
BUILD=(-q -B -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test)
mvn -o "${BUILD[@]}" >&2 2>&1 || mvn "${BUILD[@]}" >&2 \
  || { echo "[bench survey] the build failed: run 'mvn -pl api -am test-compile' to see why." >&2; exit 1; }
echo "[bench survey] $RESPONSES responses, $CONCURRENCY concurrent clients, $SCHOOLS schools" >&2
exec java ${BENCH_JAVA_OPTS:--Xmx6g} -cp "api/target/test-classes:api/target/classes:$(cat "$CP_FILE")" \
  app.chorus.surveys.internal.SurveyBenchmark --responses "$RESPONSES" --concurrency "$CONCURRENCY" --schools "$SCHOOLS"
