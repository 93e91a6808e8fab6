package io.dcrgateway.audit;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes audit records as JSON lines to the {@code io.dcrgateway.audit} logger from one thread
 * of its own: encoding and java.util.logging's formatting and console write (a blocking write
 * to stderr, flushed per record) would otherwise run on the event loop, once per request.
 *
 * <p>Nothing is dropped: when the queue is full (the log cannot keep up), the caller writes the
 * record itself, slower but complete, so such a line may come out of order; the hash-chained
 * audit file keeps the order. {@link #close()} writes what is queued. A batch goes to the
 * console in one write where the console is where the logger's records go ({@link ConsoleLines}).
 */
public final class AuditLogger implements java.util.function.Consumer<JsonObject>, AutoCloseable {

  private static final Logger LOG = Logger.getLogger("io.dcrgateway.audit");
  private static final JsonObject STOP = new JsonObject();
  private static final int CAPACITY = 16_384;
  /**
   * How long the writer lets records gather once woken. While it sleeps, the event loops' offers
   * find no waiter to wake: under load one wake-up per millisecond instead of one per request
   * (each a futex call and a context switch on both sides); a line reaches the log at most this
   * much later.
   */
  static final long GATHER_NANOS = 1_000_000;

  private final BlockingQueue<JsonObject> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Thread writer;
  /** Used by the writer thread only. */
  private final ConsoleLines lines = new ConsoleLines();
  private volatile boolean closed;

  public AuditLogger() {
    writer = new Thread(this::drain, "dcr-audit-logger");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void accept(JsonObject record) {
    if (closed || !queue.offer(record)) {
      write(record);
    }
  }

  /** Writes what is queued, then stops; later records are written by their callers. */
  @Override
  public void close() throws InterruptedException {
    closed = true;
    queue.put(STOP);
    writer.join(TimeUnit.SECONDS.toMillis(30));
  }

  private void drain() {
    List<JsonObject> batch = new ArrayList<>();
    try {
      while (true) {
        batch.add(queue.take());
        if (!closed) {
          LockSupport.parkNanos(GATHER_NANOS);
        }
        queue.drainTo(batch);
        int stop = batch.indexOf(STOP);
        lines.write(LOG, stop < 0 ? batch : batch.subList(0, stop), AuditLogger::write);
        if (stop >= 0) {
          return;
        }
        batch.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void write(JsonObject record) {
    // Source named here: otherwise the formatter walks the stack to find it, once per record.
    LOG.logp(Level.INFO, AuditLogger.class.getName(), "write", record.encode());
  }
}
