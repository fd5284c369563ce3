#!/usr/bin/env bash
# The JDK AOT cache's training run for the image (ADR 110): one whole start of the extracted jar —
# demo profile, a throw-away in-memory database and search index, no network — then the first page,
# then SIGTERM; the JVM writes the cache as it exits. A whole start loads and profiles what a real
# start does (demo data, the search index, the yjs engine, the first page), which a refresh-only
# training run misses: the start with the cache is about 0.88 of the refresh-trained one
# (docs/benchmarks.md, "Start-up").
#
#   docker/aot-training.sh /app/app.jar /app/app.aot [java options...]
#
# Needs only bash and a JDK/JRE 25+ (JAVA_HOME's, else the java on PATH; no curl in the JRE image):
# HTTP is spoken over bash's /dev/tcp.
set -euo pipefail
jar=$1 cache=$2; shift 2
port=${TRAINING_PORT:-18089}
work=$(mktemp -d)
cd "$work"

get() { # prints the response of GET $1 on 127.0.0.1:$port, or fails
    exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$1" >&3
    cat <&3
    exec 3<&-
}

"${JAVA_HOME:+$JAVA_HOME/bin/}java" "$@" -XX:AOTCacheOutput="$cache" -jar "$jar" --spring.profiles.active=demo \
    "--spring.datasource.url=jdbc:h2:mem:training;DB_CLOSE_DELAY=-1" \
    --spring.jpa.properties.hibernate.search.backend.directory.root="$work/search" \
    --server.address=127.0.0.1 --server.port="$port" --tcw.mail.demo-server.enabled=false \
    >"$work/training.log" 2>&1 &
pid=$!
for _ in $(seq 1 3000); do    # up to 300 s
    kill -0 "$pid" 2>/dev/null || { echo "the training start ended early:" >&2; tail -40 "$work/training.log" >&2; exit 1; }
    # readiness, not health: the mail server's health is DOWN in a build without one
    if get /actuator/health/readiness 2>/dev/null | grep -q '"status":"UP"'; then
        get /login >/dev/null
        sleep 5
        kill -TERM "$pid"
        wait "$pid" || true
        test -s "$cache" || { echo "the training run wrote no AOT cache:" >&2; tail -40 "$work/training.log" >&2; exit 1; }
        cd / && rm -rf "$work"
        exit 0
    fi
    sleep 0.1
done
echo "the training start was not healthy within 300 s:" >&2
tail -40 "$work/training.log" >&2
kill -KILL "$pid" 2>/dev/null || true
exit 1
