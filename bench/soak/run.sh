#!/usr/bin/env bash
# Soak test of the embedded default (issue 10, point 5): the packaged jar on a fresh H2 file
# database (./data/tcw in a fresh folder, the default URL untouched) under a light scripted load
# for an hour, with the connection pool told to retire every connection after 30 s (Hikari's
# minimum) and to drop idle ones after 10 s, so connections are replaced hundreds of times.
#
# The load runs inside the application process, through its real services (the boundary the
# views call): every round a chair starts a thread mentioning a member (a notification), replies,
# adds a milestone and marks it done, types into a document as an editor does; then reads the
# thread list and programme, exports XLSX and PDF, counts notifications. Meanwhile this script
# asks the HTTP side (health, sign-in page) once a minute. At the end every acknowledged change
# is looked up; then the jar is started again on the same folder and looks them all up once more.
# The code is src/test/java/org/issa/tcw/durability/WorkloadMain.java (mode "soak"); the jar runs
# it through Spring Boot's PropertiesLauncher with the test classes added.
#
# usage: bench/soak/run.sh [minutes=60] [pause between rounds in ms=5000]
# Results: target/bench/soak-<time>/ (soak.log, check.log, acks.txt, http.log) and a summary line
# in target/bench/soak.txt. Runs at the lowest CPU priority.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
minutes=${1:-60}
pause=${2:-5000}
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
jar="$root/target/tc-workspace-0.1.0-SNAPSHOT.jar"
if [[ ! -f "$jar" || ! -d "$root/target/test-classes/org/issa/tcw/durability" ]]; then
    ./mvnw -B -ntp -q package -DskipTests
fi
dir="$root/target/bench/soak-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$dir"
port=$((20000 + RANDOM % 20000))
# Run from a copy, so that a build during the hour cannot replace the jar under the running process.
mkdir -p "$dir/app"
cp "$jar" "$dir/app/app.jar"
cp -r "$root/target/test-classes" "$dir/app/test-classes"
jar="$dir/app/app.jar"
launch() { # mode, log, extra args...
    local mode=$1 log=$2
    shift 2
    (cd "$dir" && nice -n 19 "$java" -Xmx768m -Dloader.path="$dir/app/test-classes" \
        -Dloader.main=org.issa.tcw.durability.WorkloadMain -Dworkload.mode="$mode" \
        -Dworkload.acks="$dir/acks.txt" -Dworkload.minutes="$minutes" -Dworkload.pauseMillis="$pause" \
        -cp "$jar" org.springframework.boot.loader.launch.PropertiesLauncher \
        --server.address=127.0.0.1 --server.port="$port" --tcw.discussion.posts-per-minute=100000 \
        --logging.level.com.vaadin=warn --logging.level.org.atmosphere=warn "$@" >"$log" 2>&1)
}

echo "soak: $minutes min, folder $dir, port $port"
started=$(date +%s)
launch soak "$dir/soak.log" --spring.datasource.hikari.max-lifetime=30000 \
    --spring.datasource.hikari.idle-timeout=10000 --spring.datasource.hikari.minimum-idle=2 &
app=$!
http_ok=0
http_failed=0
while kill -0 "$app" 2>/dev/null; do
    if grep -q '^READY' "$dir/soak.log" 2>/dev/null; then
        for path in /actuator/health /login; do
            if curl -fsS -o /dev/null --max-time 20 "http://127.0.0.1:$port$path"; then
                http_ok=$((http_ok + 1))
            else
                http_failed=$((http_failed + 1))
                echo "$(date -Is) $path failed" >>"$dir/http.log"
            fi
        done
    fi
    # wait for the next minute or for the application to end, whichever comes first
    for _ in $(seq 60); do kill -0 "$app" 2>/dev/null || break; sleep 1; done
done
set +e
wait "$app"
soak_exit=$?
set -e
grep -E '^(SOAK|ERROR|MISSING)' "$dir/soak.log" | tail -n 5 || true

launch check "$dir/check.log" && check_exit=0 || check_exit=$?
grep -E '^(CHECKED|MISSING)' "$dir/check.log" | tail -n 5 || true

result=$(grep '^SOAK-RESULT' "$dir/soak.log" | tail -n 1 || echo "SOAK-RESULT none")
checked=$(grep '^CHECKED' "$dir/check.log" | tail -n 1 || echo "CHECKED none")
db_mb=$(du -m "$dir/data" | tail -n 1 | cut -f1)
rm -rf "$dir/app"
summary="$(date -Is) ${result#SOAK-RESULT } http_ok=$http_ok http_failed=$http_failed soak_exit=$soak_exit after_restart=\"$checked\" check_exit=$check_exit db_mb=$db_mb wall_s=$(( $(date +%s) - started )) dir=$dir"
echo "$summary" | tee -a "$root/target/bench/soak.txt"
[[ $soak_exit -eq 0 && $check_exit -eq 0 && $http_failed -eq 0 ]]
