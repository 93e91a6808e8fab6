package io.dcrgateway.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * When {@code line} appeared in the process's log (polled every millisecond, so a start-up reads
   * at most about that much late), or 0 if the process died or the deadline passed first.
   */
  static long awaitLine(Process process, Path log, String line, long deadline) throws IOException, InterruptedException {
    try (InputStream in = Files.newInputStream(log)) {
      ByteArrayOutputStream seen = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      while (System.nanoTime() < deadline) {
        int read = in.read(chunk);
        if (read > 0) {
          seen.write(chunk, 0, read);
          if (seen.toString(StandardCharsets.UTF_8).contains(line)) {
            return System.nanoTime();
          }
          continue;
        }
        if (!process.isAlive()) {
          return 0;
        }
        Thread.sleep(1);
      }
    }
    return 0;
  }
}
