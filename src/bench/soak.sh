#!/usr/bin/env bash
# The bounded soak run of issue 7 in one command, from the repository root:
#   src/bench/soak.sh [--minutes 10] [--sample-seconds 10] [--rate-scale 1] [--keep] [--help]
# Builds the gateway jar and the bench sources (Maven profile bench), then runs
# io.dcrgateway.bench.Soak: the gateway jar in its own process (audit trail to a file) behind
# the bench's fast nginx upstream, mixed valid and hostile traffic on loopback, samples of heap
# after GC, RSS, file descriptors, threads and event-loop lag; prints Markdown and PASS/FAIL
# (exit 1 on FAIL). Needs nginx (on Debian, as root, installed when missing) and the JDK's jcmd.
set -euo pipefail
cd "$(dirname "$0")/../.."

. src/bench/needs.sh
needs soak nginx

./mvnw -B -q -Pbench -DskipTests -DskipE2E package
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  -Dio.netty.handler.ssl.openssl.sessionCacheClient=false \
  io.dcrgateway.bench.Soak "$@"
