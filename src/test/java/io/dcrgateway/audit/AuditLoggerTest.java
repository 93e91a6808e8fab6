package io.dcrgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.testkit.CapturedLog;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The logger sink writes off the caller's thread, in order, and loses nothing at close. */
class AuditLoggerTest {

  @Test
  void writesEveryRecordInOrderOffTheCallersThreadAndAllOfThemByClose() throws Exception {
    try (CapturedLog log = CapturedLog.of("io.dcrgateway.audit")) {
      AuditLogger sink = new AuditLogger();
      IntStream.range(0, 1000).forEach(i -> sink.accept(new JsonObject().put("n", i)));
      sink.close();

      List<String> lines = log.messages();
      assertThat(lines).hasSize(1000);
      assertThat(lines.get(0)).isEqualTo("{\"n\":0}");
      assertThat(lines.get(999)).isEqualTo("{\"n\":999}");
      assertThat(log.threads()).doesNotContain(Thread.currentThread().getName());
    }
  }
}
