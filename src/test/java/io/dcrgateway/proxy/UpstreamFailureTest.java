package io.dcrgateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.UpstreamConfig;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An identity server that is down or silent gets the TPP a JSON 502/504, not a hang. */
@ExtendWith(VertxExtension.class)
class UpstreamFailureTest {

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
  void unreachableIdentityServerIs502BadGateway() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    try (RunningGateway gateway = RunningGateway.start(vertx,
        TestConfigs.forUpstream("http://127.0.0.1:" + closedPort))) {
      HttpResponse<Buffer> response = register(gateway);

      assertThat(response.statusCode()).isEqualTo(502);
      assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("bad_gateway");
      assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
      gateway.audit().awaitMatching(e -> "upstream_error".equals(e.getString("outcome")));
    }
  }

  @Test
  void silentIdentityServerIs504AfterTheResponseTimeout() throws Exception {
    try (RecordingUpstream upstream = RecordingUpstream.start(vertx)) {
      upstream.respondWith(request -> { /* never answers */ });
      var base = TestConfigs.forUpstream(upstream.baseUrl());
      UpstreamConfig u = base.upstream();
      var config = TestConfigs.withUpstream(base, new UpstreamConfig(URI.create(upstream.baseUrl()),
          u.registrationPath(), u.tls(), u.connectTimeout(), Duration.ofMillis(300), u.poolSize(), u.identityServer(), u.passThrough()));
      try (RunningGateway gateway = RunningGateway.start(vertx, config)) {
        HttpResponse<Buffer> response = register(gateway);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("gateway_timeout");
        assertThat(upstream.received()).hasSize(1);
      }
    }
  }

  private HttpResponse<Buffer> register(RunningGateway gateway) throws Exception {
    return TppClient.create(vertx, DevPkiLayout.OFB_TPP1_A)
        .post(gateway.port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{}"))
        .await(20, TimeUnit.SECONDS);
  }
}
