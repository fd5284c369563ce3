#!/usr/bin/env bash
# Home page benchmark at 10x scale (600 projects x 10 milestones, 2,000 threads, 20,000
# notifications): server time of HomeService.home() for a chair, a member and the secretariat.
# The benchmark is a JUnit class in the test sources (it needs the application context and the
# demo data); its name does not end in "Test", so the normal build skips it. Run it on a quiet
# machine; results are printed and written to target/benchmarks-home.txt. Target: median <= 100 ms.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -o -q test -Dnode.provision.skip=true -Dtest=HomeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  | grep -E "^home " || true
cat target/benchmarks-home.txt
