#!/usr/bin/env bash
# The cost of the server's suggest-only check per update (docs/benchmarks-documents.md): a
# 100,000-character document with 200 open suggestions, 300 keystrokes of a suggest-only person
# checked on the live replica, other editors' keystrokes fed to it, and the load-per-check
# alternative for comparison. No browser, no server: the real yjs in GraalJS only.
# The code is src/test/java/org/issa/tcw/documents/SuggestOnlyBenchmark.java (never run by the
# normal build: its name matches neither *Test nor *IT).
#
# usage: bench/documents/suggestions.sh   (from the project root)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q test-compile failsafe:integration-test failsafe:verify -Dit.test=SuggestOnlyBenchmark \
    | grep -E "document:|replica|keystroke|comparison|engine|Tests run" || true
cat target/bench/suggestions.txt
