#!/usr/bin/env bash
# The benchmark of issue 6 in one command, from the repository root:
#   src/bench/run.sh [--runs 3] [--seconds 5] [--scenario REGISTER_KEEPALIVE ...] [--help]
# Builds the gateway jar and the bench sources (Maven profile bench), then runs
# io.dcrgateway.bench.Bench, which starts the gateway, nginx (peer) and nginx (fast upstream) on
# loopback, measures, stops them all and prints Markdown tables. Needs nginx and openssl: on
# Debian, as root, they are installed when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

. src/bench/needs.sh
needs bench nginx openssl

./mvnw -B -q -Pbench -DskipTests -DskipE2E package
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  -Dio.netty.handler.ssl.openssl.sessionCacheClient=false \
  io.dcrgateway.bench.Bench "$@"
