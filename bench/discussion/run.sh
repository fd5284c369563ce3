#!/usr/bin/env bash
# Runs the discussion benchmarks (issue 6) and prints the results; see docs/benchmarks-discussion.md.
# The benchmark is a JUnit class outside the normal test pattern, run on the shared test context.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -o -q test -Dtest=DiscussionBench -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/benchmarks-discussion.txt
