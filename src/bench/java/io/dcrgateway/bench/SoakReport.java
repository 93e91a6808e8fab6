package io.dcrgateway.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The soak run's verdict, as Markdown: what every stream received, the audit trail against it,
 * and the flatness of each sampled figure. PASS only when all three hold.
 */
final class SoakReport {

  /** What may grow between the first and last third of the judged samples (see {@link SoakFlatness}). */
  static final List<SoakFlatness.Limit> LIMITS = List.of(
      new SoakFlatness.Limit("heap after GC", "MiB", s -> s.heapAfterGcKib() / 1024.0, 0.10, 8),
      new SoakFlatness.Limit("RSS", "MiB", s -> s.rssKib() / 1024.0, 0.10, 32),
      new SoakFlatness.Limit("open file descriptors", "count", SoakSample::openFds, 0.10, 16),
      new SoakFlatness.Limit("threads", "count", SoakSample::threads, 0, 8),
      new SoakFlatness.Limit("event-loop lag, mean", "ms", SoakSample::lagMeanMillis, 1.0, 5));

  private final Map<SoakStream, Soak.StreamTally> tallies;
  private final double rateScale;
  private final AuditTally audit;
  private final boolean chainVerified;
  private final String chainOutput;
  private final List<SoakSample> samples;
  private final int warmupSeconds;
  private final String loadAtStart;
  private final String loadAtEnd;
  private final String setup;

  SoakReport(Map<SoakStream, Soak.StreamTally> tallies, double rateScale, AuditTally audit, boolean chainVerified, String chainOutput,
      List<SoakSample> samples, int warmupSeconds, String loadAtStart, String loadAtEnd, String setup) {
    this.tallies = tallies;
    this.rateScale = rateScale;
    this.audit = audit;
    this.chainVerified = chainVerified;
    this.chainOutput = chainOutput;
    this.samples = List.copyOf(samples);
    this.warmupSeconds = warmupSeconds;
    this.loadAtStart = loadAtStart;
    this.loadAtEnd = loadAtEnd;
    this.setup = setup;
  }

  /** @return whether the run passed */
  boolean print(PrintStream out) {
    List<String> failures = new ArrayList<>();
    out.println();
    out.println("## Soak run");
    out.println();
    out.println(setup + " Load average " + loadAtStart + " at the start, " + loadAtEnd + " at the end.");
    out.println();
    out.println("| Traffic | Rate /s | Requests | Statuses | Expected | No answer | Worst round p99 ms | |");
    out.println("|---|--:|--:|---|--:|--:|--:|---|");
    Map<Integer, Long> clientStatuses = new TreeMap<>();
    clientStatuses.put(201, 1L); // the registration of the client the GETs read
    long requests = 1;
    for (Map.Entry<SoakStream, Soak.StreamTally> e : tallies.entrySet()) {
      SoakStream stream = e.getKey();
      Soak.StreamTally t = e.getValue();
      boolean ok = t.failures == 0 && t.requests > 0 && t.statuses.keySet().equals(java.util.Set.of(stream.expectedStatus()));
      if (!ok) {
        failures.add(stream.title() + ": " + t.statuses + (t.failures > 0 ? ", " + t.failures + " without answer: "
            + t.firstFailure : ""));
      }
      t.statuses.forEach((status, n) -> clientStatuses.merge(status, n, Long::sum));
      requests += t.requests + t.failures;
      out.println(String.format(Locale.ROOT, "| %s | %.1f | %,d | %s | %d | %d | %.1f | %s |", stream.title(),
          stream.perSecond() * rateScale, t.requests, t.statuses, stream.expectedStatus(), t.failures, t.worstP99Millis,
          ok ? "ok" : "**FAIL**"));
    }

    long forwarded = clientStatuses.getOrDefault(200, 0L) + clientStatuses.getOrDefault(201, 0L);
    Map<String, Long> expectedOutcomes = new TreeMap<>(Map.of("forwarded", forwarded, "rejected", requests - forwarded));
    expectedOutcomes.values().removeIf(n -> n == 0);
    boolean complete = audit.records() == requests && audit.byStatus().equals(clientStatuses)
        && audit.byOutcome().equals(expectedOutcomes);
    if (!complete) {
      failures.add("audit trail: " + audit.records() + " records " + audit.byOutcome() + " " + audit.byStatus()
          + " for " + requests + " requests " + expectedOutcomes + " " + clientStatuses);
    }
    if (!chainVerified) {
      failures.add("audit verify: " + chainOutput);
    }
    out.println();
    out.println(String.format(Locale.ROOT, "Audit trail: %,d records for %,d requests sent (the GETs' client's"
        + " registration included), by outcome %s, by status %s: %s. `dcr-gateway audit verify`: %s",
        audit.records(), requests, audit.byOutcome(), audit.byStatus(), complete ? "one per request" : "**MISMATCH**",
        chainOutput));
    out.println();
    out.println("| Outcome | Status | Reason | Records |");
    out.println("|---|--:|---|--:|");
    audit.byDecision().forEach((decision, n) -> out.println(String.format(Locale.ROOT, "| %s | %,d |", decision, n)));

    List<SoakSample> judged = samples.stream().filter(s -> s.elapsedSeconds() >= warmupSeconds).toList();
    out.println();
    out.println(String.format(Locale.ROOT, "%d samples, %d judged (after the first %d s): median of the first third"
        + " against the last third.", samples.size(), judged.size(), warmupSeconds));
    out.println();
    out.println("| Figure | First third | Last third | Range | Change | Allowed | |");
    out.println("|---|--:|--:|--:|--:|--:|---|");
    if (judged.size() < 3) {
      failures.add("flatness: " + judged.size() + " judged samples, 3 at least");
    } else {
      for (SoakFlatness.Limit limit : LIMITS) {
        SoakFlatness f = SoakFlatness.of(judged, limit);
        out.println(f.row());
        if (!f.flat()) {
          failures.add(f.figure() + " grew from " + f.first() + " to " + f.last() + " " + f.unit());
        }
      }
      out.println(String.format(Locale.ROOT, "| event-loop lag, max in any 2-min window (ms) | | | %.1f–%.1f | | | shown |",
          judged.stream().mapToDouble(SoakSample::lagMaxMillis).min().orElse(0),
          judged.stream().mapToDouble(SoakSample::lagMaxMillis).max().orElse(0)));
    }
    out.println();
    out.println(failures.isEmpty() ? "**PASS**" : "**FAIL**");
    failures.forEach(f -> out.println("- " + f));
    return failures.isEmpty();
  }
}
