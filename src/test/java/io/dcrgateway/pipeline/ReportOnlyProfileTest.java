package io.dcrgateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.ProfileConfig;
import io.dcrgateway.config.ProfileConfig.RuleConfig;
import io.dcrgateway.config.RegistrationConfig;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A report-only profile lets an operator roll out stricter rules against live traffic: what
 * would have been refused is forwarded, and the audit trail says which rule it broke.
 */
class ReportOnlyProfileTest {

  private static ProfileConfig profile(boolean reportOnly) {
    return new ProfileConfig("rollout", "test", reportOnly, false,
        List.of(new RuleConfig("jwks.not-by-value", "test.rules[0]", Map.of())));
  }

  private static HttpResponse<Buffer> registerWithJwksByValue(GatewayFixture fixture) throws Exception {
    return TppClient.create(fixture.vertx(), DevPkiLayout.OFB_TPP1_A)
        .post(fixture.gateway().port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(new JsonObject().put("jwks", new JsonObject().put("keys", List.of())).toBuffer())
        .await(20, TimeUnit.SECONDS);
  }

  private static GatewayFixture gatewayWith(ProfileConfig profile) throws Exception {
    return GatewayFixture.start(config -> TestConfigs.withRegistration(config, new RegistrationConfig(
        profile.name(), Optional.empty(), RegistrationConfig.SignedRequestForwarding.ORIGINAL, Optional.empty(),
        List.of(), List.of(profile))));
  }

  @Test
  void reportOnlyForwardsAndAuditsTheViolation() throws Exception {
    try (GatewayFixture fixture = gatewayWith(profile(true))) {
      HttpResponse<Buffer> response = registerWithJwksByValue(fixture);

      assertThat(response.statusCode()).isEqualTo(201);
      assertThat(fixture.upstream().received()).hasSize(1);
      JsonObject event = fixture.gateway().audit().await(0);
      assertThat(event.getString("outcome")).isEqualTo("forwarded");
      assertThat(event.getJsonArray("reported").getString(0)).startsWith("rule.jwks.not-by-value:");
    }
  }

  @Test
  void theSameProfileEnforcedRefuses() throws Exception {
    try (GatewayFixture fixture = gatewayWith(profile(false))) {
      HttpResponse<Buffer> response = registerWithJwksByValue(fixture);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client_metadata");
      assertThat(fixture.upstream().received()).isEmpty();
      assertThat(fixture.gateway().audit().await(0).getString("reason")).isEqualTo("rule.jwks.not-by-value");
    }
  }
}
