package io.dcrgateway.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Listens to Vert.x's blocked-thread checker while a gateway runs in a test: anything that blocks
 * an event loop (file reads, blocking HTTP, slow crypto) fails the test that caused it.
 */
final class BlockedThreadWatch extends Handler implements AutoCloseable {

  private static final Logger CHECKER = Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker");

  private final List<String> warnings = new CopyOnWriteArrayList<>();

  BlockedThreadWatch() {
    CHECKER.addHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    warnings.add(record.getMessage());
  }

  @Override
  public void flush() {
  }

  /** @throws AssertionError if an event loop or worker was reported blocked */
  @Override
  public void close() {
    CHECKER.removeHandler(this);
    if (!warnings.isEmpty()) {
      throw new AssertionError("Vert.x reported blocked threads: " + warnings);
    }
  }
}
