package io.dcrgateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.RegistrationConfig;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.RequestJwtMinter;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SSRF (issue 7): a UK software statement's {@code software_jwks_endpoint} that leads to loopback
 * (by address or by a name resolving there) or over plain http is not fetched without an
 * allow-list entry: 400, the JWKS server is never asked, nothing reaches the identity server.
 */
class JwksEndpointFetchPolicyTest {

  private static GatewayFixture fixture;
  private static HttpServer jwksServer;
  private static final AtomicInteger JWKS_REQUESTS = new AtomicInteger();
  private static DevPkiManifest manifest;

  @BeforeAll
  static void start() throws Exception {
    // No fetch allow-list: the default policy.
    fixture = GatewayFixture.start(config -> TestConfigs.withRegistration(config, new RegistrationConfig(
        "uk-open-banking", Optional.empty(), RegistrationConfig.SignedRequestForwarding.CLAIMS,
        Optional.of(RequestJwtMinter.DEFAULT_AUDIENCE), List.of(UkSignedRequestTest.ukDirectoryConfig()), List.of())));
    manifest = DevPkiManifest.read(SharedDevPki.layout().root());
    byte[] jwks = Files.readAllBytes(SharedDevPki.layout().clientJwks(DevPkiLayout.UK_TPP));
    jwksServer = fixture.vertx().createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(r -> {
          JWKS_REQUESTS.incrementAndGet();
          r.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(jwks));
        });
    jwksServer.listen().await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    jwksServer.close().await(10, TimeUnit.SECONDS);
    fixture.close();
  }

  @BeforeEach
  void reset() {
    JWKS_REQUESTS.set(0);
    fixture.upstream().clear();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"https://127.0.0.1:%d/jwks", "https://localhost:%d/jwks", "http://127.0.0.1:%d/jwks",
      "https://[::ffff:127.0.0.1]:%d/jwks"})
  void aStatementNamingAJwksEndpointOnLoopbackIsRefusedWithNothingFetched(String endpoint) throws Exception {
    String url = String.format(endpoint, jwksServer.actualPort());
    String ssa = SoftwareStatementMinter.forClient(manifest, DevPkiLayout.UK_TPP)
        .claim("software_jwks_endpoint", url).mint();
    String request = RequestJwtMinter.forClient(manifest, DevPkiLayout.UK_TPP, ssa).mint();

    HttpResponse<Buffer> response = TppClient.create(fixture.vertx(), DevPkiLayout.UK_TPP)
        .post(fixture.gateway().port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/jose")
        .sendBuffer(Buffer.buffer(request))
        .await(20, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonObject error = response.bodyAsJsonObject();
    assertThat(error.getString("error")).isEqualTo("invalid_software_statement");
    assertThat(error.getString("error_description")).startsWith("the software statement's JWKS endpoint " + url
        + " is not fetched: ");
    assertThat(JWKS_REQUESTS).hasValue(0);
    assertThat(fixture.upstream().received()).isEmpty();
    fixture.gateway().audit().awaitMatching(e -> "statement.jwks-endpoint-refused".equals(e.getString("reason")));
  }
}
