#!/usr/bin/env bash
# Opening a 100,000-character document in headless Chromium (production frontend bundle): full
# page load, in-app navigation from the commission's document list, and a baseline page's full
# load; see docs/benchmarks-documents.md. The code is
# src/test/java/org/issa/tcw/documents/browser/DocumentOpenBench.java (not run by the build).
# Builds first unless SKIP_PACKAGE=1. Extra arguments go to Maven, e.g. -Dbench.runs=15 or
# -Dbench.detail=true (prints each open's requests, long tasks and join size).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ "${SKIP_PACKAGE:-0}" != "1" ]; then
  ./mvnw -o -q package -DskipTests
fi
./mvnw -o failsafe:integration-test failsafe:verify -Dit.test=DocumentOpenBench -Dbrowser.required=true "$@" \
    | grep -E "Tests run|FAIL|\[detail" || true
cat target/bench/documents-open.txt
