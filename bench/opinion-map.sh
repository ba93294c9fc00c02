#!/usr/bin/env bash
# about: opinion map of a planted trust-wide conversation (50k participants x 1k statements, ~5M votes): full computation time and heap, folding 1,000 votes, ARI against the planted groups
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cd "$ROOT"
echo "[bench opinion-map] compiling opinions-math with its test classes (the benchmark lives there) ..." >&2
mvn -q -B -o -pl opinions-math test-compile >&2 2>/dev/null || mvn -q -B -pl opinions-math test-compile >&2
CP_FILE=opinions-math/target/bench.classpath
if [[ ! -s "$CP_FILE" || opinions-math/pom.xml -nt "$CP_FILE" ]]; then
  mvn -q -B -o -pl opinions-math dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2 2>/dev/null \
    || mvn -q -B -pl opinions-math dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
fi
exec java ${BENCH_JAVA_OPTS:--Xmx3g} -cp "opinions-math/target/test-classes:opinions-math/target/classes:$(cat "$CP_FILE")" \
  app.chorus.opinions.math.OpinionMapBenchmark "$@"
