#!/usr/bin/env bash
# Live heap per signed-in page (issue 19, "Memory per session"; docs/benchmarks.md): N people in
# tabs of one headless Chromium, each tab under its own host name (s1.tcw.test, ... mapped to
# 127.0.0.1), so each has its own cookies, HTTP session and Vaadin UI; signed in and left on the
# home page, then each on a document editor, then each on a 200-post thread, then all tabs closed.
# After each phase a full GC and the class histogram (GC.class_histogram, the diagnostic command
# jcmd runs, here through its MBean: the application runs in the benchmark's JVM, demo profile,
# production bundle, 127.0.0.1). Prints KB per session, live UIs and sessions, and the top of the
# histogram's difference. The code is
# src/test/java/org/issa/tcw/memory/MemoryPerSessionBench.java (not run by the build: its name
# matches neither *Test nor *IT); results in target/bench/memory.txt.
#
# usage: bench/memory/run.sh [sessions=40] [extra Maven arguments, e.g. -Dbench.top=30; -Dbench.pages=false
# leaves out the editor and thread phases]
# Builds first unless SKIP_PACKAGE=1. Needs /usr/bin/chromium and chromedriver. Run it on a quiet
# machine: 40 sessions are 40 tabs of one Chromium (several GB of RAM).
set -euo pipefail
cd "$(dirname "$0")/../.."
sessions=${1:-40}
shift || true
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ "${SKIP_PACKAGE:-0}" != "1" ]; then
  ./mvnw -o -q package -DskipTests
fi
./mvnw -o failsafe:integration-test failsafe:verify -Dit.test=MemoryPerSessionBench -Dbrowser.required=true \
    -Dbench.sessions="$sessions" "$@" | grep -E "Tests run|FAIL|ERROR" || true
cat target/bench/memory.txt
