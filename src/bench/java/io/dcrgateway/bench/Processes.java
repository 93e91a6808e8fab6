package io.dcrgateway.bench;

import java.util.concurrent.TimeUnit;

/** Stopping the servers the benchmark started, and only those: by their own process handle. */
final class Processes {

  private Processes() {
  }

  static void stop(Process process, int graceSeconds) {
    process.destroy();
    try {
      if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
