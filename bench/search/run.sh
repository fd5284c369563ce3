#!/usr/bin/env bash
# Runs the search benchmark (issue 16) and prints the results; see docs/benchmarks-search.md.
# bench.scale: 1.0 = 10x the demo (5,000 documents of 20,000 characters, 100,000 posts, 20,000 people).
# The index is written to target/search-bench-index so that its size on disk can be measured.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
rm -rf target/search-bench-index
./mvnw -o -q test -Dtest=SearchBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dspring.jpa.properties.hibernate.search.backend.directory.type=local-filesystem \
  -Dspring.jpa.properties.hibernate.search.backend.directory.root=target/search-bench-index "$@"
cat target/benchmarks-search.txt
