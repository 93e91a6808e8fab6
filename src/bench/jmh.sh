#!/usr/bin/env bash
# JMH micro-benchmarks of the per-request hot path (issue 6), from the repository root:
#   src/bench/jmh.sh [JMH options]        e.g. src/bench/jmh.sh -f 2 -wi 3 -i 5 Audit
# Builds the bench sources (Maven profile bench, JMH's annotation processor in its test
# compilation only) and runs org.openjdk.jmh.Main on them; -h lists JMH's options. The benchmarks
# are in src/bench/java/io/dcrgateway/bench/jmh; defaults: average time in µs per operation.
set -euo pipefail
cd "$(dirname "$0")/../.."

./mvnw -B -q -Pbench -DskipTests -DskipE2E package
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  org.openjdk.jmh.Main -bm avgt -tu us "$@"
