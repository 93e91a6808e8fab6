package io.dcrgateway.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark's tables, as Markdown (they go into the README as printed): medians over the
 * runs; every ratio is computed within one run (gateway and nginx measured side by side) and
 * then the median taken, since the machine's noise moves both together.
 */
final class Report {

  private final List<Measurement> measurements = new ArrayList<>();
  /** Paced windows straight to the upstream, no proxy in front: the latency floor of the set-up. */
  private final List<Measurement> noProxy = new ArrayList<>();
  /** The same windows against the bare Vert.x proxy (bench --vertx-floor), if measured. */
  private final List<Measurement> vertxFloor = new ArrayList<>();
  private final List<Double> startupMillis = new ArrayList<>();
  private final List<Long> peakRssKib = new ArrayList<>();
  private final List<Long> hwmKib = new ArrayList<>();
  private final List<String> loadAverages = new ArrayList<>();
  private Map<String, Long> decisions = Map.of();
  private final CryptoLimit limit;
  private final int runs;

  Report(CryptoLimit limit, int runs) {
    this.limit = limit;
    this.runs = runs;
  }

  void add(Measurement measurement) {
    measurements.add(measurement);
  }

  void noProxy(Measurement measurement) {
    noProxy.add(measurement);
  }

  void vertxFloor(Measurement measurement) {
    vertxFloor.add(measurement);
  }

  /** The machine's load average when a run started: other work competing for the cores. */
  void loadAverage(String oneFiveFifteen) {
    loadAverages.add(oneFiveFifteen);
  }

  void startup(double millis) {
    startupMillis.add(millis);
  }

  /** The gateway's decisions by outcome and reason over the whole bench, from its metrics. */
  void decisions(Map<String, Long> byOutcomeAndReason) {
    decisions = Map.copyOf(byOutcomeAndReason);
  }

  void memory(long maxRssKib, long peakKib) {
    peakRssKib.add(maxRssKib);
    hwmKib.add(peakKib);
  }

  void print(PrintStream out, String setup) {
    out.println();
    out.println("## dcr-gateway vs nginx, " + runs + " run(s), medians");
    out.println();
    out.println(setup + " Load average (1, 5, 15 min) at the start of each run: "
        + String.join("; ", loadAverages) + ".");
    out.println();
    out.println("| Scenario | Gateway req/s | nginx req/s | GW ÷ nginx | Gateway CPU µs/req | nginx CPU µs/req"
        + " | GW ÷ nginx CPU | Crypto floor µs/req | GW CPU ÷ floor | Limit req/s | GW ÷ limit |");
    out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for (Scenario s : Scenario.values()) {
      if (window(s, true).isEmpty() || s.flooded()) {
        continue;
      }
      double floor = floorMicros(s);
      out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", s.title(),
          n0(median(s, true, m -> m.result().perSecond())), n0(median(s, false, m -> m.result().perSecond())),
          n2(ratio(s, m -> m.result().perSecond())),
          n0(median(s, true, Measurement::serverMicrosPerRequest)),
          n0(median(s, false, Measurement::serverMicrosPerRequest)),
          n2(ratio(s, Measurement::serverMicrosPerRequest)),
          n0(floor), n1(median(s, true, Measurement::serverMicrosPerRequest) / floor),
          n0(limit.perSecond(floor)), n3(median(s, true, m -> m.result().perSecond()) / limit.perSecond(floor)));
    }
    out.println();
    out.println("| Scenario | Gateway p50 / p90 / p99 / max ms | nginx p50 / p90 / p99 / max ms"
        + " | Gateway CPU in JIT | Load generator CPU µs/req (GW, nginx) |");
    out.println("|---|--:|--:|--:|--:|");
    for (Scenario s : Scenario.values()) {
      if (window(s, true).isEmpty() || s.flooded()) {
        continue;
      }
      out.printf(Locale.ROOT, "| %s | %s | %s | %s %% | %s, %s |%n", s.title(), latency(s, true), latency(s, false),
          n0(100 * median(s, true, Measurement::compilerShare)),
          n0(median(s, true, Measurement::clientMicrosPerRequest)),
          n0(median(s, false, Measurement::clientMicrosPerRequest)));
    }
    for (Scenario s : Scenario.values()) {
      List<Measurement> floor = noProxy.stream().filter(m -> m.scenario() == s).toList();
      if (!floor.isEmpty()) {
        out.println();
        out.printf(Locale.ROOT, "%s, no proxy (the upstream directly, plain HTTP keep-alive, same pace and bodies):"
                + " p50 / p90 / p99 / max %s / %s / %s / %s ms. p99 added (run by run, proxy's p99 minus no proxy's,"
                + " then the median): gateway %s ms, nginx %s ms.%n",
            s.title(), n2(median(floor.stream().map(m -> m.result().latency().p50()).toList())),
            n2(median(floor.stream().map(m -> m.result().latency().p90()).toList())),
            n2(median(floor.stream().map(m -> m.result().latency().p99()).toList())),
            n1(median(floor.stream().map(m -> m.result().latency().max()).toList())),
            n2(addedP99(s, true, floor)), n2(addedP99(s, false, floor)));
      }
    }
    printGatewayClock(out);
    printVertxFloor(out);
    printFlood(out);
    out.println();
    out.printf(Locale.ROOT, "Gateway start-up (launching `java -jar` to ready): median %s ms (min %s, max %s)%n",
        n0(median(startupMillis)), n0(startupMillis.stream().mapToDouble(d -> d).min().orElse(Double.NaN)),
        n0(startupMillis.stream().mapToDouble(d -> d).max().orElse(Double.NaN)));
    out.printf(Locale.ROOT, "Gateway memory: VmRSS max %s MiB sampled every 100 ms over all runs, VmHWM %s MiB at the end%n",
        n0(median(peakRssKib.stream().map(k -> k / 1024.0).toList())),
        n0(median(hwmKib.stream().map(k -> k / 1024.0).toList())));
    out.printf(Locale.ROOT, "Crypto (openssl speed, one core): server %s sign %s µs, RSA-2048 verify %s µs, X25519 %s µs;"
            + " full mTLS handshake %s µs, keep-alive registration %s µs; limits over %d cores%n",
        limit.serverSign(), n0(limit.serverSignMicros()), n1(limit.rsaVerifyMicros()), n1(limit.x25519Micros()), n0(limit.handshakeMicros()),
        n1(limit.keepAliveRegistrationMicros()), limit.cores());
    out.printf(Locale.ROOT, "Gateway heap allocated per request (median of runs, kB; the young generation's growth"
        + " that the JVM counts at each GC): %s%n", Stream.of(Scenario.values())
        .filter(s -> !s.flooded())
        .filter(s -> measurements.stream().anyMatch(m -> m.gateway() && m.scenario() == s))
        .map(s -> s.title() + " " + n1(median(s, true, Measurement::allocatedBytesPerRequest) / 1024))
        .collect(Collectors.joining("; ")));
    for (Scenario s : Scenario.values()) {
      if (!s.keepAlive()) {
        double handshakes = median(s, true, Measurement::handshakesPerRequest);
        out.printf(Locale.ROOT, "Gateway TLS handshakes per request, %s: %s (1.00 = a new connection each; the load generator keeps no sessions, so each is a full handshake)%n",
            s.title(), n2(handshakes));
      }
    }
    List<String> problems = Stream.of(measurements, noProxy, vertxFloor).flatMap(List::stream)
        .filter(m -> !m.clean())
        .map(m -> String.format(Locale.ROOT, "run %d, %s, %s: expected %d for all %d answers, got %s, %d without answer%s",
            m.run(), m.scenario().title(), m.gateway() ? "gateway"
                : noProxy.contains(m) ? "no proxy" : vertxFloor.contains(m) ? "Vert.x floor" : "nginx",
            m.scenario().expectedStatus(m.gateway()),
            m.result().requests(), m.result().statuses(), m.result().failures(),
            m.result().firstFailure() == null ? "" : " (" + m.result().firstFailure() + ")")
            + (m.flood() == null ? "" : String.format(Locale.ROOT, "; alone %s, %d without answer; the flood (expected"
                    + " %d) %s, %d without answer, %.0f/s of %.0f/s due",
                m.flood().quiet().statuses(), m.flood().quiet().failures(),
                Scenario.FORGED_CERTIFICATE_NEW_TLS.expectedStatus(m.gateway()), m.flood().attack().statuses(),
                m.flood().attack().failures(), m.flood().attack().perSecond(), m.flood().duePerSecond())))
        .toList();
    out.println(problems.isEmpty() ? "Every answer had the expected status." : "UNEXPECTED ANSWERS:");
    problems.forEach(p -> out.println("  " + p));
    if (!decisions.isEmpty()) {
      out.println("Gateway decisions over the whole bench, warm-ups included (dcr_gateway_requests_total by outcome and"
          + " reason): " + decisions.entrySet().stream()
          .map(d -> d.getKey() + " " + String.format(Locale.ROOT, "%,d", d.getValue()))
          .collect(Collectors.joining("; ")));
    }
  }

  /**
   * Each scenario as the gateway's own histograms saw it: its time per request without the
   * identity server's, and the identity server's. Set beside the load generator's latencies, it
   * tells the gateway's part of them from the waits around it on shared cores.
   */
  private void printGatewayClock(PrintStream out) {
    List<String> scenarios = Stream.of(Scenario.values())
        .filter(s -> !s.flooded())
        .filter(s -> measurements.stream().anyMatch(m -> m.gateway() && m.scenario() == s && m.clock() != null))
        .map(s -> String.format(Locale.ROOT, "%s %s / %s / %s ms (identity server p99 %s ms)", s.title(),
            n2(median(s, true, m -> m.clock().processingMillis(0.50))),
            n2(median(s, true, m -> m.clock().processingMillis(0.90))),
            n2(median(s, true, m -> m.clock().processingMillis(0.99))),
            n2(median(s, true, m -> m.clock().upstreamMillis(0.99)))))
        .toList();
    if (!scenarios.isEmpty()) {
      out.println();
      out.println("The gateway's own clock (dcr_gateway_processing_seconds: from a request's first stage to the end of its"
          + " answer, minus the identity server's time; p50 / p90 / p99 as histogram bucket bounds, the lowest 0.1 ms;"
          + " medians of runs): " + String.join("; ", scenarios) + ".");
    }
  }

  /**
   * The bare Vert.x proxy beside the gateway and nginx: per run, the gateway's CPU per request
   * minus the floor's (the gateway's own work: statement, rules, audit, metrics) and the floor's
   * over nginx's (the framework's share of the gap), then the medians.
   */
  private void printVertxFloor(PrintStream out) {
    if (vertxFloor.isEmpty()) {
      return;
    }
    out.println();
    out.println("| Scenario | Vert.x floor req/s | Vert.x floor CPU µs/req | Gateway CPU µs/req | nginx CPU µs/req"
        + " | Gateway − floor µs/req | Floor ÷ nginx CPU | Floor p50 / p99 ms |");
    out.println("|---|--:|--:|--:|--:|--:|--:|--:|");
    for (Scenario s : Scenario.values()) {
      List<Measurement> floor = vertxFloor.stream().filter(m -> m.scenario() == s).toList();
      if (floor.isEmpty()) {
        continue;
      }
      List<Double> own = new ArrayList<>();
      List<Double> overNginx = new ArrayList<>();
      for (Measurement f : floor) {
        ofRun(window(s, true), f.run())
            .ifPresent(g -> own.add(g.serverMicrosPerRequest() - f.serverMicrosPerRequest()));
        ofRun(window(s, false), f.run())
            .ifPresent(n -> overNginx.add(f.serverMicrosPerRequest() / n.serverMicrosPerRequest()));
      }
      out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s / %s |%n", s.title(),
          n0(median(floor.stream().map(m -> m.result().perSecond()).toList())),
          n0(median(floor.stream().map(Measurement::serverMicrosPerRequest).toList())),
          n0(median(s, true, Measurement::serverMicrosPerRequest)),
          n0(median(s, false, Measurement::serverMicrosPerRequest)),
          n0(median(own)), n2(median(overNginx)),
          n2(median(floor.stream().map(m -> m.result().latency().p50()).toList())),
          n2(median(floor.stream().map(m -> m.result().latency().p99()).toList())));
    }
  }

  /**
   * Legitimate registrations under a handshake flood, each server beside itself: the same pace
   * alone and flooded (latencies as medians of runs), the flood's rate, and the server's CPU while
   * flooded (cores busy; 2.0 is all of this machine). A server that lets the flood crowd out
   * TPPs already connected shows it as a flooded p99 far above the quiet one.
   */
  private void printFlood(PrintStream out) {
    for (Scenario s : Scenario.values()) {
      if (!s.flooded() || window(s, true).isEmpty()) {
        continue;
      }
      out.println();
      out.println("| " + s.title() + " | registrations/s | alone p50 / p90 / p99 / max ms | flooded p50 / p90 / p99 / max ms"
          + " | forged handshakes/s beside them | server CPU while flooded, cores"
          + " | the gateway's own clock, flooded registrations p50 / p99 ms |");
      out.println("|---|--:|--:|--:|--:|--:|--:|");
      for (boolean gateway : new boolean[] {true, false}) {
        List<Measurement> w = window(s, gateway).stream().filter(m -> m.flood() != null).toList();
        out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", gateway ? "gateway" : "nginx",
            n0(median(w.stream().map(m -> m.result().perSecond()).toList())),
            latency(w.stream().map(m -> m.flood().quiet()).toList()),
            latency(w.stream().map(Measurement::result).toList()),
            n0(median(w.stream().map(m -> m.flood().attack().perSecond()).toList())),
            n2(median(w.stream().map(m -> m.serverCpuNanos() / (double) m.result().elapsedNanos()).toList())),
            gateway ? n2(median(w.stream().map(m -> m.clock().forwardedMillis(0.50)).toList())) + " / "
                + n2(median(w.stream().map(m -> m.clock().forwardedMillis(0.99)).toList())) : "–");
      }
    }
  }

  /** p50 / p90 / p99 / max, each the median over the windows. */
  private static String latency(List<LoadGenerator.Result> results) {
    return n2(median(results.stream().map(r -> r.latency().p50()).toList())) + " / "
        + n2(median(results.stream().map(r -> r.latency().p90()).toList())) + " / "
        + n2(median(results.stream().map(r -> r.latency().p99()).toList())) + " / "
        + n1(median(results.stream().map(r -> r.latency().max()).toList()));
  }

  private double floorMicros(Scenario s) {
    return switch (s.floor()) {
      case KEEP_ALIVE -> limit.keepAliveRegistrationMicros();
      case NEW_CONNECTION -> s == Scenario.FORGED_CERTIFICATE_NEW_TLS ? limit.handshakeMicros()
          : limit.newConnectionRegistrationMicros();
      case NONE -> Double.NaN;
    };
  }

  private String latency(Scenario s, boolean gateway) {
    return latency(window(s, gateway).stream().map(Measurement::result).toList());
  }

  /** Per run, the proxy's p99 minus the no-proxy window's of the same run; the median of those. */
  private double addedP99(Scenario s, boolean gateway, List<Measurement> floor) {
    List<Double> added = new ArrayList<>();
    for (Measurement proxy : window(s, gateway)) {
      ofRun(floor, proxy.run())
          .ifPresent(none -> added.add(proxy.result().latency().p99() - none.result().latency().p99()));
    }
    return median(added);
  }

  private List<Measurement> window(Scenario s, boolean gateway) {
    return measurements.stream().filter(m -> m.scenario() == s && m.gateway() == gateway).toList();
  }

  private double median(Scenario s, boolean gateway, ToDoubleFunction<Measurement> value) {
    return median(window(s, gateway).stream().map(value::applyAsDouble).toList());
  }

  /** Gateway ÷ nginx within each run, then the median. */
  private double ratio(Scenario s, ToDoubleFunction<Measurement> value) {
    List<Double> ratios = new ArrayList<>();
    for (Measurement g : window(s, true)) {
      ofRun(window(s, false), g.run())
          .ifPresent(nginx -> ratios.add(value.applyAsDouble(g) / value.applyAsDouble(nginx)));
    }
    return median(ratios);
  }

  /** The window of that run, if it was measured: ratios and differences pair windows run by run. */
  private static Optional<Measurement> ofRun(List<Measurement> windows, int run) {
    return windows.stream().filter(m -> m.run() == run).findFirst();
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  private static String n0(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String n1(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.1f", v);
  }

  private static String n2(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String n3(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3f", v);
  }
}
