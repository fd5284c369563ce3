#!/usr/bin/env bash
# Repeats the minute-offline resynchronisation case (src/test/java/org/issa/tcw/documents/browser/
# ResyncChaosBenchmark.java): a writer offline for 60 s while typing, one server message lost when
# the connection is back, Vaadin resynchronises and re-creates the editor while the person keeps
# typing. Prints one line per run (pass/fail and the editor's stats, or what it still waited for)
# and a summary; results in target/bench/resync.txt.
#
# usage: bench/documents/resync.sh [runs, default 5]   (builds first unless SKIP_PACKAGE=1)
set -uo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
runs="${1:-5}"
if [ "${SKIP_PACKAGE:-0}" != "1" ]; then
  ./mvnw -o -q package -DskipTests || exit 1
fi
mkdir -p target/bench
out=target/bench/resync.txt
: > "$out"
passed=0
for i in $(seq 1 "$runs"); do
  log="target/bench/resync-$i.log"
  ./mvnw -o failsafe:integration-test failsafe:verify -Dit.test=ResyncChaosBenchmark -Dbrowser.required=true > "$log" 2>&1
  rc=$?
  resyncs=$(grep -c "Resynchronizing UI by client's request" "$log")
  detail=$(grep -h "resync: adopted\|is not idle after" "$log" | head -2)
  echo "run $i rc=$rc vaadin-resyncs=$resyncs $detail" | tee -a "$out"
  [ $rc -eq 0 ] && passed=$((passed + 1))
done
echo "passed $passed of $runs" | tee -a "$out"
