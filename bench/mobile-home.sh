#!/usr/bin/env bash
# about: 200 carers poll the merged home through the mobile gateway on a 100-school trust (closed loop and every --poll-ms), beside the gateway no-op and each api call (--carers N --seconds S)
set -euo pipefail
ROOT="${ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
cd "$ROOT"
for arg in "$@"; do
  case "$arg" in
    --carers|--seconds|--warmup|--schools|--pupils|--announcements|--poll-ms|--api-seconds|[0-9]*) ;;
    *) echo "unknown option $arg (use --carers N --seconds S; also --poll-ms P --api-seconds A --warmup S --schools N --pupils M --announcements K)" >&2; exit 2 ;;
  esac
done
BENCH=mobile-home
source "$ROOT/bench/lib/gateway-classpath.sh"
exec java ${BENCH_JAVA_OPTS:--Xmx3g} -Dchorus.keycloak.url="$KEYCLOAK_URL" -cp "$GATEWAY_CP" \
  app.chorus.gateway.bench.MobileHomeBenchmark "$@"
