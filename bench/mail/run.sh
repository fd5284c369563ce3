#!/usr/bin/env bash
# Runs the e-mail benchmarks (issue 15) and prints the results; see docs/benchmarks-email.md.
# The benchmark is a JUnit class outside the normal test pattern, run on the shared test context
# with GreenMail (SMTP on 127.0.0.1:3926). -Dbench.mails=N, -Dbench.rounds=N change the sizes.
set -euo pipefail
cd "$(dirname "$0")/../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -o -q test -Dtest=MailBench -Dsurefire.failIfNoSpecifiedTests=false "$@"
cat target/benchmarks-mail.txt
