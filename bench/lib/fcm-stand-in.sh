# Starts the FCM stand-in on port $1 (after java-classpath.sh), stopped when the script exits; sets STAND_IN (its pid).
start_fcm_stand_in() {
  local port="$1"
  echo "[bench] starting the FCM stand-in on port $port" >&2
  java -Xmx1g -cp "$CP" app.chorus.notifications.standin.FcmStandIn --port "$port" >"$ROOT/api/target/bench-stand-in.log" 2>&1 &
  STAND_IN=$!
  trap 'kill $STAND_IN 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$port/counts" 2>/dev/null && break; sleep 0.2; done
}
