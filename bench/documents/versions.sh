#!/usr/bin/env bash
# Comparing two versions of a 100,000-character document in headless Chromium (production
# frontend bundle): click on "Compare with now" to the painted diff, the server's compare, and the
# storage per version; see docs/benchmarks-documents.md. The code is
# src/test/java/org/issa/tcw/documents/browser/VersionCompareBench.java (not run by the build).
# Builds first unless SKIP_PACKAGE=1. Extra arguments go to Maven, e.g. -Dbench.runs=15.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ "${SKIP_PACKAGE:-0}" != "1" ]; then
  ./mvnw -o -q package -DskipTests
fi
./mvnw -o failsafe:integration-test failsafe:verify -Dit.test=VersionCompareBench -Dbrowser.required=true "$@" \
    | grep -E "Tests run|FAIL" || true
cat target/bench/versions-compare.txt
