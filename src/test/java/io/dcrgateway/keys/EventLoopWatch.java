package io.dcrgateway.keys;

import io.dcrgateway.testkit.TestVertx;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A Vert.x instance whose blocked-thread checker is strict and listened to: key fetches, file reads
 * and waits must never hold an event loop, and a test that makes one do so fails on close.
 */
final class EventLoopWatch extends Handler implements AutoCloseable {

  private static final Logger CHECKER = Logger.getLogger("io.vertx.core.impl.BlockedThreadChecker");

  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Vertx vertx;

  EventLoopWatch() {
    CHECKER.addHandler(this);
    vertx = TestVertx.create(new VertxOptions()
        .setBlockedThreadCheckInterval(100).setBlockedThreadCheckIntervalUnit(TimeUnit.MILLISECONDS)
        .setMaxEventLoopExecuteTime(1).setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
  }

  Vertx vertx() {
    return vertx;
  }

  @Override
  public void publish(LogRecord record) {
    warnings.add(record.getMessage());
  }

  @Override
  public void flush() {
  }

  @Override
  public void close() {
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("vertx did not close", e);
    } finally {
      CHECKER.removeHandler(this);
    }
    if (!warnings.isEmpty()) {
      throw new AssertionError("Vert.x reported blocked threads: " + warnings);
    }
  }
}
