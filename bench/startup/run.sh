#!/usr/bin/env bash
# Start-up benchmark (ADR 110, docs/benchmarks.md "Start-up"): starts the packaged jar N times on
# 127.0.0.1 and measures the time from launching the JVM to /actuator/health answering UP and to
# the first page (/login) being served, and the CPU time the JVM consumed until healthy (user +
# system time of the java process from /proc/<pid>/stat when /actuator/health first answers UP: all
# its threads, JIT and GC included, and the JIT compilers' and GC's shares of it, per thread from
# /proc/<pid>/task; unlike the wall-clock times it hardly depends on what else the
# machine runs, so it is the measure to compare changes on a shared machine); prints each start,
# the medians per mode and the slowest steps of the start-up timeline (tcw.startup.timeline,
# logged by the application when ready).
#
#   bench/startup/run.sh                                   # build, then 5 starts of java -jar on fresh databases
#   N=5 MODES="jar aot" DB=same SKIP_PACKAGE=1 bench/startup/run.sh
#
# Several modes are measured in turns (jar, aot, jar, aot, ...), so that a machine whose load
# changes during the run treats them alike: compare their medians and ratios.
#
# Environment:
#   SKIP_PACKAGE=1   use the jar already in target/ (default: ./mvnw -DskipTests package first)
#   JAR=path         the jar to measure (default target/tc-workspace-*.jar)
#   N=5              measured starts per mode
#   MODES=jar        one or more of
#                    jar:       java -jar app.jar (the fat jar, as built)
#                    extracted: java -jar on the layout of `java -Djarmode=tools -jar app.jar extract`
#                    aot:       extracted + the JDK's AOT cache (-XX:AOTCache), made by a training run
#                               (-XX:AOTCacheOutput) before the measured starts
#                    <mode>+v:  that mode (listed before it) with VARIANT_OPTS added, e.g.
#                               MODES="aot aot+v" VARIANT_OPTS=-Dtcw.yjs.warm-up=at-start: an A/B of a
#                               switch on one build and one cache, started in turns
#   REUSE_CACHE=1    aot: reuse the extracted jar and AOT cache an earlier run left in target/bench-startup
#                    (the same jar; no training run)
#   TRAINING=refresh the aot training run: refresh = the context is refreshed, then the JVM exits
#                    (Spring's -Dspring.context.exit=onRefresh, as the Dockerfile does); full = a whole
#                    start on a fresh database plus the first page, stopped with SIGTERM
#   DB=fresh         fresh: every start in a new empty folder: a new H2 database, so the start runs the
#                           Flyway migrations, creates the demo data and builds the search index
#                    same:  one folder for all starts: an unmeasured first start creates the data
#                           (or DB_DIR names a folder prepared before), the measured starts open an
#                           existing database and index (a restart: what a production start is)
#   JAVA_OPTS=-Xmx768m   JVM options of every start (the same for every mode)
#   TIMELINE=1       run the measured starts with the start-up timeline on (0: off)
#   TOP=30           timeline steps printed
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA="$JAVA_HOME/bin/java"
N=${N:-5}
MODES=${MODES:-${MODE:-jar}}
DB=${DB:-fresh}
JAVA_OPTS=${JAVA_OPTS:--Xmx768m}
TIMELINE=${TIMELINE:-1}
TIMEOUT=${TIMEOUT:-600}

if [[ "${SKIP_PACKAGE:-0}" != 1 ]]; then
    ./mvnw -q -B -DskipTests package
fi
JAR=${JAR:-$(ls target/tc-workspace-*.jar | grep -v -- '-plain' | head -1)}
[[ -f "$JAR" ]] || { echo "no jar: $JAR (build it or set JAR)" >&2; exit 1; }
JAR=$(realpath "$JAR")
"$JAVA" -version 2>&1 | head -1 | grep -q '"2[5-9]' || { echo "needs JDK 25+ at $JAVA_HOME" >&2; exit 1; }

WORK=$(realpath -m "target/bench-startup")
mkdir -p "$WORK"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now_ms() { date +%s%3N; }
TICKS=$(getconf CLK_TCK)
# cpu_ms <pid>: user + system CPU time the process has consumed so far, in ms (fields 14 and 15 of
# /proc/<pid>/stat, counted after the command name, which is in parentheses)
cpu_ms() { awk -v t="$TICKS" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / t) }' "/proc/$1/stat"; }
# jit_gc_ms <pid>: "<jit> <gc>": CPU ms so far of the JIT compiler threads ("C1/C2 CompilerThread…")
# and of the garbage collector's threads (G1's "GC Thread#…", "G1 …"), from /proc/<pid>/task/*/stat
jit_gc_ms() {
    local jit=0 gc=0 name ms f
    for f in /proc/"$1"/task/*/stat; do
        read -r name ms < <(awk -v t="$TICKS" '{ n=$0; sub(/^[0-9]+ \(/, "", n); sub(/\) .*$/, "", n); gsub(/ /, "_", n)
            sub(/^.*\) /, ""); print n, int(($12 + $13) * 1000 / t) }' "$f" 2>/dev/null) || continue
        case "$name" in
            C1_CompilerThre*|C2_CompilerThre*) jit=$(( jit + ms )) ;;
            GC_Thread*|G1_*) gc=$(( gc + ms )) ;;
        esac
    done
    echo "$jit $gc"
}

# start <folder> <log> <jar> [JVM options...]: launches, sets PID, PORT, HEALTH_MS, CPU_MS, PAGE_MS
start() {
    local folder=$1 log=$2 jar=$3; shift 3
    PORT=$(free_port)
    mkdir -p "$folder"
    local t0; t0=$(now_ms)
    (cd "$folder" && exec "$JAVA" $JAVA_OPTS "$@" -jar "$jar" --server.address=127.0.0.1 \
        --server.port="$PORT" --server.shutdown=immediate >"$log" 2>&1) &
    PID=$!
    HEALTH_MS=""; CPU_MS=""; PAGE_MS=""; JIT_MS=""; GC_MS=""
    local deadline=$(( t0 + TIMEOUT * 1000 ))
    while (( $(now_ms) < deadline )); do
        kill -0 "$PID" 2>/dev/null || { echo "the application exited during start-up: $log" >&2; tail -20 "$log" >&2; exit 1; }
        if curl -fsS -m 2 "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
            HEALTH_MS=$(( $(now_ms) - t0 )); CPU_MS=$(cpu_ms "$PID"); read -r JIT_MS GC_MS < <(jit_gc_ms "$PID"); break
        fi
        sleep 0.1
    done
    [[ -n "$HEALTH_MS" ]] || { echo "not healthy within $TIMEOUT s: $log" >&2; kill "$PID"; exit 1; }
    curl -fsS -m 120 -o /dev/null "http://127.0.0.1:$PORT/login"
    PAGE_MS=$(( $(now_ms) - t0 ))
}

stop() {
    kill "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
}

declare -A LAUNCH OPTS HEALTHS CPUS PAGES JITS
for mode in $MODES; do
    case "$mode" in
        jar) LAUNCH[$mode]=$JAR; OPTS[$mode]="" ;;
        aot) if [[ "${REUSE_CACHE:-0}" == 1 && -f "$WORK/aot/app/app.aot" ]]; then
                # the extracted jar and the cache of an earlier run of this script (same jar: no new training run)
                LAUNCH[$mode]="$WORK/aot/app/$(basename "$JAR")"; OPTS[$mode]="-XX:AOTCache=$WORK/aot/app/app.aot"
                HEALTHS[$mode]=""; CPUS[$mode]=""; PAGES[$mode]=""; JITS[$mode]=""
                echo "AOT cache of an earlier run: $(du -h "$WORK/aot/app/app.aot" | cut -f1)"
                continue
            fi
            rm -rf "$WORK/$mode"
            "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/$mode/app" >/dev/null
            LAUNCH[$mode]="$WORK/$mode/app/$(basename "$JAR")"; OPTS[$mode]="" ;;
        extracted)
            rm -rf "$WORK/$mode"
            "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$WORK/$mode/app" >/dev/null
            LAUNCH[$mode]="$WORK/$mode/app/$(basename "$JAR")"; OPTS[$mode]="" ;;
        *+v)
            # a variant: the mode before it in MODES, started with VARIANT_OPTS added (an A/B on one build)
            base=${mode%+v}
            [[ -n "${LAUNCH[$base]:-}" ]] || { echo "$mode: put $base before it in MODES" >&2; exit 1; }
            LAUNCH[$mode]=${LAUNCH[$base]}; OPTS[$mode]="${OPTS[$base]} ${VARIANT_OPTS:?VARIANT_OPTS for $mode}"
            HEALTHS[$mode]=""; CPUS[$mode]=""; PAGES[$mode]=""; JITS[$mode]=""
            continue ;;
        *) echo "modes: jar, extracted, aot, and <mode>+v" >&2; exit 1 ;;
    esac
    if [[ "$mode" == aot ]]; then
        cache="$WORK/aot/app/app.aot"
        if [[ "${TRAINING:-refresh}" == refresh ]]; then
            # as the Dockerfile does: the context is refreshed once, then the JVM exits and writes the cache
            echo "training run (context refresh): -XX:AOTCacheOutput=$cache"
            mkdir -p "$WORK/aot/training"
            (cd "$WORK/aot/training" && "$JAVA" $JAVA_OPTS -XX:AOTCacheOutput="$cache" -Dspring.context.exit=onRefresh \
                -jar "${LAUNCH[$mode]}" '--spring.datasource.url=jdbc:h2:mem:training;DB_CLOSE_DELAY=-1' \
                --server.address=127.0.0.1 --server.port=0 >"$WORK/aot/training.log" 2>&1) || true
        else
            # a whole start plus the first page on a fresh database (demo data, index build, the yjs engine)
            echo "training run (whole start + /login): -XX:AOTCacheOutput=$cache"
            start "$WORK/aot/training" "$WORK/aot/training.log" "${LAUNCH[$mode]}" -XX:AOTCacheOutput="$cache"
            sleep 5
            stop
        fi
        [[ -f "$cache" ]] || { echo "the training run wrote no AOT cache; see $WORK/aot/training.log" >&2; exit 1; }
        OPTS[$mode]="-XX:AOTCache=$cache"
        echo "AOT cache: $(du -h "$cache" | cut -f1)"
    fi
    HEALTHS[$mode]=""; CPUS[$mode]=""; PAGES[$mode]=""; JITS[$mode]=""
done

TIMELINE_OPT=""
[[ "$TIMELINE" == 1 ]] && TIMELINE_OPT="-Dtcw.startup.timeline=true"
DBDIR=${DB_DIR:-$WORK/db}
if [[ "$DB" == same && ! -d "$DBDIR/data" ]]; then
    echo "preparing the database in $DBDIR (unmeasured first start)"
    first=${MODES%% *}
    start "$DBDIR" "$WORK/prepare.log" "${LAUNCH[$first]}" ${OPTS[$first]}
    stop
fi

echo "modes=$MODES db=$DB n=$N jar=$JAR ($(du -m "$JAR" | cut -f1) MB) java: $("$JAVA" -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
for i in $(seq 1 "$N"); do
    for mode in $MODES; do
        folder=$DBDIR
        [[ "$DB" == fresh ]] && folder="$WORK/fresh-$mode-$i"
        log="$WORK/$mode-$i.log"
        start "$folder" "$log" "${LAUNCH[$mode]}" ${OPTS[$mode]} $TIMELINE_OPT
        rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$PID/status" 2>/dev/null || echo "?")
        stop
        HEALTHS[$mode]+=" $HEALTH_MS"; CPUS[$mode]+=" $CPU_MS"; PAGES[$mode]+=" $PAGE_MS"
        JITS[$mode]+=" $JIT_MS"
        printf '%-9s start %d: healthy %6d ms (CPU %6d ms, of it JIT %d, GC %d), first page %6d ms, RSS %s MB, load %s\n' \
            "$mode" "$i" "$HEALTH_MS" "$CPU_MS" "$JIT_MS" "$GC_MS" "$PAGE_MS" "$rss" "$(cut -d' ' -f1 /proc/loadavg)"
        [[ "$DB" == fresh ]] && rm -rf "$folder"
    done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
for mode in $MODES; do
    # shellcheck disable=SC2086
    echo "median $mode ($DB database, $N starts): healthy $(median ${HEALTHS[$mode]}) ms (CPU time until healthy" \
        "$(median ${CPUS[$mode]}) ms, of it the JIT compilers $(median ${JITS[$mode]}) ms), first page $(median ${PAGES[$mode]}) ms"
done
if [[ "$TIMELINE" == 1 ]]; then
    for mode in $MODES; do
        if grep -q 'startup-timeline' "$WORK/$mode-$N.log"; then
            echo "start-up timeline of the last $mode start (a step includes the steps nested in it):"
            grep -o 'startup-timeline .*' "$WORK/$mode-$N.log" | sed 's/^startup-timeline /  /' | head -"${TOP:-30}"
        fi
    done
fi
