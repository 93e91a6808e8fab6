package io.dcrgateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.ListenerConfig.RateLimit;
import io.dcrgateway.config.ListenerConfig.RateLimit.Bucket;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.GatewayFixture;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * listener.rate-limit.organisation (issue 8): the certificates of one organisation share one
 * bucket, so a TPP cannot multiply its budget by presenting more certificates; another
 * organisation keeps its own.
 */
class OrganisationRateLimitTest {

  private GatewayFixture fixture;

  @BeforeEach
  void start() throws Exception {
    // Each certificate may send plenty; the organisation two at once, then one an hour.
    fixture = CertificateRateLimitTest.startWith(
        new RateLimit(true, 100, Duration.ofSeconds(1), 100, new Bucket(1, Duration.ofHours(1), 2)));
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }

  @Test
  void theCertificatesOfOneOrganisationShareOneBudget() throws Exception {
    assertThat(register(DevPkiLayout.OFB_TPP1_A).statusCode()).isEqualTo(201);
    assertThat(register(DevPkiLayout.OFB_TPP1_B).statusCode()).isEqualTo(201);

    HttpResponse<Buffer> refused = register(DevPkiLayout.OFB_TPP1_B);

    assertThat(refused.statusCode()).isEqualTo(429);
    JsonObject error = refused.bodyAsJsonObject();
    assertThat(error.getString("error")).isEqualTo("too_many_requests");
    assertThat(error.getString("error_description")).contains("organisation");
    assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 3600L);
    assertThat(fixture.upstream().received()).hasSize(2);
    assertThat(fixture.gateway().audit().await(2).getString("reason")).isEqualTo("rate-limit.organisation-exceeded");
  }

  @Test
  void anotherOrganisationHasItsOwnBudget() throws Exception {
    register(DevPkiLayout.OFB_TPP1_A);
    register(DevPkiLayout.OFB_TPP1_B);
    assertThat(register(DevPkiLayout.OFB_TPP1_A).statusCode()).isEqualTo(429);

    assertThat(register(DevPkiLayout.OFB_TPP2).statusCode()).isEqualTo(201);
  }

  private HttpResponse<Buffer> register(String client) throws Exception {
    return CertificateRateLimitTest.register(fixture, client);
  }
}
