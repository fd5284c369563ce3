#!/usr/bin/env bash
# Opening a document with 500 comments in headless Chromium (production frontend bundle); see
# docs/benchmarks-documents.md. The code is
# src/test/java/org/issa/tcw/documents/browser/CommentsOpenBench.java (not run by the build).
# Builds first unless SKIP_PACKAGE=1. Extra arguments go to Maven, e.g. -Dbench.runs=9 or
# -Dbench.comments=200.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ "${SKIP_PACKAGE:-0}" != "1" ]; then
  ./mvnw -o -q package -DskipTests
fi
./mvnw -o failsafe:integration-test failsafe:verify -Dit.test=CommentsOpenBench -Dbrowser.required=true "$@" \
    | grep -E "Tests run|FAIL" || true
cat target/bench/comments-open.txt
