#!/usr/bin/env bash
# Page weight and load time of /login and the dashboard in real Chromium (ADR 111,
# docs/benchmarks.md "Page weight"): cold (empty browser cache) and with cached assets.
#
#   bench/pageweight/run.sh                       # build, start the jar (demo data), 5 runs, stop it
#   URL=http://127.0.0.1:8080 bench/pageweight/run.sh   # against a running application instead
#
# Environment: SKIP_PACKAGE=1 (use target/'s jar), JAR=path, RUNS=5, USER_NAME=member-ict,
# PASSWORD=demo, LIST=1 (also list the files of each page's cold visit), JAVA_OPTS, APP_ARGS (extra
# application arguments, e.g. for a before/after: APP_ARGS=--server.compression.enabled=false),
# CHROMIUM=/usr/bin/chromium, TIMELINE=1 (also the timeline of the dashboard's last cold and cached visit),
# ACCESS_LOG=1 (Tomcat's access log with the server's time per request, target/bench-pageweight/access_log.*).
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
RUNS=${RUNS:-5}
NODE=${NODE:-$(ls -d "$HOME"/.vaadin/node-v24*/bin/node 2>/dev/null | tail -1)}
[[ -x "${NODE:-}" ]] || NODE=$(command -v node) || { echo "needs Node 22+ (the build provisions one in ~/.vaadin)" >&2; exit 1; }
[[ -x "${CHROMIUM:-/usr/bin/chromium}" ]] || { echo "needs Chromium at ${CHROMIUM:-/usr/bin/chromium}" >&2; exit 1; }

PID=""
if [[ -z "${URL:-}" ]]; then
    if [[ "${SKIP_PACKAGE:-0}" != 1 ]]; then
        ./mvnw -q -B -DskipTests package
    fi
    JAR=$(realpath "${JAR:-$(ls target/tc-workspace-*.jar | grep -v -- '-plain' | head -1)}")
    PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    WORK=$(realpath -m target/bench-pageweight)
    rm -rf "$WORK"; mkdir -p "$WORK"
    ACCESS=()
    if [[ "${ACCESS_LOG:-0}" == 1 ]]; then
        # time, thread, request, status, bytes, server time in microseconds, time to commit the response in ms
        ACCESS=(--server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$WORK"
            --server.tomcat.accesslog.buffered=false
            "--server.tomcat.accesslog.pattern=%{HH:mm:ss.SSS}t %I %m %U%q %s %b %D us %F ms")
    fi
    (cd "$WORK" && exec "$JAVA_HOME/bin/java" ${JAVA_OPTS:--Xmx768m} -jar "$JAR" --server.address=127.0.0.1 \
        --server.port="$PORT" --server.shutdown=immediate "${ACCESS[@]}" ${APP_ARGS:-} >"$WORK/app.log" 2>&1) &
    PID=$!
    trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT
    URL="http://127.0.0.1:$PORT"
    for _ in $(seq 1 600); do
        curl -fsS -m 2 "$URL/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && break
        kill -0 "$PID" 2>/dev/null || { echo "the application exited; see $WORK/app.log" >&2; exit 1; }
        sleep 0.5
    done
    echo "started $JAR on $URL ${APP_ARGS:-}"
    # one unmeasured visit of each page, so the first measured one does not pay the server's warm-up
    "$NODE" bench/pageweight/pageweight.mjs "$URL" 1 "${USER_NAME:-member-ict}" "${PASSWORD:-demo}" >/dev/null
fi
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), cores: $(nproc)"
"$NODE" bench/pageweight/pageweight.mjs "$URL" "$RUNS" "${USER_NAME:-member-ict}" "${PASSWORD:-demo}"
