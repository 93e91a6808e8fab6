package io.dcrgateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.audit.AuditFile;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditVerifyCommandTest {

  @TempDir
  Path dir;

  @Test
  void exitsZeroForAnIntactTrailAndOneAtTheFirstBreak() throws Exception {
    Path file = dir.resolve("audit.log");
    try (AuditFile audit = AuditFile.open(file, Long.MAX_VALUE, Clock.systemUTC())) {
      for (int i = 0; i < 5; i++) {
        audit.accept(new JsonObject().put("request_id", "r-" + i));
      }
    }
    assertThat(Main.execute("audit", "verify", file.toString())).isEqualTo(0);

    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.remove(1);
    Files.write(file, lines);
    assertThat(Main.execute("audit", "verify", file.toString())).isEqualTo(1);
  }
}
