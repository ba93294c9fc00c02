#!/usr/bin/env bash
# about: embedded store: insertMany throughput (journaled, fsync, plain memory reference) and recovery time, real driver over TCP
# usage: ./chorus bench store [--docs N]   (default 100000 documents)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
echo "building api test classes..." >&2
mvn -q -B -o -pl api -am test-compile >&2 || mvn -q -B -pl api -am test-compile >&2
CP_FILE="$ROOT/api/target/bench-classpath.txt"
mvn -q -B -o -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >&2 \
  || mvn -q -B -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >&2
exec java -Xmx2g -cp "api/target/classes:api/target/test-classes:$(cat "$CP_FILE")" \
  app.chorus.platform.store.StoreBench "$@"
