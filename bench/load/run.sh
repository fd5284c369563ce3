#!/usr/bin/env bash
# Load test (issue 19 "Load", docs/benchmarks.md "Load", ADR 113): starts the packaged jar on
# 127.0.0.1 with a fresh embedded database and the demo data, lets N virtual people use it through
# Vaadin's own protocol for a given time (Gatling, bench/load/src/test/java/.../WorkspaceSimulation),
# samples the server's CPU and heap meanwhile, stops the server and prints p50/p95/p99 per request
# type and the error rate. Not part of ./mvnw verify.
#
# usage: bench/load/run.sh [users=20] [seconds=60]
#   SKIP_PACKAGE=1   use target/tc-workspace-*.jar as it is (default: ./mvnw package -DskipTests first)
#   SERVER_ARGS="…"  extra application arguments (e.g. --spring.datasource.hikari.maximum-pool-size=20)
#   JAVA_OPTS="…"    extra JVM options of the server (default -Xmx2g)
#   JFR=1            record a JFR profile of the server (server.jfr in the result folder)
#   MIX=spread       who goes where (default spread: the demo accounts with a commission role, spread over
#                    the nine commissions' pages and the demo's four threads and four drafts, 5–15 s of
#                    thinking); MIX=dense: the worst case — everybody in thread 1 and document 2, 1.5–4.5 s
#                    (bench/load/src/test/java/.../Mix.java)
#   LOAD_ARGS="…"    extra Gatling properties (-Dload.think=3000 -Dload.rampSeconds=30 …)
#   WARMUP_SECONDS=20  an unmeasured warm-up first (default 20 s; 0: none): 10 people (one of them the
#                    secretariat) go through the whole mix once, so that the first use of each view
#                    (class loading, Vaadin's templates, Hibernate's query plans, JIT) does not count.
#                    Its own Gatling run, report in warmup/ and left out of summary.txt and samples.csv;
#                    its replies and typing follow the mix (a few more posts and paragraphs before the
#                    measured run starts).
# Results: target/bench/load-<time>/ (server.log, samples.csv, gatling/…/index.html, summary.txt) and
# one line per run in target/bench/load.txt.
#
# Bench-only limits: all virtual people sign in with a few demo accounts (chair-ict, member-ict,
# observer-ict, member-fam and secretariat; password demo), so the per-person posting rate and typing limits are raised for the
# run (--tcw.discussion.posts-per-minute, --tcw.documents.updates-per-second/-burst); the demo's own
# mail server is off (it would take ports 3025/3143 shared with other runs).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
users=${1:-20}
seconds=${2:-60}
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
if [[ "${SKIP_PACKAGE:-0}" != 1 ]]; then
    ./mvnw -B -ntp -q package -DskipTests
fi
jar=$(ls "$root"/target/tc-workspace-*.jar | head -n 1)
dir="$root/target/bench/load-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$dir/app"
cp "$jar" "$dir/app/app.jar"
port=$((20000 + RANDOM % 20000))
base="http://127.0.0.1:$port"
mix=${MIX:-spread}
jfr=()
if [[ "${JFR:-0}" == 1 ]]; then
    jfr=("-XX:StartFlightRecording=filename=$dir/server.jfr,settings=profile,dumponexit=true")
fi
# shellcheck disable=SC2086
(cd "$dir" && exec "$java" ${JAVA_OPTS:--Xmx2g} "${jfr[@]}" -jar "$dir/app/app.jar" \
    --server.address=127.0.0.1 --server.port="$port" \
    --tcw.mail.demo-server.enabled=false --tcw.mail.reply.enabled=false --management.health.mail.enabled=false \
    --tcw.discussion.posts-per-minute=1000000 --tcw.documents.updates-per-second=1000000 \
    --tcw.documents.updates-burst=1000000 --logging.level.com.vaadin=warn ${SERVER_ARGS:-} \
    >"$dir/server.log" 2>&1) &
server=$!
stop() { kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; }
trap stop EXIT
echo "load: $users users ($mix mix) for $seconds s against $base, results in $dir"
started=$(date +%s)
until curl -fs -o /dev/null --max-time 5 "$base/actuator/health"; do
    if ! kill -0 "$server" 2>/dev/null; then echo "the server did not start: $dir/server.log" >&2; exit 1; fi
    if (( $(date +%s) - started > ${START_TIMEOUT:-1200} )); then echo "the server was not healthy after ${START_TIMEOUT:-1200} s" >&2; exit 1; fi
    sleep 2
done
echo "server healthy after $(( $(date +%s) - started )) s"
pid=$(pgrep -P "$server" java || echo "$server")

warmup=${WARMUP_SECONDS:-20}
if (( warmup > 0 )); then
    echo "warm-up: 10 users for $warmup s (not measured)"
    # shellcheck disable=SC2086
    ./mvnw -B -ntp -q -f bench/load/pom.xml gatling:test -Dload.baseUrl="$base" -Dload.mix="$mix" ${LOAD_ARGS:-} -Dload.users=10 \
        -Dload.seconds="$warmup" -Dload.rampSeconds=5 -Dgatling.resultsFolder="$dir/warmup" >"$dir/warmup.log" 2>&1 \
        || echo "the warm-up's Gatling run failed (see $dir/warmup.log); measuring anyway" >&2
fi
echo "measured run from $(date +%H:%M:%S) (for jfr-waits.py)"

# CPU (share of one core, from /proc) and heap (jcmd GC.heap_info) of the server every 5 s
ticks=$(getconf CLK_TCK)
sample() {
    echo "seconds,cpu_percent,heap_used_mb,rss_mb" >"$dir/samples.csv"
    local t0 prev_t prev_cpu now cpu heap rss
    t0=$(date +%s.%N); prev_t=$t0
    prev_cpu=$(awk '{print $14 + $15}' "/proc/$pid/stat")
    while kill -0 "$pid" 2>/dev/null; do
        sleep 5
        now=$(date +%s.%N)
        cpu=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) || break
        heap=$("$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap|total/ && /used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub("K,?", "", v); print int(v / 1024); exit}}')
        rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status" 2>/dev/null)
        awk -v t="$now" -v t0="$t0" -v pt="$prev_t" -v c="$cpu" -v pc="$prev_cpu" -v k="$ticks" -v h="${heap:-}" -v r="${rss:-}" \
            'BEGIN {printf "%.0f,%.0f,%s,%s\n", t - t0, 100 * (c - pc) / k / (t - pt), h, r}' >>"$dir/samples.csv"
        prev_t=$now; prev_cpu=$cpu
    done
}
sample &
sampler=$!

# shellcheck disable=SC2086
./mvnw -B -ntp -q -f bench/load/pom.xml gatling:test -Dload.baseUrl="$base" -Dload.mix="$mix" -Dload.users="$users" \
    -Dload.seconds="$seconds" -Dgatling.resultsFolder="$dir/gatling" ${LOAD_ARGS:-} >"$dir/gatling.log" 2>&1 \
    && gatling_exit=0 || gatling_exit=$?
kill "$sampler" 2>/dev/null || true
stop
trap - EXIT

report=$(ls "$dir"/gatling/*/index.html 2>/dev/null | head -n 1 || true)
if [[ -z "$report" ]]; then
    echo "no Gatling report (exit $gatling_exit): see $dir/gatling.log" >&2
    tail -n 30 "$dir/gatling.log" >&2
    exit 1
fi
python3 "$root/bench/load/summary.py" "$report" "$dir/samples.csv" "$users" "$seconds" "$(uptime | sed 's/.*load average: //')" "$mix" \
    | tee "$dir/summary.txt"
echo "$(date -Is) users=$users seconds=$seconds mix=$mix warmup=$warmup $(grep '^all ' "$dir/summary.txt" | head -n 1) server_args=\"${SERVER_ARGS:-}\" dir=$dir" \
    >>"$root/target/bench/load.txt"
