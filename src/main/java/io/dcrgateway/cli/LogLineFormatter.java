package io.dcrgateway.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * {@code 2026-12-03T22:10:00.123Z INFO logger message}, and the stack trace if any, per record.
 * What SimpleFormatter's pattern gave, without its cost: String.format per record and a stack walk
 * for the source it then does not print; the audit logger writes one line per request. The time is
 * UTC, as its {@code Z} says (the pattern printed local time before a literal Z).
 */
final class LogLineFormatter extends Formatter {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  @Override
  public String format(LogRecord record) {
    String message = formatMessage(record);
    // Room for the whole line: a builder that outgrows its size is copied (an audit line is a kB).
    StringBuilder line = new StringBuilder(48 + String.valueOf(record.getLoggerName()).length() + message.length());
    TIME.formatTo(record.getInstant(), line);
    line.append(' ').append(record.getLevel().getLocalizedName()).append(' ').append(record.getLoggerName())
        .append(' ').append(message);
    if (record.getThrown() != null) {
      StringWriter trace = new StringWriter();
      try (PrintWriter out = new PrintWriter(trace)) {
        out.println();
        record.getThrown().printStackTrace(out);
      }
      line.append(trace);
    }
    return line.append(System.lineSeparator()).toString();
  }
}
