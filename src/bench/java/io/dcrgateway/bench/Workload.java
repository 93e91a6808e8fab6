package io.dcrgateway.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The requests of one window. Registrations through the gateway are used once each (every
 * software statement has a fresh jti, and a jti seen before is a replay); everything else may
 * repeat its requests in a cycle.
 */
final class Workload {

  private final List<BenchRequest> requests;
  private final boolean cycle;
  private final BooleanSupplier ended;
  private final AtomicInteger next = new AtomicInteger();

  private Workload(List<BenchRequest> requests, boolean cycle, BooleanSupplier ended) {
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("a workload needs at least one request");
    }
    this.requests = List.copyOf(requests);
    this.cycle = cycle;
    this.ended = ended;
  }

  private Workload(List<BenchRequest> requests, boolean cycle) {
    this(requests, cycle, () -> false);
  }

  /**
   * The same requests, cycled from the first, until {@code ended} says so: a flood as long as the
   * window it floods. Cycling only: a once-only workload would hand its requests out again.
   */
  Workload until(BooleanSupplier ended) {
    if (!cycle) {
      throw new IllegalStateException("only a cycling workload can run until told to end");
    }
    return new Workload(requests, cycle, ended);
  }

  static Workload once(List<BenchRequest> requests) {
    return new Workload(requests, false);
  }

  static Workload cycling(List<BenchRequest> requests) {
    return new Workload(requests, true);
  }

  /** The next request, or null when a once-only workload is used up. */
  BenchRequest next() {
    if (ended.getAsBoolean()) {
      return null;
    }
    int i = next.getAndIncrement();
    if (cycle) {
      return requests.get(Math.floorMod(i, requests.size()));
    }
    return i < requests.size() ? requests.get(i) : null;
  }

  /** The requests handed out so far, in order (each once, for a once-only workload). */
  List<BenchRequest> handedOut() {
    return requests.subList(0, Math.min(next.get(), requests.size()));
  }

  /** How many requests a window can record at most (a cycling workload is bounded by time instead). */
  int capacity(int ceiling) {
    return cycle ? ceiling : Math.min(ceiling, requests.size());
  }
}
