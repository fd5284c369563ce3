#!/usr/bin/env bash
# Failover timings of docs/benchmarks-cluster.md: runs the cluster test (ClusterIT: embedded
# PostgreSQL, the jar twice, Keycloak, HAProxy, Chromium) RUNS times (default 5) and collects its
# "[cluster-it] timings" line: kill -9 of node A -> the editor open again on node B (signed in again
# by Keycloak, no password) and -> its first token saved there; the back-channel logout and the
# post across nodes. Appends to target/bench/cluster-failover.txt.
#
# usage: bench/cluster/failover.sh   (RUNS=1 for a check)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export VAADIN_USAGE_STATS_ENABLED=false
mkdir -p target/bench
for i in $(seq 1 "${RUNS:-5}"); do
  ./mvnw -q verify -Dit.test=ClusterIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbrowser.required=true "$@" | grep -E '^\[cluster-it\]' | tee -a target/bench/cluster-failover.txt
done
