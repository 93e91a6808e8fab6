package io.dcrgateway.revocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.TrustConfig.Revocation;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** One registration over real mutual TLS through a gateway with given revocation settings, and what came of it. */
final class RevocationOverTls {

  private RevocationOverTls() {
  }

  static GatewayFixture gateway(Revocation revocation) throws Exception {
    return GatewayFixture.start(c -> RevocationConfigs.with(c, revocation));
  }

  /** A fresh TLS session each time: the revocation check runs for it. */
  static HttpResponse<Buffer> register(GatewayFixture fixture, String client) throws Exception {
    WebClient web = TppClient.create(fixture.vertx(), Optional.of(client), false);
    try {
      return web.post(fixture.gateway().port(), "127.0.0.1", "/register")
          .putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer("{\"redirect_uris\":[\"https://tpp.example/cb\"]}"))
          .await(20, TimeUnit.SECONDS);
    } finally {
      web.close();
    }
  }

  /** 201 and forwarded once, or 401 invalid_client with {@code reason} audited and nothing forwarded. */
  static void assertOutcome(GatewayFixture fixture, HttpResponse<Buffer> response, Optional<String> reason) {
    if (reason.isEmpty()) {
      assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
      assertThat(fixture.upstream().received()).hasSize(1);
      return;
    }
    assertThat(response.statusCode()).isEqualTo(401);
    JsonObject error = response.bodyAsJsonObject();
    assertThat(error.getString("error")).isEqualTo("invalid_client");
    assertThat(error.getString("error_description"))
        .contains(reason.get().equals(RevocationOutcome.REVOKED_REASON) ? "revoked" : "cannot be established");
    assertThat(fixture.upstream().received()).isEmpty();
    try {
      fixture.gateway().audit().awaitMatching(e -> reason.get().equals(e.getString("reason")));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static double decisions(GatewayFixture fixture, String verdict) {
    var counter = fixture.gateway().server().metrics().registry().find("dcr_gateway_revocation_decisions")
        .tag("domain", "dev").tag("verdict", verdict).counter();
    return counter == null ? 0 : counter.count();
  }
}
