package io.dcrgateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.TestConfigs;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HealthTest {

  @Test
  void liveAndReadyOnTheAdminListenerOnceListenersAreUp(Vertx vertx) throws Exception {
    try (RecordingUpstream upstream = RecordingUpstream.start(vertx);
        RunningGateway gateway = RunningGateway.start(vertx, TestConfigs.forUpstream(upstream.baseUrl()))) {
      WebClient admin = WebClient.create(vertx);

      for (String path : new String[] {"/health/live", "/health/ready"}) {
        HttpResponse<Buffer> response = admin.get(gateway.adminPort(), "127.0.0.1", path)
            .send().await(10, TimeUnit.SECONDS);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.bodyAsJsonObject().getString("status")).isEqualTo("UP");
      }
    }
  }

  @Test
  void notReadyOnceStopping(Vertx vertx) throws Exception {
    Readiness readiness = new Readiness();
    assertThat(readiness.isReady()).isFalse();
    readiness.ready();
    readiness.notReady();
    assertThat(readiness.isReady()).isFalse();
  }
}
