#!/usr/bin/env bash
# Programme benchmark at 10x scale (13 commissions x 3 trienniums x 60 projects x 10 milestones).
# The benchmark is a JUnit class in the test sources (it needs the application context and the
# demo data); its name does not end in "Test", so the normal build skips it. Results are printed
# and written to target/benchmarks-programme.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -o -q test -Dnode.provision.skip=true -Dtest=ProgrammeBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  | grep -E "^(data:|programme tree|secretariat|cross-commission|timeline SVG|ICT tree|dashboard lists|overdue grid|due-soon grid|PDF report|XLSX)" || true
cat target/benchmarks-programme.txt
