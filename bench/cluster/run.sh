#!/usr/bin/env bash
# The cluster benchmarks of docs/benchmarks-cluster.md (issue 18), on a quiet machine. Results are
# appended to target/bench/cluster.txt. Needs JDK 21+, Debian's chromium + chromium-driver and
# haproxy. The benchmark classes live with the tests (src/test/java/org/issa/tcw/cluster/*Bench.java)
# and are never run by the build (their names end neither in Test nor in IT).
#
# usage: bench/cluster/run.sh            full sizes (minutes; the numbers of the document)
#        TINY=1 bench/cluster/run.sh     tiny sizes, to check that everything still runs
#        SKIP_PACKAGE=1 ...              target/tc-workspace-*.jar is current: do not build it
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export VAADIN_USAGE_STATS_ENABLED=false
command -v haproxy >/dev/null || { echo "haproxy is missing: apt-get install -y haproxy" >&2; exit 1; }
if [ "${TINY:-0}" = "1" ]; then
  sizes=(-Dbench.tokens=5 -Dbench.subscribers=20 -Dbench.rounds=2 -Dbench.messages=200 -Dbench.outage.seconds=3)
else
  sizes=(-Dbench.tokens=40 -Dbench.subscribers=200 -Dbench.rounds=11 -Dbench.messages=10000 -Dbench.outage.seconds=30)
fi
if [ "${SKIP_PACKAGE:-0}" != "1" ]; then
  ./mvnw -q package -DskipTests
fi
jar=$(ls target/tc-workspace-*.jar | grep -v -- '-plain' | head -1)
mkdir -p target/bench
echo "$(date -u +%FT%TZ) cluster benchmarks, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), sizes: ${sizes[*]}" \
  >> target/bench/cluster.txt
for bench in ClusterBusBench ClusterFanoutBench ClusterTypingBench; do
  ./mvnw -q test -Dtest="$bench" -Dsurefire.failIfNoSpecifiedTests=false -Dbrowser.required=true \
    -Dapp.jar="$PWD/$jar" "${sizes[@]}" "$@"
done
cat target/bench/cluster.txt
