#!/usr/bin/env bash
# about: resolve a trust-wide carer audience and one carer's audience keys (--schools 100 --pupils 60000)
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
SCHOOLS=100
PUPILS=60000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --schools) SCHOOLS="$2"; shift 2 ;;
    --pupils) PUPILS="$2"; shift 2 ;;
    *) echo "unknown option $1 (use --schools N --pupils M)" >&2; exit 2 ;;
  esac
done
cd "$ROOT"
echo "[bench audience] compiling the api and its test classes (the benchmark lives there) ..." >&2
CP_FILE="$ROOT/api/target/bench-test-classpath.txt"
BUILD=(-q -B -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test)
mvn -o "${BUILD[@]}" >&2 2>&1 || mvn "${BUILD[@]}" >&2 \
  || { echo "[bench audience] the build failed: run 'mvn -pl api -am test-compile' to see why." >&2; exit 1; }
echo "[bench audience] $SCHOOLS schools, $PUPILS pupils (embedded store in-process) ..." >&2
# run from a copy of the classes, so a build during the run cannot pull them away
CLASSES="$(mktemp -d "${TMPDIR:-/tmp}/chorus-bench-classes.XXXXXX")"
trap 'rm -rf "$CLASSES"' EXIT
mkdir -p "$CLASSES/main" "$CLASSES/test"
cp -r api/target/classes/. "$CLASSES/main/"
cp -r api/target/test-classes/. "$CLASSES/test/"
java ${BENCH_JAVA_OPTS:--Xmx3g} -cp "$CLASSES/test:$CLASSES/main:$(cat "$CP_FILE")" \
  app.chorus.directory.internal.AudienceBenchmark --schools "$SCHOOLS" --pupils "$PUPILS"
