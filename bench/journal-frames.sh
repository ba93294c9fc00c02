#!/usr/bin/env bash
# about: embedded store: CPU per document of a 300-document insert as one journal frame vs one frame per document, and the journal alone (ADR 0408), interleaved in one JVM
# usage: ./chorus bench journal-frames [--rounds N] [--batch N]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/bench/lib/java-classpath.sh"
exec java -Xmx2g -cp "$CP" app.chorus.platform.store.JournalFramesBench "$@"
