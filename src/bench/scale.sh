#!/usr/bin/env bash
# The shared-state benchmark of issue 8 in one command, from the repository root:
#   src/bench/scale.sh [--runs 3] [--seconds 4] [--scenario REGISTER_KEEPALIVE ...] [--help]
# Builds the gateway jar and the bench sources (Maven profile bench), then runs
# io.dcrgateway.bench.Scale: the bench's fast nginx upstream, a redis-server (no persistence) on
# a free loopback port, and three gateway JVMs: one with its state in memory, two sharing that
# Redis. Measures (a) memory, (b) one instance on Redis, (c) both instances on Redis, prints
# Markdown tables, stops them all; exit 1 if an answer or a shared-state check was wrong.
# Needs nginx, redis-server and openssl: on Debian, as root, they are installed when missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

. src/bench/needs.sh
needs scale nginx redis-server openssl

./mvnw -B -q -Pbench -DskipTests -DskipE2E package
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  -Dio.netty.handler.ssl.openssl.sessionCacheClient=false \
  io.dcrgateway.bench.Scale "$@"
