#!/usr/bin/env bash
# Start-up benchmark (ADR 110, docs/benchmarks.md "Start-up"): starts the packaged jar N times on
# 127.0.0.1 and measures the time from launching the JVM to /actuator/health answering UP and to
# the first page (/login) being served; prints each start, the medians and the slowest steps of
# the start-up timeline (tcw.startup.timeline, logged by the application when ready).
#
#   bench/startup/run.sh                      # build, then 5 starts of java -jar, each on a fresh database
#   N=5 MODE=aot DB=same bench/startup/run.sh
#
# Environment:
#   SKIP_PACKAGE=1   use the jar already in target/ (default: ./mvnw -DskipTests package first)
#   JAR=path         the jar to measure (default target/tc-workspace-*.jar)
#   N=5              measured starts
#   MODE=jar         jar:       java -jar app.jar (the fat jar, as built)
#                    extracted: java -jar on the layout of `java -Djarmode=tools -jar app.jar extract`
#                    aot:       extracted + the JDK's AOT cache (-XX:AOTCache), made by a training run
#                               (-XX:AOTCacheOutput) before the measured starts
#   TRAINING=refresh the aot training run: refresh = the context is refreshed, then the JVM exits
#                    (Spring's -Dspring.context.exit=onRefresh, as the Dockerfile does); full = a whole
#                    start on a fresh database plus the first page, stopped with SIGTERM
#   DB=fresh         fresh: every start in a new empty folder: a new H2 database, so the start runs the
#                           Flyway migrations, creates the demo data and builds the search index
#                    same:  one folder for all starts: an unmeasured first start creates the data,
#                           the N measured starts open an existing database and index (a restart)
#   JAVA_OPTS=-Xmx768m   JVM options of every start (the same for every mode)
#   TIMELINE=1       run the measured starts with the start-up timeline on (0: off)
#   KEEP=0           keep target/bench-startup/ afterwards (1) or delete the databases (0)
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
N=${N:-5}
MODE=${MODE:-jar}
DB=${DB:-fresh}
JAVA_OPTS=${JAVA_OPTS:--Xmx768m}
TIMELINE=${TIMELINE:-1}
KEEP=${KEEP:-0}
TIMEOUT=${TIMEOUT:-300}

if [[ "${SKIP_PACKAGE:-0}" != 1 ]]; then
    ./mvnw -q -B -DskipTests package
fi
JAR=${JAR:-$(ls target/tc-workspace-*.jar | grep -v -- '-plain' | head -1)}
[[ -f "$JAR" ]] || { echo "no jar: $JAR (build it or set JAR)" >&2; exit 1; }
JAR=$(realpath "$JAR")
"$JAVA" -version 2>&1 | head -1 | grep -q '"2[5-9]' || { echo "needs JDK 25+ at $JAVA_HOME" >&2; exit 1; }

WORK=$(realpath -m "target/bench-startup/$MODE-$DB")
rm -rf "$WORK"
mkdir -p "$WORK"
LAUNCH=("$JAR")
AOT=()
case "$MODE" in
    jar) ;;
    extracted|aot)
        "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/app" >/dev/null
        LAUNCH=("$WORK/app/$(basename "$JAR")")
        ;;
    *) echo "MODE must be jar, extracted or aot" >&2; exit 1 ;;
esac

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }

# start <folder> <log> [extra JVM options...]: launches, sets PID, PORT, HEALTH_MS, PAGE_MS
start() {
    local folder=$1 log=$2; shift 2
    PORT=$(free_port)
    mkdir -p "$folder"
    local t0; t0=$(now_ms)
    (cd "$folder" && exec "$JAVA" $JAVA_OPTS "$@" -jar "${LAUNCH[@]}" --server.address=127.0.0.1 \
        --server.port="$PORT" --server.shutdown=immediate >"$log" 2>&1) &
    PID=$!
    HEALTH_MS=""; PAGE_MS=""
    local deadline=$(( t0 + TIMEOUT * 1000 ))
    while (( $(now_ms) < deadline )); do
        kill -0 "$PID" 2>/dev/null || { echo "the application exited during start-up: $log" >&2; tail -20 "$log" >&2; exit 1; }
        if curl -fsS -m 2 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
            HEALTH_MS=$(( $(now_ms) - t0 )); break
        fi
        sleep 0.1
    done
    [[ -n "$HEALTH_MS" ]] || { echo "not healthy within $TIMEOUT s: $log" >&2; kill "$PID"; exit 1; }
    curl -fsS -m 60 -o /dev/null "http://127.0.0.1:$PORT/login"
    PAGE_MS=$(( $(now_ms) - t0 ))
}

stop() {
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
}

if [[ "$MODE" == aot ]]; then
    if [[ "${TRAINING:-refresh}" == refresh ]]; then
        # as the Dockerfile does: the application context is started once and the JVM exits after
        # the refresh (spring.context.exit=onRefresh, Spring's training mode), writing the cache
        echo "training run (context refresh): -XX:AOTCacheOutput=$WORK/app/app.aot"
        mkdir -p "$WORK/training"
        (cd "$WORK/training" && "$JAVA" $JAVA_OPTS -XX:AOTCacheOutput="$WORK/app/app.aot" -Dspring.context.exit=onRefresh \
            -jar "${LAUNCH[@]}" --server.address=127.0.0.1 --server.port=0 >"$WORK/training.log" 2>&1) || true
    else
        # a whole start plus the first page, on a fresh database (demo data, index build, the yjs
        # engine), so the cache also holds what the runners and a first request load
        echo "training run (whole start + /login): -XX:AOTCacheOutput=$WORK/app/app.aot"
        start "$WORK/training" "$WORK/training.log" -XX:AOTCacheOutput="$WORK/app/app.aot"
        sleep 5
        stop
    fi
    [[ -f "$WORK/app/app.aot" ]] || { echo "the training run wrote no AOT cache; see $WORK/training.log" >&2; exit 1; }
    AOT=(-XX:AOTCache="$WORK/app/app.aot")
    echo "AOT cache: $(du -h "$WORK/app/app.aot" | cut -f1)"
fi

EXTRA=("${AOT[@]}")
[[ "$TIMELINE" == 1 ]] && EXTRA+=(-Dtcw.startup.timeline=true)
if [[ "$DB" == same ]]; then
    echo "preparing the database (unmeasured first start)"
    start "$WORK/db" "$WORK/prepare.log" "${AOT[@]}"
    stop
fi

echo "mode=$MODE db=$DB n=$N jar=$JAR ($(du -m "$JAR" | cut -f1) MB) java: $("$JAVA" -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
HEALTHS=(); PAGES=()
for i in $(seq 1 "$N"); do
    folder="$WORK/db"
    [[ "$DB" == fresh ]] && folder="$WORK/run-$i"
    start "$folder" "$WORK/run-$i.log" "${EXTRA[@]}"
    rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$PID/status" 2>/dev/null || echo "?")
    stop
    HEALTHS+=("$HEALTH_MS"); PAGES+=("$PAGE_MS")
    printf 'start %d: healthy %6d ms, first page %6d ms, RSS %s MB, load %s\n' "$i" "$HEALTH_MS" "$PAGE_MS" "$rss" \
        "$(cut -d' ' -f1 /proc/loadavg)"
    [[ "$DB" == fresh && "$KEEP" != 1 ]] && rm -rf "$folder"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
echo "median ($MODE, $DB database, $N starts): healthy $(median "${HEALTHS[@]}") ms, first page $(median "${PAGES[@]}") ms"
if [[ "$TIMELINE" == 1 ]]; then
    echo "start-up timeline of the last start (a step includes the steps nested in it):"
    grep -o 'startup-timeline .*' "$WORK/run-$N.log" | sed 's/^startup-timeline /  /' | head -${TOP:-30}
fi
