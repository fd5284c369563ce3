#!/usr/bin/env bash
# Compaction time of the server's yjs (GraalJS, interpreted) for 500 and 5,000 single-keystroke
# updates, warm engine, no application around it. Code:
# src/test/java/org/issa/tcw/documents/CompactionBenchmark.java (never run by the normal build).
#
# usage: bench/documents/compaction.sh [sizes, default 500,5000] [runs, default 7]
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q test-compile
./mvnw -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
uptime
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.issa.tcw.documents.CompactionBenchmark "${1:-500,5000}" "${2:-7}" 2>&1 | grep -v '^WARNING'
uptime
