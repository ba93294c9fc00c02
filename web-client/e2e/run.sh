#!/usr/bin/env bash
# Browser tests: Playwright in Debian's Chromium against a running portal (as ./chorus up starts it).
# Env: CHORUS_WEB_URL (default http://127.0.0.1:8090), CHROMIUM_PATH (default /usr/bin/chromium).
# Screenshots of each main screen, traces and the HTML report go to web-client/target/e2e-artifacts.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CLIENT="$(dirname "$HERE")"
export CHORUS_WEB_URL="${CHORUS_WEB_URL:-http://127.0.0.1:8090}"
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
export CHORUS_E2E_ARTIFACTS="${CHORUS_E2E_ARTIFACTS:-$CLIENT/target/e2e-artifacts}"
# Never download a browser: Playwright must use Debian's Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

log() { printf '[e2e] %s\n' "$*" >&2; }

[[ -x "$CHROMIUM_PATH" ]] || { log "Chromium is missing at $CHROMIUM_PATH: apt-get install -y chromium chromium-driver"; exit 1; }
if ! curl -fsS -o /dev/null --max-time 5 "$CHORUS_WEB_URL/config.json"; then
  log "No portal answers at $CHORUS_WEB_URL: start it with ./chorus up (or set CHORUS_WEB_URL)."
  exit 1
fi
cd "$CLIENT"
if [[ ! -d node_modules/@playwright/test ]]; then
  log "Installing the web client's npm packages (npm ci) ..."
  npm ci --no-audit --no-fund --prefer-offline >&2
fi
mkdir -p "$CHORUS_E2E_ARTIFACTS/screens"
log "Running browser tests against $CHORUS_WEB_URL; artefacts in $CHORUS_E2E_ARTIFACTS"
exec npx playwright test -c e2e/playwright.config.ts "$@"
