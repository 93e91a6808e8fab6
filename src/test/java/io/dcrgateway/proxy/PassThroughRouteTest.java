package io.dcrgateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.UpstreamConfig;
import io.dcrgateway.config.UpstreamConfig.PassThroughRoute;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.RecordingUpstream.Received;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TppClient;
import io.dcrgateway.tls.PemCertificates;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Other identity server endpoints (here the token endpoint) behind the same mTLS edge: the
 * certificate is verified and forwarded as for registrations, no registration rules apply.
 */
class PassThroughRouteTest {

  private static final String TOKEN_PATH = "/realms/dcr/protocol/openid-connect/token";
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(config -> {
      UpstreamConfig u = config.upstream();
      return TestConfigs.withUpstream(config, new UpstreamConfig(u.baseUrl(), u.registrationPath(), u.tls(),
          u.connectTimeout(), u.responseTimeout(), u.poolSize(), u.identityServer(),
          List.of(new PassThroughRoute("/token", TOKEN_PATH, List.of("POST")))));
    });
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void reset() {
    fixture.upstream().clear();
    fixture.upstream().respondWith(r -> r.response().setStatusCode(200)
        .putHeader("Content-Type", "application/json").end("{\"access_token\":\"at\"}"));
  }

  @Test
  void tokenRequestsReachTheIdentityServerWithTheVerifiedCertificateAndTheirBodyUnchanged() throws Exception {
    String form = "grant_type=client_credentials&client_id=c-1&scope=accounts";

    HttpResponse<Buffer> response = post(DevPkiLayout.OFB_TPP1_A, "/token?x=1", form);

    assertThat(response.statusCode()).isEqualTo(200);
    Received forwarded = fixture.upstream().only();
    assertThat(forwarded.uri()).isEqualTo(TOKEN_PATH + "?x=1");
    assertThat(forwarded.body().toString()).isEqualTo(form);
    var leaf = PemCertificates.read(SharedDevPki.layout().client(DevPkiLayout.OFB_TPP1_A).certificate()).get(0);
    assertThat(forwarded.headers().get("Client-Cert"))
        .isEqualTo(":" + Base64.getEncoder().encodeToString(leaf.getEncoded()) + ":");
  }

  @Test
  void aForgedCertificateIsRefusedHereToo() throws Exception {
    HttpResponse<Buffer> response = post(DevPkiLayout.FORGED, "/token", "grant_type=client_credentials&client_id=c-1");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
    assertThat(fixture.upstream().received()).isEmpty();
  }

  @Test
  void methodsTheRouteDoesNotServeAre405() throws Exception {
    HttpResponse<Buffer> response = TppClient.create(fixture.vertx(), DevPkiLayout.OFB_TPP1_A)
        .get(fixture.gateway().port(), "127.0.0.1", "/token").send().await(20, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(fixture.upstream().received()).isEmpty();
  }

  private static HttpResponse<Buffer> post(String client, String uri, String form) throws Exception {
    return TppClient.create(fixture.vertx(), client)
        .post(fixture.gateway().port(), "127.0.0.1", uri)
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .sendBuffer(Buffer.buffer(form))
        .await(20, TimeUnit.SECONDS);
  }
}
