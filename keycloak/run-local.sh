#!/usr/bin/env bash
# Keycloak for local development, with the TC Workspace realms (keycloak/realms/*.json).
#
#   keycloak/run-local.sh            # then, in another terminal:
#   ./mvnw spring-boot:run -Dspring-boot.run.profiles=demo,sso
#
# Fetches keycloak-quarkus-dist from Maven Central (the same Maven execution the *IT tests use),
# unpacks it into .keycloak/ (outside target/, so `mvn clean` keeps its one-time rebuild), imports
# the realms into an in-memory database (every start is a fresh copy of the realms as code) and
# runs dev mode on http://127.0.0.1:8180 (health/management on :9180). Admin console:
# http://127.0.0.1:8180/admin (admin / admin). Ctrl-C stops it. While it runs, `./mvnw verify`
# reuses it instead of starting its own.
#
# Environment: KEYCLOAK_JAVA_HOME (else JAVA_HOME, else java on PATH; Java 21+),
# KEYCLOAK_PORT (8180) and KEYCLOAK_MANAGEMENT_PORT (9180).
set -euo pipefail
cd "$(dirname "$0")/.."

KC_VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml | head -1)
PORT=${KEYCLOAK_PORT:-8180}
MANAGEMENT_PORT=${KEYCLOAK_MANAGEMENT_PORT:-9180}
JAVA_FOR_KEYCLOAK=${KEYCLOAK_JAVA_HOME:-${JAVA_HOME:-}}

if [[ -n "$JAVA_FOR_KEYCLOAK" ]]; then
  JAVA_BIN="$JAVA_FOR_KEYCLOAK/bin/java"
else
  JAVA_BIN=$(command -v java || true)
fi
JAVA_MAJOR=$("${JAVA_BIN:-java}" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
if [[ -z "$JAVA_MAJOR" || "$JAVA_MAJOR" -lt 21 ]]; then
  echo "Keycloak $KC_VERSION needs Java 21+; set KEYCLOAK_JAVA_HOME or JAVA_HOME (found: ${JAVA_MAJOR:-none})." >&2
  exit 1
fi

./mvnw -B -q dependency:unpack@unpack-keycloak
KC_HOME=.keycloak/keycloak-$KC_VERSION
mkdir -p "$KC_HOME/data/import"
rm -f "$KC_HOME"/data/import/*.json
cp keycloak/realms/*.json "$KC_HOME/data/import/"

# Every KC_* variable is Keycloak configuration: drop stray ones, set only what dev mode needs.
for var in $(env | sed -n 's/^\(KC_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$var"; done
[[ -n "$JAVA_FOR_KEYCLOAK" ]] && export JAVA_HOME="$JAVA_FOR_KEYCLOAK"
export KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin
# placeholders of the realm files (see docs/features/sso.md)
export TCW_KEYCLOAK_URL=${TCW_KEYCLOAK_URL:-http://127.0.0.1:$PORT}
export TCW_KEYCLOAK_INTERNAL_URL=${TCW_KEYCLOAK_INTERNAL_URL:-http://127.0.0.1:$PORT}
exec "$KC_HOME/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$PORT" \
  --http-management-port="$MANAGEMENT_PORT" --health-enabled=true --db=dev-mem --import-realm
