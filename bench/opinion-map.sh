#!/usr/bin/env bash
# about: (--api: store load time and map read p99 at 1,000 votes/s through the api's opinions module) opinion map of a planted trust-wide conversation (50k participants x 1k statements, ~5M votes): full computation time and heap, folding 1,000 votes, ARI against the planted groups
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cd "$ROOT"
if [[ "${1:-}" == "--api" ]]; then
  # the api's side (opinions module): store load time and map read p99 while votes arrive at 1,000/s
  shift
  echo "[bench opinion-map] compiling the api with its test classes (the api benchmark lives there) ..." >&2
  API_CP=api/target/bench-opinions.classpath
  mvn -q -B -o -pl api -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench-opinions.classpath >&2 2>/dev/null \
    || mvn -q -B -pl api -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile=target/bench-opinions.classpath >&2
  exec java ${BENCH_JAVA_OPTS:--Xmx3g} -cp "api/target/test-classes:api/target/classes:$(cat "$API_CP")" \
    app.chorus.opinions.internal.OpinionMapApiBenchmark "$@"
fi
echo "[bench opinion-map] compiling opinions-math with its test classes (the benchmark lives there) ..." >&2
# -am: the shared benchmark harness comes from the edge-testing module (test scope)
BUILD=(-q -B -pl opinions-math -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath)
mvn -o "${BUILD[@]}" >&2 2>/dev/null || mvn "${BUILD[@]}" >&2
CP_FILE=opinions-math/target/bench.classpath
exec java ${BENCH_JAVA_OPTS:--Xmx3g} -cp "opinions-math/target/test-classes:opinions-math/target/classes:$(cat "$CP_FILE")" \
  app.chorus.opinions.math.OpinionMapBenchmark "$@"
