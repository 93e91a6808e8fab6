package io.dcrgateway.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Request latencies of one measured window, recorded from several event loops, read once at the end. */
final class Latencies {

  private final long[] nanos;
  private final AtomicInteger count = new AtomicInteger();

  Latencies(int capacity) {
    nanos = new long[capacity];
  }

  void record(long latencyNanos) {
    int i = count.getAndIncrement();
    if (i < nanos.length) {
      nanos[i] = latencyNanos;
    }
  }

  /** p50, p90, p99 and max in milliseconds. */
  Distribution distribution() {
    long[] sorted = Arrays.copyOf(nanos, Math.min(count.get(), nanos.length));
    Arrays.sort(sorted);
    return new Distribution(at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99),
        sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6);
  }

  /** Nearest rank. */
  private static double at(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(quantile * sorted.length);
    return sorted[Math.max(0, rank - 1)] / 1e6;
  }

  record Distribution(double p50, double p90, double p99, double max) {
  }
}
