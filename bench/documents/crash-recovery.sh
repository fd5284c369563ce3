#!/usr/bin/env bash
# Repeats the crash tests of co-editing (src/test/java/org/issa/tcw/documents/browser/CrashRecoveryIT.java):
# the packaged jar on the embedded default database, three Chromium writers typing numbered tokens,
# kill -9, restart on the same database, people sign in again — then the tokens are counted. Also
# the variant with the database restored behind the editors. Prints one "crash-recovery counts"
# line per run and a summary; results in target/bench/crash-recovery.txt.
#
# usage: bench/documents/crash-recovery.sh [runs, default 5] [test method filter, default all]
# Builds first unless SKIP_PACKAGE=1.
set -uo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
runs="${1:-5}"
filter="${2:-}"
if [ "${SKIP_PACKAGE:-0}" != "1" ]; then
  ./mvnw -o -q package -DskipTests || exit 1
fi
mkdir -p target/bench
out=target/bench/crash-recovery.txt
: > "$out"
passed=0
for i in $(seq 1 "$runs"); do
  test="CrashRecoveryIT${filter:+#$filter}"
  log="target/bench/crash-recovery-$i.log"
  ./mvnw -o failsafe:integration-test failsafe:verify -Dit.test="$test" -Dbrowser.required=true > "$log" 2>&1
  rc=$?
  counts=$(grep -h "crash-recovery counts" "$log" target/failsafe-reports/*CrashRecoveryIT-output.txt 2>/dev/null | sort -u)
  echo "run $i rc=$rc" | tee -a "$out"
  echo "$counts" | sed 's/^/  /' | tee -a "$out"
  [ $rc -eq 0 ] && passed=$((passed + 1))
done
echo "passed $passed of $runs runs" | tee -a "$out"
