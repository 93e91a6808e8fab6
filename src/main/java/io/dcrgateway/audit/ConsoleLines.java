package io.dcrgateway.audit;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * A batch of audit records to stderr in one write. java.util.logging's ConsoleHandler flushes
 * after every record: one write system call per request under load. Where the audit logger's
 * records reach exactly one handler and it is a plain ConsoleHandler (the shipped logging), the
 * batch is formatted by that handler's formatter, level and filter applied as it would, and
 * written at once; whole lines only, so a line of another logger never lands inside one. Any
 * other logging set-up (an operator's own handlers, files, filters on the logger) gets every
 * record through java.util.logging, as before.
 *
 * <p>One instance per writer thread: its buffer is reused from batch to batch.
 */
final class ConsoleLines {

  /** A write is at most about this long: a backlog goes out in pieces, each whole lines. */
  private static final int CHUNK_BYTES = 64 * 1024;

  private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK_BYTES + 4096);

  /** Writes the records' JSON to where {@code logger} sends them; {@code oneByOne} is the way through the logger. */
  void write(Logger logger, List<JsonObject> records, Consumer<JsonObject> oneByOne) {
    if (records.isEmpty()) {
      return;
    }
    Handler console = theOnlyConsole(logger);
    if (console == null) {
      records.forEach(oneByOne);
      return;
    }
    write(logger, console, System.err, records);
  }

  void write(Logger logger, Handler console, PrintStream err, List<JsonObject> records) {
    if (!logger.isLoggable(Level.INFO)) {
      return;
    }
    try {
      Charset charset = charsetOf(console);
      for (JsonObject json : records) {
        LogRecord record = new LogRecord(Level.INFO, json.encode());
        record.setLoggerName(logger.getName());
        record.setSourceClassName(AuditLogger.class.getName());
        record.setSourceMethodName("write");
        if (console.isLoggable(record)) {
          // Encoded in one go: a Writer would first copy a line of over 1,024 chars into a char[].
          chunk.writeBytes(console.getFormatter().format(record).getBytes(charset));
        }
        if (chunk.size() >= CHUNK_BYTES) {
          flush(err);
        }
      }
      flush(err);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an in-memory stream: not expected
    }
  }

  private void flush(PrintStream err) throws IOException {
    if (chunk.size() > 0) {
      // One PrintStream.write for the whole chunk: it holds the stream's lock, no other line gets in.
      chunk.writeTo(err);
      err.flush();
      chunk.reset();
    }
  }

  /** The handler the logger's records reach, if that is one plain ConsoleHandler and nothing else. */
  static Handler theOnlyConsole(Logger logger) {
    if (logger.getFilter() != null) {
      return null;
    }
    List<Handler> handlers = new ArrayList<>(1);
    for (Logger at = logger; at != null; at = at.getUseParentHandlers() ? at.getParent() : null) {
      handlers.addAll(List.of(at.getHandlers()));
    }
    return handlers.size() == 1 && handlers.get(0).getClass() == ConsoleHandler.class ? handlers.get(0) : null;
  }

  private static Charset charsetOf(Handler handler) {
    String encoding = handler.getEncoding();
    try {
      return encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
    } catch (IllegalArgumentException e) {
      return Charset.defaultCharset();
    }
  }
}
