#!/usr/bin/env bash
# about: trust-wide carers' consultation: ideas, supports and comments through HTTP by concurrent clients; ideas by support p99 at 100 and at all ideas while supports arrive, thread page p99 (--schools 100 --pupils 60000 --ideas 5000 --supports 200000 --comments 50000 --concurrency 64)
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --schools|--pupils|--ideas|--supports|--comments|--concurrency|--port) ARGS+=("$1" "$2"); shift 2 ;;
    *) echo "unknown option $1 (use --schools S --pupils N --ideas N --supports N --comments N --concurrency C [--port P, uses P..P+2])" >&2; exit 2 ;;
  esac
done
source "$ROOT/bench/lib/java-classpath.sh"
echo "[bench consultation] running ${ARGS[*]:-at the sizes issue 20 sets}" >&2
exec java ${BENCH_JAVA_OPTS:--Xmx3g} -cp "$CP" app.chorus.consultations.internal.ConsultationBenchmark "${ARGS[@]}"
