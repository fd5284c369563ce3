#!/usr/bin/env bash
# The search's as-you-type round trip in headless Chromium (issue 16, target <= 200 ms): from the
# last keystroke in the top bar's field to the painted list of hits, p50/p95; see
# docs/benchmarks-search.md. The code is
# src/test/java/org/issa/tcw/documents/browser/SearchTypingBench.java (not run by the build).
# Run it on a quiet machine. Builds first unless SKIP_PACKAGE=1. Extra arguments go to Maven, e.g.
# -Dbench.rounds=10, -Dbench.pause=200 (ms between keys), -Dtcw.it.database=<path without .mv.db>
# (a larger database, e.g. one filled by SearchBench).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ "${SKIP_PACKAGE:-0}" != "1" ]; then
  ./mvnw -o -q package -DskipTests
fi
./mvnw -o failsafe:integration-test failsafe:verify -Dit.test=SearchTypingBench -Dbrowser.required=true "$@" \
    | grep -E "Tests run|FAIL|round trip|lazy wait" || true
cat target/bench/search-typing.txt
