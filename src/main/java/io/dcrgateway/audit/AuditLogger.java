package io.dcrgateway.audit;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
  private static final int CAPACITY = 16_384;
  /**
   * How long records gather before the writer takes them: under load it wakes by this clock
   * alone ({@link RecordHandOff}), 200 times a second; a line reaches the log at most this much
   * later.
   */
  static final long GATHER_NANOS = 5_000_000;

  private final RecordHandOff<JsonObject> records = new RecordHandOff<>(CAPACITY, GATHER_NANOS);
  private final Thread writer;
  /** Used by the writer thread only. */
  private final ConsoleLines lines = new ConsoleLines();

  public AuditLogger() {
    writer = new Thread(this::drain, "dcr-audit-logger");
    writer.setDaemon(true);
    writer.start();
  }

  @Override
  public void accept(JsonObject record) {
    if (!records.offer(record)) {
      write(record);
    }
  }

  /** Writes what is queued, then stops; later records are written by their callers. */
  @Override
  public void close() throws InterruptedException {
    records.close();
    writer.join(TimeUnit.SECONDS.toMillis(30));
  }

  private void drain() {
    List<JsonObject> batch = new ArrayList<>();
    while (records.next(batch)) {
      lines.write(LOG, batch, AuditLogger::write);
      batch.clear();
    }
  }

  private static void write(JsonObject record) {
    // Source named here: otherwise the formatter walks the stack to find it, once per record.
    LOG.logp(Level.INFO, AuditLogger.class.getName(), "write", record.encode());
  }
}
