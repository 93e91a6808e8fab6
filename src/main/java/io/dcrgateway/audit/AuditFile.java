package io.dcrgateway.audit;

import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Appends audit records to a file, hash-chained, from one writer thread: the event loop only
 * hands a record over (never waits on the disk). The queue is bounded; when it is full the
 * request path waits briefly rather than drop a record, because a silently missing decision is
 * worse than a slow one. {@link #close()} drains the queue and syncs the file, so a graceful
 * shutdown loses nothing. When the file passes {@code maxBytes} it is renamed with a timestamp and
 * a new one starts, its first record linked to the last record of the old one. Rotated names sort
 * in the order they were written, so {@code audit verify <file>.* <file>} checks the whole trail.
 */
public final class AuditFile implements Consumer<JsonObject>, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(AuditFile.class.getName());
  private static final JsonObject STOP = new JsonObject();
  private static final DateTimeFormatter ROTATED =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path file;
  private final long maxBytes;
  private final Clock clock;
  private final BlockingQueue<JsonObject> queue = new ArrayBlockingQueue<>(65_536);
  private final AuditChain chain;
  private final Thread writer;
  private BufferedWriter out;
  private long size;
  private int rotations;

  private AuditFile(Path file, long maxBytes, Clock clock) throws IOException {
    this.file = file;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.chain = new AuditChain(lastHashIn(file));
    this.out = open(file);
    this.size = Files.size(file);
    this.writer = new Thread(this::drain, "dcr-audit-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /** Continues the chain of an existing file, or starts one. */
  public static AuditFile open(Path file, long maxBytes, Clock clock) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    return new AuditFile(file, maxBytes, clock);
  }

  @Override
  public void accept(JsonObject record) {
    try {
      if (!queue.offer(record, 5, TimeUnit.SECONDS)) {
        LOG.severe("audit queue full for 5 s: the audit file cannot keep up; record kept in the log: " + record.encode());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws InterruptedException {
    queue.put(STOP);
    writer.join(TimeUnit.SECONDS.toMillis(30));
  }

  private void drain() {
    while (true) {
      JsonObject record;
      try {
        record = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        if (record == STOP) {
          out.flush();
          out.close();
          return;
        }
        write(chain.link(record));
        if (queue.isEmpty()) {
          out.flush();
        }
      } catch (IOException | UncheckedIOException e) {
        // Keep going: one failed write must not silence the trail. The record is in the log.
        LOG.log(Level.SEVERE, "audit file " + file + " could not take a record: " + record.encode(), e);
      }
    }
  }

  private void write(String line) throws IOException {
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    if (size > 0 && size + bytes.length > maxBytes) {
      rotate();
    }
    out.write(line);
    out.write('\n');
    size += bytes.length;
  }

  private void rotate() throws IOException {
    out.flush();
    out.close();
    Files.move(file, rotatedName());
    out = open(file);
    size = 0;
  }

  /** {@code <file>.<UTC timestamp>-<n>}: unique, and sorted by name in the order written. */
  private Path rotatedName() {
    String stem = file.getFileName().toString() + "." + ROTATED.format(clock.instant()) + "-";
    Path candidate;
    do {
      candidate = file.resolveSibling(stem + String.format("%06d", ++rotations));
    } while (Files.exists(candidate));
    return candidate;
  }

  private static BufferedWriter open(Path file) throws IOException {
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  private static String lastHashIn(Path file) throws IOException {
    if (!Files.exists(file)) {
      return AuditChain.GENESIS;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!lines.get(i).isEmpty()) {
        return AuditChain.hash(lines.get(i));
      }
    }
    return AuditChain.GENESIS;
  }
}
