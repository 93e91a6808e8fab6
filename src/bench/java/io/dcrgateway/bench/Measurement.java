package io.dcrgateway.bench;

/**
 * One measured window: a scenario against one server in one run, with the server's CPU time
 * (its process tree, from /proc; of it, the JIT compiler threads') and the load generator's over
 * the same window.
 *
 * @param handshakesPerRequest TLS handshakes the gateway counted per request (1 when every
 *     request had a full handshake, 0 over keep-alive); NaN for nginx
 * @param allocatedBytesPerRequest heap the gateway allocated per request (JVM GC counter); NaN
 *     for the others
 * @param clock the window by the gateway's own histograms; null for the others
 * @param flood for a flooded scenario, the same pace alone and the flood beside it; null otherwise
 */
record Measurement(Scenario scenario, boolean gateway, int run, LoadGenerator.Result result, long serverCpuNanos,
    long compilerCpuNanos, long clientCpuNanos, double handshakesPerRequest, double allocatedBytesPerRequest,
    GatewayClock clock, Flood flood) {

  /** A flood that fell this far behind its pace did not flood the window as the report says. */
  private static final double SHORTEST_FLOOD = 0.9;

  Measurement(Scenario scenario, boolean gateway, int run, LoadGenerator.Result result, long serverCpuNanos,
      long compilerCpuNanos, long clientCpuNanos, double handshakesPerRequest, double allocatedBytesPerRequest,
      GatewayClock clock) {
    this(scenario, gateway, run, result, serverCpuNanos, compilerCpuNanos, clientCpuNanos, handshakesPerRequest,
        allocatedBytesPerRequest, clock, null);
  }

  /**
   * A flooded window's companions: the legitimate pace measured alone just before, the
   * forged-certificate connections that ran beside it (they start a moment before the window
   * and end after it, so the window is flooded throughout), and the rate they were due at.
   */
  record Flood(LoadGenerator.Result quiet, LoadGenerator.Result attack, double duePerSecond) {
  }

  /** Share of the server's CPU spent by JIT compiler threads (0 for nginx). */
  double compilerShare() {
    return (double) compilerCpuNanos / Math.max(1, serverCpuNanos);
  }

  double serverMicrosPerRequest() {
    return serverCpuNanos / 1e3 / Math.max(1, result.requests());
  }

  double clientMicrosPerRequest() {
    return clientCpuNanos / 1e3 / Math.max(1, result.requests());
  }

  /** Anything but the expected status, or a request that got no answer at all. */
  boolean clean() {
    return allAnswered(result, scenario.expectedStatus(gateway)) && (flood == null
        || allAnswered(flood.quiet(), scenario.expectedStatus(gateway))
        && allAnswered(flood.attack(), Scenario.FORGED_CERTIFICATE_NEW_TLS.expectedStatus(gateway))
        && flood.attack().perSecond() >= SHORTEST_FLOOD * flood.duePerSecond());
  }

  private static boolean allAnswered(LoadGenerator.Result result, int status) {
    return result.failures() == 0 && result.count(status) == result.requests();
  }
}
