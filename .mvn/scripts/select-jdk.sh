# Sourced by ./mvnw before it starts Maven: the build needs JDK 21+ (Vaadin's Maven plugin and
# the code), but many machines default to an older `java`. When JAVA_HOME is unset or too old,
# pick the newest JDK 21+ found in the usual places. An explicit JAVA_HOME 21+ always wins.
tcw_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
tcw_current=""
if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  tcw_current=$(tcw_java_major "$JAVA_HOME")
elif command -v java >/dev/null 2>&1; then
  tcw_java_bin=$(command -v java)
  tcw_current=$(java -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1)
fi
if [ -z "$tcw_current" ] || [ "$tcw_current" -lt 21 ] 2>/dev/null; then
  tcw_best=""
  tcw_best_major=0
  set +f # mvnw runs with globbing off
  for tcw_dir in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    [ -x "$tcw_dir/bin/java" ] && [ -x "$tcw_dir/bin/javac" ] || continue
    tcw_major=$(tcw_java_major "$tcw_dir")
    if [ -n "$tcw_major" ] && [ "$tcw_major" -ge 21 ] 2>/dev/null && [ "$tcw_major" -gt "$tcw_best_major" ]; then
      tcw_best="$tcw_dir"
      tcw_best_major="$tcw_major"
    fi
  done
  set -f
  if [ -n "$tcw_best" ]; then
    [ "${MVNW_VERBOSE-}" = true ] && echo "[mvnw] using JDK $tcw_best_major at $tcw_best (found java ${tcw_current:-none})"
    JAVA_HOME="$tcw_best"
    export JAVA_HOME
  else
    echo "[mvnw] TC Workspace needs a JDK 21 or newer; found java ${tcw_current:-none}. Set JAVA_HOME." >&2
  fi
fi
