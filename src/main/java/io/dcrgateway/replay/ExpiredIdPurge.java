package io.dcrgateway.replay;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Periodically removes expired ids from an {@link InMemoryReplayStore}, on a worker thread: a purge
 * walks every entry (up to a million), too long to run on an event loop.
 */
public final class ExpiredIdPurge {

  public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);
  private static final Logger LOG = Logger.getLogger(ExpiredIdPurge.class.getName());

  private final Vertx vertx;
  private final long timerId;
  // A slow purge must not pile up behind itself on the worker pool.
  private final AtomicBoolean running = new AtomicBoolean();

  private ExpiredIdPurge(Vertx vertx, InMemoryReplayStore store, Duration every) {
    this.vertx = vertx;
    this.timerId = vertx.setPeriodic(Math.max(1, every.toMillis()), id -> purge(store));
  }

  public static ExpiredIdPurge start(Vertx vertx, InMemoryReplayStore store, Duration every) {
    return new ExpiredIdPurge(vertx, store, every);
  }

  public void stop() {
    vertx.cancelTimer(timerId);
  }

  private void purge(InMemoryReplayStore store) {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    vertx.executeBlocking(store::purgeExpired, false)
        .onComplete(done -> {
          running.set(false);
          if (done.failed()) {
            LOG.log(Level.WARNING, "replay store purge failed", done.cause());
          } else if (done.result() > 0) {
            LOG.fine(() -> "replay store purged " + done.result() + " expired ids");
          }
        });
  }
}
