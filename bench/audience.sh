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
if [[ ! -d api/target/classes/app/chorus/directory/internal/bench ]] || [[ -n "$(find api/src/main -newer api/target/classes -name '*.java' -print -quit 2>/dev/null)" ]]; then
  echo "[bench audience] compiling the api ..." >&2
  mvn -q -B -o -pl api -am compile >&2 2>&1 || mvn -q -B -pl api -am compile >&2
fi
CP_FILE="$ROOT/api/target/bench-classpath.txt"
if [[ ! -s "$CP_FILE" || api/pom.xml -nt "$CP_FILE" ]]; then
  mvn -q -B -o -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >&2 2>&1 \
    || mvn -q -B -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >&2
fi
echo "[bench audience] $SCHOOLS schools, $PUPILS pupils (embedded store in-process) ..." >&2
# run from a copy of the classes, so a build during the run cannot pull them away
CLASSES="$(mktemp -d "${TMPDIR:-/tmp}/chorus-bench-classes.XXXXXX")"
trap 'rm -rf "$CLASSES"' EXIT
cp -r api/target/classes/. "$CLASSES/"
java ${BENCH_JAVA_OPTS:--Xmx3g} -cp "$CLASSES:$(cat "$CP_FILE")" \
  app.chorus.directory.internal.bench.AudienceBenchmark --schools "$SCHOOLS" --pupils "$PUPILS"
