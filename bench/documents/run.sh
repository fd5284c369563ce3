#!/usr/bin/env bash
# Runs the documents benchmarks (real Chromium + simulated editors against the app started by the
# test) and prints the numbers; they are also written to target/bench/documents.txt.
# The benchmark code is src/test/java/org/issa/tcw/documents/DocumentsBenchmark.java (it needs the
# application's classes and the browser-test helpers, so it lives with the tests but is never run
# by the normal build: its name matches neither *Test nor *IT).
#
# usage: bench/documents/run.sh   (from the project root; needs JDK 21+ and /usr/bin/chromium)
#
# The keystroke benchmark prints, per editor count and per delivery mode (before / after the
# commit, ADR 114), the end-to-end latency and the timeline of each keystroke (median/p95 per
# stage). Narrow it with -D options passed through BENCH_OPTS, e.g. a small proof run:
#   BENCH_OPTS="-Dbench.editors=2 -Dbench.tokens=20 -Dbench.deliver=before,after" bench/documents/run.sh
# and the full one on a quiet machine: BENCH_OPTS="-Dbench.editors=2,10,25" (the default).
# The editors' transport (ADR 117): -Dbench.transport=socket,vaadin measures the editor's own
# WebSocket and the Vaadin transport one after the other on the same server (default: the configured
# one, tcw.documents.transport); each line names the transport the browsers really used, e.g.
#   BENCH_OPTS="-Dbench.editors=2 -Dbench.deliver=before -Dbench.transport=socket,vaadin" bench/documents/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q package -DskipTests
./mvnw failsafe:integration-test failsafe:verify -Dit.test=DocumentsBenchmark -Dbrowser.required=true ${BENCH_OPTS:-} \
    | grep -E "keystroke|open |compaction|Tests run" || true
cat target/bench/documents.txt
