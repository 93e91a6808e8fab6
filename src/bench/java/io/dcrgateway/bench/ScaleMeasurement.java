package io.dcrgateway.bench;

import java.util.List;
import java.util.Map;

/**
 * One measured window of the shared-state benchmark: a scenario against one deployment in one
 * run, with the CPU time over the window of its gateway instances (summed; of it, their JIT
 * compiler threads'), of redis-server and of the load generator, and the Redis commands the
 * window caused (INFO commandstats after minus before, the benchmark's own INFO left out).
 */
record ScaleMeasurement(Scenario scenario, Deployment deployment, int run, LoadGenerator.Result result,
    List<Long> instanceCpuNanos, long compilerCpuNanos, long redisCpuNanos, long clientCpuNanos,
    Map<String, Long> redisCalls) {

  ScaleMeasurement {
    instanceCpuNanos = List.copyOf(instanceCpuNanos);
    redisCalls = Map.copyOf(redisCalls);
  }

  /** CPU time of every gateway instance of the deployment, summed. */
  long gatewayCpuNanos() {
    return instanceCpuNanos.stream().mapToLong(Long::longValue).sum();
  }

  /** Each instance's share of the gateways' CPU: whether the load was really spread. */
  List<Double> instanceShares() {
    return instanceCpuNanos.stream().map(n -> (double) n / Math.max(1, gatewayCpuNanos())).toList();
  }

  double gatewayMicrosPerRequest() {
    return perRequest(gatewayCpuNanos()) / 1e3;
  }

  double redisMicrosPerRequest() {
    return perRequest(redisCpuNanos) / 1e3;
  }

  double totalMicrosPerRequest() {
    return perRequest(gatewayCpuNanos() + redisCpuNanos) / 1e3;
  }

  double clientMicrosPerRequest() {
    return perRequest(clientCpuNanos) / 1e3;
  }

  double compilerShare() {
    return (double) compilerCpuNanos / Math.max(1, gatewayCpuNanos());
  }

  /** Redis commands of every kind per request. */
  double redisCallsPerRequest() {
    return perRequest(redisCalls.values().stream().mapToLong(Long::longValue).sum());
  }

  double redisCallsPerRequest(String command) {
    return perRequest(redisCalls.getOrDefault(command, 0L));
  }

  /** Anything but the expected status, or a request that got no answer at all. */
  boolean clean() {
    return result.failures() == 0 && result.count(scenario.expectedStatus(true)) == result.requests();
  }

  private double perRequest(double total) {
    return total / Math.max(1, result.requests());
  }
}
