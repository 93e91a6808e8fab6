package io.dcrgateway.bench;

import java.util.concurrent.TimeUnit;

/** Stopping the servers the benchmark started, and only those: by their own process handle. */
final class Processes {

  private Processes() {
  }

  /**
   * Stops every process this JVM started (gateways, nginx, Redis, the Vert.x floor) when it is
   * itself stopped, e.g. by Ctrl-C: they would otherwise keep their ports and cores. On a normal
   * end they are stopped already.
   */
  static void stopChildrenOnExit() {
    Runtime.getRuntime().addShutdownHook(new Thread(
        () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy), "stop-children"));
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
