#!/usr/bin/env bash
# Cost of the embedded default's durability settings (ADR 007), through the packaged jar's real
# services on a fresh H2 file database: posts (DiscussionService.reply: until committed and
# returned) and keystroke pushes (DocumentCollaboration.push: stored, committed, acknowledged — the
# server's share of keystroke → other browser). Prints medians, 95th percentiles and ratios.
# The code is src/test/java/org/issa/tcw/durability/WorkloadMain.java (mode "bench") and
# CommitLatencyBench.java.
#
# usage:
#   bench/durability/run.sh [blocks per setting=6]
#       H2's write delay alternately at its default (500 ms, the setting before issue 10) and at 0,
#       in blocks within one process so that both see the same machine load.
#   bench/durability/run.sh fsync [rounds=2] [blocks per process=3]
#       commits written to the page cache (jdbc:h2:file:, WRITE_DELAY=0) against commits forced to
#       the disk (jdbc:h2:durable:, WRITE_DELAY=0, the default now): first plain H2 (one-row
#       commits, alternating blocks in one process), then the application, one process per setting,
#       alternating for the given number of rounds.
# Output: target/bench/durability-<time>/*.log; the BENCH lines are appended to
# target/bench/durability.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
mode=writedelay
if [[ "${1:-}" == fsync ]]; then
    mode=fsync
    shift
fi
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
jar="$root/target/tc-workspace-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$jar" || ! -f "$root/target/test-classes/org/issa/tcw/durability/CommitLatencyBench.class" ]]; then
    ./mvnw -B -ntp -q package -DskipTests
fi
dir="$root/target/bench/durability-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$dir/app"
cp "$jar" "$dir/app/app.jar"
cp -r "$root/target/test-classes" "$dir/app/test-classes"

# one run of WorkloadMain's bench mode in its own folder; extra arguments go to the application
workload() {
    local name=$1 blocks=$2 delays=$3
    shift 3
    mkdir -p "$dir/$name"
    (cd "$dir/$name" && "$JAVA_HOME/bin/java" -Xmx768m -Dloader.path="$dir/app/test-classes" \
        -Dloader.main=org.issa.tcw.durability.WorkloadMain -Dworkload.mode=bench -Dworkload.blocks="$blocks" \
        -Dworkload.delays="$delays" \
        -cp "$dir/app/app.jar" org.springframework.boot.loader.launch.PropertiesLauncher \
        --server.address=127.0.0.1 --server.port=0 --tcw.discussion.posts-per-minute=100000 \
        --logging.level.com.vaadin=warn --logging.level.org.atmosphere=warn "$@" >"$dir/$name.log" 2>&1)
    report "$name"
}

# the BENCH lines of $dir/<name>.log, with time, load and name, also appended to durability.txt
report() {
    grep '^BENCH' "$dir/$1.log" | grep -v ' block ' | sed "s|^|$(date -Is) load=$(cut -d' ' -f1 /proc/loadavg) $1 |" \
        | tee -a "$root/target/bench/durability.txt"
}

if [[ $mode == writedelay ]]; then
    workload run "${1:-6}" 500,0
else
    rounds=${1:-2}
    blocks=${2:-3}
    h2=$(unzip -Z1 "$dir/app/app.jar" 'BOOT-INF/lib/h2-*.jar')
    (cd "$dir/app" && unzip -q -o app.jar "$h2" 'BOOT-INF/classes/*')
    "$JAVA_HOME/bin/java" -cp "$dir/app/$h2:$dir/app/BOOT-INF/classes:$dir/app/test-classes" \
        org.issa.tcw.durability.CommitLatencyBench 5 200 "$dir" >"$dir/plain-h2.log" 2>&1
    report plain-h2
    for round in $(seq 1 "$rounds"); do
        workload "file-$round" "$blocks" 0 \
            "--spring.datasource.url=jdbc:h2:file:./data/tcw;AUTO_SERVER=FALSE;DB_CLOSE_DELAY=-1;WRITE_DELAY=0"
        workload "durable-$round" "$blocks" 0
    done
fi
rm -rf "$dir/app"
