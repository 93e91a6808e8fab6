package io.dcrgateway.keys;

import java.util.concurrent.atomic.LongAdder;

/**
 * Fetch attempts and failures of one key set, optionally rolled up into the counters of the cache
 * that owns it, so metrics can later read either without walking every entry.
 */
final class FetchCounters {

  private final LongAdder fetches = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final FetchCounters total;

  FetchCounters() {
    this(null);
  }

  /** @param total counters that also see every fetch recorded here; null for none */
  FetchCounters(FetchCounters total) {
    this.total = total;
  }

  void fetched() {
    fetches.increment();
    if (total != null) {
      total.fetched();
    }
  }

  void failed() {
    failures.increment();
    if (total != null) {
      total.failed();
    }
  }

  long fetches() {
    return fetches.sum();
  }

  long failures() {
    return failures.sum();
  }
}
