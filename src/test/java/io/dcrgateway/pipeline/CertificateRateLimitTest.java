package io.dcrgateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.ListenerConfig;
import io.dcrgateway.config.ListenerConfig.Limits;
import io.dcrgateway.config.ListenerConfig.RateLimit;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * listener.rate-limit (issue 7): each client certificate has its own token bucket; beyond it the
 * TPP gets 429 JSON with Retry-After, nothing is forwarded, and the refusal is audited and counted.
 */
class CertificateRateLimitTest {

  private GatewayFixture fixture;

  @BeforeEach
  void start() throws Exception {
    // Two at once, then one an hour: the third request within the test is over the limit.
    fixture = startWith(new RateLimit(true, 1, Duration.ofHours(1), 2));
  }

  /** A gateway whose listener has {@code rateLimit}; shared with {@link OrganisationRateLimitTest}. */
  static GatewayFixture startWith(RateLimit rateLimit) throws Exception {
    return GatewayFixture.start(config -> {
      ListenerConfig l = config.listener();
      Limits limits = new Limits(l.limits().maxHeaderBytes(), l.limits().maxInitialLineLength(),
          l.limits().maxConnections(), l.limits().requestTimeout(), rateLimit);
      return TestConfigs.withListener(config, new ListenerConfig(l.host(), l.port(), l.tls(), l.registrationPath(),
          l.maxBodyBytes(), l.idleTimeout(), limits));
    });
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  @Test
  void aCertificateOverItsLimitGets429WithRetryAfterAndNothingIsForwarded() throws Exception {
    assertThat(register(DevPkiLayout.OFB_TPP1_A).statusCode()).isEqualTo(201);
    assertThat(register(DevPkiLayout.OFB_TPP1_A).statusCode()).isEqualTo(201);

    HttpResponse<Buffer> refused = register(DevPkiLayout.OFB_TPP1_A);

    assertThat(refused.statusCode()).isEqualTo(429);
    JsonObject error = refused.bodyAsJsonObject();
    assertThat(error.getString("error")).isEqualTo("too_many_requests");
    assertThat(error.getString("error_description")).contains("client certificate");
    assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 3600L);
    assertThat(refused.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(fixture.upstream().received()).hasSize(2);
    JsonObject audited = fixture.gateway().audit().await(2);
    assertThat(audited.getString("outcome")).isEqualTo("rejected");
    assertThat(audited.getString("reason")).isEqualTo("rate-limit.exceeded");
    assertThat(audited.getJsonObject("certificate").getString("sha256")).isNotEmpty();
    String metrics = WebClient.create(fixture.vertx()).get(fixture.gateway().adminPort(), "127.0.0.1", "/metrics")
        .send().await(10, TimeUnit.SECONDS).bodyAsString();
    assertThat(metrics.lines()).anyMatch(line -> line.startsWith("dcr_gateway_requests_total{")
        && line.contains("reason=\"rate-limit.exceeded\"") && line.endsWith(" 1.0"));
  }

  @Test
  void anotherCertificateHasItsOwnBudget() throws Exception {
    register(DevPkiLayout.OFB_TPP1_A);
    register(DevPkiLayout.OFB_TPP1_A);
    assertThat(register(DevPkiLayout.OFB_TPP1_A).statusCode()).isEqualTo(429);

    assertThat(register(DevPkiLayout.OFB_TPP1_B).statusCode()).isEqualTo(201);
  }

  private HttpResponse<Buffer> register(String client) throws Exception {
    return register(fixture, client);
  }

  static HttpResponse<Buffer> register(GatewayFixture fixture, String client) throws Exception {
    return TppClient.create(fixture.vertx(), client)
        .post(fixture.gateway().port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{}"))
        .await(20, TimeUnit.SECONDS);
  }
}
