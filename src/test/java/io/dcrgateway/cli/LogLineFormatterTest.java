package io.dcrgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/** One line per record, UTC time first, so container log collectors can parse it. */
class LogLineFormatterTest {

  private final LogLineFormatter formatter = new LogLineFormatter();

  @Test
  void aRecordIsTimeLevelLoggerAndMessageOnOneLine() {
    LogRecord record = new LogRecord(Level.INFO, "{\"event\":\"registration\"}");
    record.setLoggerName("io.dcrgateway.audit");
    record.setInstant(Instant.parse("2026-12-03T22:10:00.007Z"));

    assertThat(formatter.format(record))
        .isEqualTo("2026-12-03T22:10:00.007Z INFO io.dcrgateway.audit {\"event\":\"registration\"}"
            + System.lineSeparator());
  }

  @Test
  void parametersAreFilledAndTheStackTraceFollows() {
    LogRecord record = new LogRecord(Level.WARNING, "reload of {0} failed");
    record.setLoggerName("io.dcrgateway.reload");
    record.setInstant(Instant.parse("2026-12-03T22:10:00Z"));
    record.setParameters(new Object[] {"conf/gateway.yaml"});
    record.setThrown(new IllegalStateException("bad yaml"));

    String line = formatter.format(record);

    assertThat(line).startsWith("2026-12-03T22:10:00.000Z WARNING io.dcrgateway.reload reload of conf/gateway.yaml"
        + " failed" + System.lineSeparator() + "java.lang.IllegalStateException: bad yaml");
    assertThat(line).contains("at io.dcrgateway.cli.LogLineFormatterTest");
  }
}
