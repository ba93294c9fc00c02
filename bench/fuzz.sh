#!/usr/bin/env bash
# about: Jazzer fuzzing of the whole api (any operation, role, path, query and body), of the roster reader and upload and of an announcement's Markdown and attachment types, then damaged bodies and queries for every api and /mobile/v1 operation, for longer than ./chorus test does: executions, time, findings
# usage: ./chorus bench fuzz [--rounds N] [--bodies B]   (default 5 rounds; each round fuzzes each Jazzer target for its maxDuration,
#        40 s, 45 s, 20 s and 60 s, continuing from the corpus earlier rounds and runs kept in api/.cifuzz-corpus; then B damaged
#        bodies per operation (default 60; ./chorus test sends 8 to the api, 25 to the gateway) with a fresh seed per round)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
ROUNDS=5
BODIES=60
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) ROUNDS="$2"; shift 2 ;;
    --bodies) BODIES="$2"; shift 2 ;;
    *) echo "[bench fuzz] unknown option $1 (use --rounds N --bodies B)" >&2; exit 2 ;;
  esac
done
KEYCLOAK_URL="${KEYCLOAK_URL:-http://127.0.0.1:8180}"
curl -fsS -o /dev/null --max-time 5 "$KEYCLOAK_URL/realms/chorus/.well-known/openid-configuration" \
  || { echo "[bench fuzz] Keycloak is not reachable at $KEYCLOAK_URL: start it with ./chorus keycloak" >&2; exit 1; }
LOG=$(mktemp)
trap 'rm -f "$LOG"' EXIT
declare -A RUNS SECONDS_SPENT COVERAGE
TARGETS=(IntegratorFuzzesEveryApiOperationFuzzTests RosterReaderFuzzTests AnnouncementContentFuzzTests RosterUploadFuzzTests)
FINDINGS=0
for round in $(seq 1 "$ROUNDS"); do
  echo "[bench fuzz] round $round of $ROUNDS: ${TARGETS[*]} (about 165 s of fuzzing)" >&2
  # the api-fuzz module's fuzz profile runs only the fuzz executions when -Dtest names no real test
  # one fuzz test at a time (the full test run fuzzes two at once): each test's "Done" line follows its "Running" line
  if ! mvn -B -P fuzz -pl api-fuzz -am test -Dtest=NoTestButTheFuzzExecutions -Dchorus.fuzz.forks=1 \
       -Dsurefire.failIfNoSpecifiedTests=false -Dchorus.keycloak.url="$KEYCLOAK_URL" >"$LOG" 2>&1; then
    FINDINGS=$((FINDINGS + 1))
    grep -E "FuzzTestFinding|Tests run:.*Failures|crash-" "$LOG" | head -20 >&2 || true
  fi
  for target in "${TARGETS[@]}"; do
    done_line=$(awk -v t="$target" '/Running app\.chorus/ { current = $0 } /^Done [0-9]+ runs in [0-9]+ second/ { if (index(current, t)) line = $0 } END { print line }' "$LOG")
    runs=$(echo "$done_line" | awk '{ print $2 }')
    secs=$(echo "$done_line" | awk '{ print $5 }')
    # the edges Jazzer's instrumentation saw (its last status line for the target: "cov: N ft: M")
    cov=$(awk -v t="$target" '/Running app\.chorus/ { current = $0 } / cov: [0-9]+/ { if (index(current, t)) { for (i = 1; i < NF; i++) if ($i == "cov:") c = $(i + 1) } } END { print c }' "$LOG")
    COVERAGE[$target]=${cov:-0}
    RUNS[$target]=$(( ${RUNS[$target]:-0} + ${runs:-0} ))
    SECONDS_SPENT[$target]=$(( ${SECONDS_SPENT[$target]:-0} + ${secs:-0} ))
    echo "[bench fuzz]   $target: ${runs:-0} executions in ${secs:-0} s, coverage ${cov:-0} edges" >&2
  done
done
declare -A SENT
BODY_TESTS=(IntegratorSendsMangledBodiesToEveryOperationTests AppSendsMangledBodiesToEveryMobileOperationTests)
for round in $(seq 1 "$ROUNDS"); do
  seed=$(( $(date +%s) + round ))
  echo "[bench fuzz] round $round of $ROUNDS: $BODIES damaged bodies per api and /mobile/v1 operation, seed $seed" >&2
  if ! mvn -B -pl tally,opinions-math,edge,edge-testing,api,mobile-gateway -am test -Dnpm.executable=true \
       -Dtest="$(IFS=,; echo "${BODY_TESTS[*]}")" -Dsurefire.failIfNoSpecifiedTests=false \
       -Dchorus.fuzz.bodies="$BODIES" -Dchorus.fuzz.seed="$seed" -Dchorus.keycloak.url="$KEYCLOAK_URL" >"$LOG" 2>&1; then
    FINDINGS=$((FINDINGS + 1))
    grep -aE "with .*: [0-9]{3} |Tests run:.*Failures" "$LOG" | head -20 >&2 || true
  fi
  for line in $(grep -aoE "Mangled (mobile )?input: [0-9]+ operations, [0-9]+ requests" "$LOG" | tr ' ' '_'); do
    target=$([[ "$line" == *mobile* ]] && echo mobile || echo api)
    requests=$(echo "$line" | grep -oE "[0-9]+_requests" | grep -oE "[0-9]+")
    SENT[$target]=$(( ${SENT[$target]:-0} + requests ))
    echo "[bench fuzz]   $target: $requests damaged requests" >&2
  done
done
json="{\"bench\":\"fuzz\",\"rounds\":$ROUNDS,\"bodies_per_operation\":$BODIES,\"api_damaged_requests\":${SENT[api]:-0},\"mobile_damaged_requests\":${SENT[mobile]:-0}"
for target in "${TARGETS[@]}"; do
  json+=",\"$target\":{\"executions\":${RUNS[$target]},\"seconds\":${SECONDS_SPENT[$target]},\"coverage_edges\":${COVERAGE[$target]}}"
done
json+=",\"findings\":$FINDINGS}"
echo "$json"
