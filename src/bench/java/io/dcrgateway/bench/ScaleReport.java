package io.dcrgateway.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The shared-state benchmark's tables, as Markdown: medians over the runs; every ratio to case
 * (a) is taken within one run (the cases measured back to back), then the median.
 */
final class ScaleReport {

  private final List<ScaleMeasurement> measurements = new ArrayList<>();
  private final List<String> loadAverages = new ArrayList<>();
  private final List<String> checks = new ArrayList<>();
  private final int runs;

  ScaleReport(int runs) {
    this.runs = runs;
  }

  void add(ScaleMeasurement measurement) {
    measurements.add(measurement);
  }

  void loadAverage(String oneFiveFifteen) {
    loadAverages.add(oneFiveFifteen);
  }

  /** A line on whether the Redis path was really taken (gauges, cross-instance answers, keys). */
  void check(String line) {
    checks.add(line);
  }

  void print(PrintStream out, String setup) {
    out.println();
    out.println("## dcr-gateway shared state: memory vs Redis, 1 vs 2 instances, " + runs + " run(s), medians");
    out.println();
    out.println(setup + " Load average (1, 5, 15 min) at the start of each run: "
        + String.join("; ", loadAverages) + ".");
    out.println();
    out.println("| Scenario | Case | Registrations/s | ÷ (a) | Gateway CPU µs/reg (all instances) | Redis CPU µs/reg"
        + " | Gateway + Redis µs/reg | ÷ (a) | p50 / p99 ms | Redis commands/reg | Gateway CPU in JIT"
        + " | Load generator CPU µs/reg |");
    out.println("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for (Scenario s : scenarios()) {
      for (Deployment d : Deployment.values()) {
        if (window(s, d).isEmpty()) {
          continue;
        }
        out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s / %s | %s | %s %% | %s |%n",
            s.title(), d.title(),
            n0(median(s, d, m -> m.result().perSecond())), n2(ratioToMemory(s, d, m -> m.result().perSecond())),
            n0(median(s, d, ScaleMeasurement::gatewayMicrosPerRequest)),
            n0(median(s, d, ScaleMeasurement::redisMicrosPerRequest)),
            n0(median(s, d, ScaleMeasurement::totalMicrosPerRequest)),
            n2(ratioToMemory(s, d, ScaleMeasurement::totalMicrosPerRequest)),
            n2(median(s, d, m -> m.result().latency().p50())), n2(median(s, d, m -> m.result().latency().p99())),
            n2(median(s, d, ScaleMeasurement::redisCallsPerRequest)),
            n0(100 * median(s, d, ScaleMeasurement::compilerShare)),
            n0(median(s, d, ScaleMeasurement::clientMicrosPerRequest)));
      }
    }
    out.println();
    out.println("Redis commands per registration, by command (INFO commandstats over each window; the"
        + " gateways' PING every 2 s included):");
    for (Scenario s : scenarios()) {
      for (Deployment d : Deployment.values()) {
        if (window(s, d).isEmpty()) {
          continue;
        }
        Set<String> commands = new TreeSet<>();
        window(s, d).forEach(m -> commands.addAll(m.redisCalls().keySet()));
        String byCommand = commands.isEmpty() ? "none"
            : commands.stream().map(c -> c.toUpperCase(Locale.ROOT) + " " + n2(median(s, d, m -> m.redisCallsPerRequest(c))))
                .collect(Collectors.joining(", "));
        out.printf(Locale.ROOT, "- %s, %s: %s%n", s.title(), d.title(), byCommand);
      }
    }
    out.println();
    for (Scenario s : scenarios()) {
      for (Deployment d : Deployment.values()) {
        if (d.instances() < 2 || window(s, d).isEmpty()) {
          continue;
        }
        String shares = IntStream.range(0, d.instances())
            .mapToObj(i -> n0(100 * median(s, d, m -> m.instanceShares().get(i))) + " %")
            .collect(Collectors.joining(" / "));
        out.printf(Locale.ROOT, "Gateway CPU per instance, %s, %s: %s%n", s.title(), d.title(), shares);
      }
    }
    checks.forEach(out::println);
    List<String> problems = measurements.stream().filter(m -> !m.clean())
        .map(m -> String.format(Locale.ROOT, "run %d, %s, %s: expected %d for all %d answers, got %s, %d without answer%s",
            m.run(), m.scenario().title(), m.deployment().title(), m.scenario().expectedStatus(true),
            m.result().requests(), m.result().statuses(), m.result().failures(),
            m.result().firstFailure() == null ? "" : " (" + m.result().firstFailure() + ")"))
        .toList();
    out.println(problems.isEmpty() ? "Every answer had the expected status." : "UNEXPECTED ANSWERS:");
    problems.forEach(p -> out.println("  " + p));
  }

  /** Registrations answered 201 in the measured windows of the Redis-backed cases. */
  long acceptedThroughRedis() {
    return measurements.stream().filter(m -> m.deployment().redis()).mapToLong(m -> m.result().count(201)).sum();
  }

  /** Every answer of every window as expected. */
  boolean clean() {
    return measurements.stream().allMatch(ScaleMeasurement::clean);
  }

  private List<Scenario> scenarios() {
    return measurements.stream().map(ScaleMeasurement::scenario).distinct().sorted().toList();
  }

  private List<ScaleMeasurement> window(Scenario s, Deployment d) {
    return measurements.stream().filter(m -> m.scenario() == s && m.deployment() == d).toList();
  }

  private double median(Scenario s, Deployment d, ToDoubleFunction<ScaleMeasurement> value) {
    return Report.median(window(s, d).stream().map(value::applyAsDouble).toList());
  }

  /** This case ÷ case (a) within each run, then the median. */
  private double ratioToMemory(Scenario s, Deployment d, ToDoubleFunction<ScaleMeasurement> value) {
    List<Double> ratios = new ArrayList<>();
    for (ScaleMeasurement m : window(s, d)) {
      Optional<ScaleMeasurement> base = window(s, Deployment.ONE_MEMORY).stream()
          .filter(a -> a.run() == m.run()).findFirst();
      base.ifPresent(a -> ratios.add(value.applyAsDouble(m) / value.applyAsDouble(a)));
    }
    return Report.median(ratios);
  }

  private static String n0(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f", v);
  }

  private static String n2(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.2f", v);
  }
}
