package io.dcrgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The logger sink writes off the caller's thread, in order, and loses nothing at close. */
class AuditLoggerTest {

  @Test
  void writesEveryRecordInOrderOffTheCallersThreadAndAllOfThemByClose() throws Exception {
    List<String> lines = Collections.synchronizedList(new ArrayList<>());
    List<String> threads = Collections.synchronizedList(new ArrayList<>());
    Logger logger = Logger.getLogger("io.dcrgateway.audit");
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        lines.add(record.getMessage());
        threads.add(Thread.currentThread().getName());
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    logger.addHandler(capture);
    try {
      AuditLogger sink = new AuditLogger();
      IntStream.range(0, 1000).forEach(i -> sink.accept(new JsonObject().put("n", i)));
      sink.close();

      assertThat(lines).hasSize(1000);
      assertThat(lines.get(0)).isEqualTo("{\"n\":0}");
      assertThat(lines.get(999)).isEqualTo("{\"n\":999}");
      assertThat(threads).doesNotContain(Thread.currentThread().getName());
    } finally {
      logger.removeHandler(capture);
    }
  }
}
