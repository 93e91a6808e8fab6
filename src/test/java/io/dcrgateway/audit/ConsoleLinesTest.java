package io.dcrgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A batch of audit lines reaches the console in one write, whole lines, or goes through the logger. */
class ConsoleLinesTest {

  private final Logger logger = Logger.getLogger("io.dcrgateway.audit.console-lines-test");
  private final ConsoleHandler console = new ConsoleHandler();
  private final Writes writes = new Writes();
  private final ConsoleLines lines = new ConsoleLines();

  ConsoleLinesTest() {
    console.setFormatter(new Formatter() {
      @Override
      public String format(LogRecord record) {
        return record.getLevel() + " " + record.getLoggerName() + " " + record.getMessage() + "\n";
      }
    });
    logger.setUseParentHandlers(false);
    logger.addHandler(console);
  }

  @AfterEach
  void detach() {
    logger.removeHandler(console);
    logger.setUseParentHandlers(true);
    logger.setLevel(null);
  }

  @Test
  void aBatchIsOneWriteOfEveryLineInOrderAsTheConsoleFormatsIt() {
    assertThat(ConsoleLines.theOnlyConsole(logger)).isSameAs(console);

    lines.write(logger, console, writes.stream(), records(3));

    assertThat(writes.calls).hasSize(1);
    lines.write(logger, console, writes.stream(), records(1));
    assertThat(writes.calls).hasSize(2);
    assertThat(writes.calls.get(1)).as("the next batch starts afresh").isEqualTo(
        "INFO io.dcrgateway.audit.console-lines-test {\"n\":0}\n");
    assertThat(writes.calls.get(0)).isEqualTo("INFO io.dcrgateway.audit.console-lines-test {\"n\":0}\n"
        + "INFO io.dcrgateway.audit.console-lines-test {\"n\":1}\n"
        + "INFO io.dcrgateway.audit.console-lines-test {\"n\":2}\n");
  }

  @Test
  void aBacklogGoesOutInPiecesOfWholeLines() {
    lines.write(logger, console, writes.stream(), records(5_000));

    assertThat(writes.calls).hasSizeGreaterThan(1);
    assertThat(writes.calls).allSatisfy(write -> assertThat(write).endsWith("\n"));
    String all = String.join("", writes.calls);
    assertThat(all.split("\n")).hasSize(5_000);
    assertThat(all).endsWith("{\"n\":4999}\n");
  }

  @Test
  void theConsolesLevelAndTheLoggersLevelStillDecide() {
    console.setLevel(Level.WARNING);
    lines.write(logger, console, writes.stream(), records(2));
    console.setLevel(Level.ALL);
    logger.setLevel(Level.OFF);
    lines.write(logger, console, writes.stream(), records(2));

    assertThat(writes.calls).isEmpty();
  }

  @Test
  void anyOtherHandlerMeansEveryRecordThroughTheLogger() {
    Handler another = new ConsoleHandler();
    logger.addHandler(another);
    try {
      List<JsonObject> oneByOne = new ArrayList<>();
      lines.write(logger, records(2), oneByOne::add);

      assertThat(ConsoleLines.theOnlyConsole(logger)).isNull();
      assertThat(oneByOne).hasSize(2);
    } finally {
      logger.removeHandler(another);
    }
  }

  private static List<JsonObject> records(int count) {
    return IntStream.range(0, count).mapToObj(n -> new JsonObject().put("n", n)).toList();
  }

  /** Each write call to the stream, as text. */
  private static final class Writes extends OutputStream {
    final List<String> calls = new ArrayList<>();

    PrintStream stream() {
      return new PrintStream(this, false, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) {
      calls.add(String.valueOf((char) b));
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      calls.add(new String(bytes, offset, length, StandardCharsets.UTF_8));
    }
  }
}
