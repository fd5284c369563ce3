#!/usr/bin/env bash
# Browser time to first paint of a 5,000-post thread (issue 6) in headless Chromium against the
# packaged production jar; see docs/benchmarks-discussion.md. Builds the jar first unless
# SKIP_PACKAGE=1 (then target/tc-workspace-*.jar must be current). Extra arguments go to Maven,
# e.g. -Dbench.runs=15.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
if [ "${SKIP_PACKAGE:-0}" != "1" ]; then
  ./mvnw -o -q package -DskipTests
fi
jar=$(ls target/tc-workspace-*.jar | grep -v -- '-plain' | head -1)
./mvnw -o -q test -Dtest=DiscussionBrowserBench -Dsurefire.failIfNoSpecifiedTests=false -Dapp.jar="$PWD/$jar" "$@"
cat target/benchmarks-discussion-browser.txt
