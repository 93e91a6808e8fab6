package io.dcrgateway.audit;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Appends audit records to a file, hash-chained, from one writer thread: the event loop only
 * hands a record over (never waits on the disk, nor for room in the queue), and the writer takes
 * what gathered over a few milliseconds ({@link RecordHandOff}) in one write. The queue is
 * bounded; once it holds more than {@link #BACKLOG} records the disk cannot keep up, and
 * {@link #problem()} says so until it has caught up, so the pipeline refuses new requests (503)
 * while the room left takes the records of the requests in flight and of the refusals. Were even
 * that full, the record goes to the log (never dropped silently). {@link #close()} drains the queue and syncs the file, so a graceful
 * shutdown loses nothing. When the file passes {@code maxBytes} it is renamed with a timestamp and
 * a new one starts, its first record linked to the last record of the old one. Rotated names sort
 * in the order they were written, so {@code audit verify <file>.* <file>} checks the whole trail.
 *
 * <p>When a write fails (disk full, file system read-only, file removed from under a closed
 * handle), the partial line is cut off, the record is kept and written again every
 * {@link #RETRY_INTERVAL} with the file reopened, and {@link #problem()} says what is wrong until a
 * write succeeds: the chain stays unbroken, and the pipeline refuses requests meanwhile
 * (fail closed, see {@link AuditHealth}).
 */
public final class AuditFile implements Consumer<JsonObject>, AuditHealth, AutoCloseable {

  static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);
  private static final int CAPACITY = 65_536;
  /** Below the kernel's IOV_MAX (1,024), the most buffers one gathering write takes. */
  private static final int MAX_LINES_PER_WRITE = 512;
  /** Three quarters: the last quarter is for records of requests already admitted, and refusals. */
  static final int BACKLOG = CAPACITY / 4 * 3;
  private static final Logger LOG = Logger.getLogger(AuditFile.class.getName());
  private static final DateTimeFormatter ROTATED =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path file;
  private final long maxBytes;
  private final Clock clock;
  private final RecordHandOff<JsonObject> queue = new RecordHandOff<>(CAPACITY, AuditLogger.GATHER_NANOS);
  private final AuditChain chain;
  private final Thread writer;
  private final AtomicLong failures = new AtomicLong();
  private volatile Optional<String> problem = Optional.empty();
  // Writer thread only.
  private FileChannel out;
  private long size;
  private int rotations;

  private AuditFile(Path file, long maxBytes, Clock clock) throws IOException {
    this.file = file;
    this.maxBytes = maxBytes;
    this.clock = clock;
    this.chain = new AuditChain(lastHashIn(file));
    this.out = open(file);
    this.size = out.size();
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
    // Never waits: a wait here would stall the event loop, and all the requests on it.
    if (!queue.offer(record)) {
      LOG.severe((queue.closed() ? "audit file closed" : "audit queue full: the audit file cannot keep up")
          + "; record kept in the log: " + record.encode());
    }
  }

  /** A failing disk, or one too slow for the requests: either way no new decision is made. */
  @Override
  public Optional<String> problem() {
    Optional<String> failing = problem;
    if (failing.isPresent()) {
      return failing;
    }
    int waiting = queue.size();
    return waiting < BACKLOG ? failing
        : Optional.of("audit file " + file + " cannot keep up: " + waiting + " records waiting to be written");
  }

  @Override
  public long writeFailures() {
    return failures.get();
  }

  @Override
  public void close() throws InterruptedException {
    queue.close();
    writer.join(TimeUnit.SECONDS.toMillis(30));
  }

  /** Each gathered batch linked, then written in as few writes as rotation allows. */
  private void drain() {
    List<JsonObject> batch = new ArrayList<>();
    List<ByteBuffer> lines = new ArrayList<>();
    try {
      while (queue.next(batch)) {
        // Linked once: lines retried after a failure keep their place in the chain.
        batch.forEach(record -> lines.add(ByteBuffer.wrap((chain.link(record) + "\n").getBytes(StandardCharsets.UTF_8))));
        batch.clear();
        int written = write(lines, 0);
        while (written < lines.size()) {
          if (queue.closed()) {
            lines.subList(written, lines.size()).forEach(line -> keepInLog(text(line)));
            // And the records still queued behind them: nothing is dropped silently.
            while (queue.next(batch)) {
              batch.forEach(record -> keepInLog(record.encode()));
              batch.clear();
            }
            return;
          }
          Thread.sleep(RETRY_INTERVAL.toMillis());
          written = write(lines, written);
        }
        lines.clear();
      }
      closeFile();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Whole lines from {@code from} on, each run that fits before a rotation in one gathering write;
   * returns the index of the first line not written. A failed write is cut back so the chain
   * never holds half a record.
   */
  private int write(List<ByteBuffer> lines, int from) {
    int written = from;
    try {
      if (out == null) {
        out = open(file);
        long found = out.size();
        if (found > size && size > 0) {
          out.truncate(size);
        }
        size = Math.min(found, out.size());
      }
      while (written < lines.size()) {
        int end = written;
        long bytes = 0;
        while (end < lines.size() && end - written < MAX_LINES_PER_WRITE
            && (size + bytes == 0 || size + bytes + lines.get(end).remaining() <= maxBytes)) {
          bytes += lines.get(end).remaining();
          end++;
        }
        if (end == written) {
          rotate();
          continue;
        }
        ByteBuffer[] run = lines.subList(written, end).stream().map(ByteBuffer::duplicate).toArray(ByteBuffer[]::new);
        while (run[run.length - 1].hasRemaining()) {
          out.write(run);
        }
        size += bytes;
        written = end;
      }
      if (problem.isPresent()) {
        LOG.warning("audit file " + file + " is writable again; requests are served again");
        problem = Optional.empty();
      }
      return written;
    } catch (IOException | RuntimeException e) {
      failures.incrementAndGet();
      if (problem.isEmpty()) {
        LOG.severe("audit file " + file + " cannot be written (" + e + "); requests are refused until it can"
            + " (retrying every " + RETRY_INTERVAL.toMillis() + " ms)");
      }
      problem = Optional.of("audit file " + file + " cannot be written: " + e.getMessage());
      abandonPartialLine();
      return written;
    }
  }

  private void keepInLog(String record) {
    LOG.severe("audit file " + file + " still cannot be written at shutdown; record kept in the log: " + record);
  }

  private static String text(ByteBuffer line) {
    return StandardCharsets.UTF_8.decode(line.duplicate()).toString().stripTrailing();
  }

  private void abandonPartialLine() {
    if (out == null) {
      return;
    }
    try {
      if (out.size() > size) {
        out.truncate(size);
      }
    } catch (IOException | RuntimeException e) {
      // Reopening will try again.
    }
    try {
      out.close();
    } catch (IOException e) {
      // Nothing more to lose.
    }
    out = null;
  }

  private void closeFile() {
    if (out == null) {
      return;
    }
    try {
      out.force(false);
      out.close();
    } catch (IOException e) {
      LOG.severe("audit file " + file + " could not be synced at close: " + e.getMessage());
    }
  }

  private void rotate() throws IOException {
    out.force(false);
    out.close();
    out = null;
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

  private static FileChannel open(Path file) throws IOException {
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
  }

  /** Only a regular file is read back: a device (such as /dev/full) would never end. */
  private static String lastHashIn(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
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
