#!/usr/bin/env bash
# Keystroke → other browser with 10 editors of whom 5 suggest (issue 12; see
# docs/benchmarks-documents.md). Code: DocumentsBenchmark#keystroke_latency_with_10_editors_of_whom_5_suggest
# (never run by the build). Builds first unless SKIP_PACKAGE=1; results also in target/bench/documents.txt.
# Extra arguments go to Maven, e.g. -Dbench.transport=socket,vaadin (ADR 117: both transports, one after
# the other on the same server).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ "${SKIP_PACKAGE:-0}" != "1" ]; then
  ./mvnw -o -q package -DskipTests
fi
for run in $(seq 1 "${RUNS:-1}"); do
  ./mvnw -o failsafe:integration-test failsafe:verify \
      -Dit.test='DocumentsBenchmark#keystroke_latency_with_10_editors_of_whom_5_suggest' -Dbrowser.required=true "$@" \
      | grep -E "keystroke|Tests run|FAIL" || true
done
