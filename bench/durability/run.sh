#!/usr/bin/env bash
# Cost of the embedded default's durability setting (ADR 007): the packaged jar on a fresh H2 file
# database times, through its real services, posts (DiscussionService.reply: until committed and
# returned) and keystroke pushes (DocumentCollaboration.push: stored, committed, acknowledged —
# the server's share of keystroke → other browser), with H2's write delay alternately at its
# default (500 ms, the setting before issue 10) and at 0 (the default now), in blocks within one
# process so that both see the same machine load. Prints medians, 95th percentiles and ratios.
# The code is src/test/java/org/issa/tcw/durability/WorkloadMain.java (mode "bench").
#
# usage: bench/durability/run.sh [blocks per setting=6]
# Output: target/bench/durability-<time>/bench.log; the BENCH lines are appended to
# target/bench/durability.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
blocks=${1:-6}
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
jar="$root/target/tc-workspace-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$jar" || ! -d "$root/target/test-classes/org/issa/tcw/durability" ]]; then
    ./mvnw -B -ntp -q package -DskipTests
fi
dir="$root/target/bench/durability-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$dir/app"
cp "$jar" "$dir/app/app.jar"
cp -r "$root/target/test-classes" "$dir/app/test-classes"
(cd "$dir" && "$JAVA_HOME/bin/java" -Xmx768m -Dloader.path="$dir/app/test-classes" \
    -Dloader.main=org.issa.tcw.durability.WorkloadMain -Dworkload.mode=bench -Dworkload.blocks="$blocks" \
    -cp "$dir/app/app.jar" org.springframework.boot.loader.launch.PropertiesLauncher \
    --server.address=127.0.0.1 --server.port=0 --tcw.discussion.posts-per-minute=100000 \
    --logging.level.com.vaadin=warn --logging.level.org.atmosphere=warn >"$dir/bench.log" 2>&1)
rm -rf "$dir/app"
grep '^BENCH' "$dir/bench.log" | grep -v ' block ' | sed "s|^|$(date -Is) load=$(cut -d' ' -f1 /proc/loadavg) |" \
    | tee -a "$root/target/bench/durability.txt"
