package io.dcrgateway.keys;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a generous deadline: timing decides only how long, never the verdict. */
final class Eventually {

  static final Duration DEADLINE = Duration.ofSeconds(10);

  private Eventually() {
  }

  static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + DEADLINE + ": " + what);
      }
      Thread.sleep(10);
    }
  }
}
