package io.dcrgateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7: no unaudited decision. While the audit file cannot be written (here a real disk-full:
 * the file is /dev/full, where every write fails with ENOSPC) registrations are refused with 503
 * and nothing is forwarded; readiness and metrics say why; once the file is writable again the
 * record that waited is written, the chain is intact and requests are served again.
 */
@EnabledOnOs(OS.LINUX)
class AuditTrailFailClosedTest {

  @TempDir
  Path dir;

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = TestVertx.create();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aFullDiskRefusesRegistrationsUntilTheTrailCanBeWrittenAgain() throws Exception {
    Path file = dir.resolve("audit.log");
    Files.createSymbolicLink(file, Path.of("/dev/full"));
    AuditFile auditFile = AuditFile.open(file, 1L << 20, Clock.systemUTC());
    try (RecordingUpstream upstream = RecordingUpstream.start(vertx);
        RunningGateway gateway = RunningGateway.start(vertx, TestConfigs.forUpstream(upstream.baseUrl()),
            Optional.of(auditFile))) {
      // The first decision is made before any write failed; its record is the one that cannot be written.
      assertThat(register(gateway).statusCode()).isEqualTo(201);
      until("the audit file reports the failure", () -> auditFile.problem().isPresent());

      HttpResponse<Buffer> refused = register(gateway);

      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("temporarily_unavailable");
      assertThat(refused.getHeader("Retry-After")).isNotBlank();
      assertThat(upstream.received()).hasSize(1);
      assertThat(gateway.audit().await(1).getString("reason")).isEqualTo("audit.unavailable");
      HttpResponse<Buffer> ready = admin(gateway, "/health/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(ready.bodyAsJsonObject().getJsonObject("problems").getString("audit-trail"))
          .contains("No space left on device");
      assertThat(admin(gateway, "/metrics").bodyAsString().lines())
          .contains("dcr_gateway_audit_writable 0.0")
          .anyMatch(line -> line.startsWith("dcr_gateway_audit_write_failures_total ") && !line.endsWith(" 0.0"));

      // Space again: the file is a regular one from now on.
      Files.delete(file);
      until("the waiting records are written", () -> auditFile.problem().isEmpty());

      assertThat(register(gateway).statusCode()).isEqualTo(201);
      assertThat(admin(gateway, "/health/ready").statusCode()).isEqualTo(200);
    } finally {
      auditFile.close();
    }
    AuditVerification.Result trail = AuditVerification.verify(List.of(file), Optional.empty());
    assertThat(trail.intact()).isTrue();
    assertThat(trail.records()).isEqualTo(3);
    assertThat(Files.readAllLines(file)).map(line -> new JsonObject(line).getInteger("status"))
        .containsExactly(201, 503, 201);
  }

  private HttpResponse<Buffer> register(RunningGateway gateway) throws Exception {
    return TppClient.create(vertx, DevPkiLayout.OFB_TPP1_A)
        .post(gateway.port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{}"))
        .await(20, TimeUnit.SECONDS);
  }

  private HttpResponse<Buffer> admin(RunningGateway gateway, String path) throws Exception {
    return WebClient.create(vertx).get(gateway.adminPort(), "127.0.0.1", path).send().await(10, TimeUnit.SECONDS);
  }

  private static void until(String what, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within 20 s: " + what);
      }
      Thread.sleep(10);
    }
  }
}
