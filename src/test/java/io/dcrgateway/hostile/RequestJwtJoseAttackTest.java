package io.dcrgateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.RequestJwtMinter;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same JOSE attacks on a UK Open Banking registration request JWT ({@code application/jose}),
 * carrying a genuine software statement: its key comes only from the statement's
 * {@code software_jwks_endpoint}, never from {@code jku}, {@code x5u}, {@code x5c} or {@code jwk}
 * (SPEC UK-02, UK-03). Each is 400 invalid_client_metadata, unforwarded and audited.
 */
class RequestJwtJoseAttackTest {

  private static GatewayFixture fixture;
  private static TrapServer trap;
  private static HttpServer tppJwks;
  private static DevPkiManifest manifest;
  private static RSAKey tppKey;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(HostileConfigs::ukOpenBanking);
    trap = TrapServer.start(fixture.vertx());
    manifest = DevPkiManifest.read(SharedDevPki.layout().root());
    tppKey = RSAKey.parse(Files.readString(SharedDevPki.layout().clientSigningKey(DevPkiLayout.UK_TPP)));
    byte[] jwks = Files.readAllBytes(SharedDevPki.layout().clientJwks(DevPkiLayout.UK_TPP));
    tppJwks = fixture.vertx().createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(r -> r.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(jwks)));
    tppJwks.listen().await(10, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    tppJwks.close().await(10, TimeUnit.SECONDS);
    trap.close();
    fixture.close();
  }

  @BeforeEach
  void clear() {
    fixture.upstream().clear();
  }

  static Stream<JoseAttacks.Attack> attacks() {
    return JoseAttacks.all(trap.url());
  }

  /** The honest request is accepted: the refusals below are the attacks', not the setup's. */
  @Test
  void theHonestSignedRequestIsForwarded() throws Exception {
    HttpResponse<Buffer> response = post(request().mint());

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    assertThat(fixture.upstream().received()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void aForgedOrMalformedRequestJwtIsRefusedUnforwardedAndAudited(JoseAttacks.Attack attack) throws Exception {
    RequestJwtMinter minter = request();

    HttpResponse<Buffer> response;
    try {
      response = post(attack.token().apply(new JoseAttacks.Target(minter, tppKey)));
    } catch (io.vertx.core.http.HttpClosedException closedWhileSending) {
      assertThat(attack.status()).as("closed without an answer").isEqualTo(413);
      Refusals.assertClosedWith413(fixture);
      return;
    }

    Refusals.assertRefused(fixture, response, attack.status(),
        attack.status() == 413 ? "request_too_large" : "invalid_client_metadata");
    assertThat(trap.fetched()).as("URLs named in the token fetched").isEmpty();
  }

  private static RequestJwtMinter request() throws Exception {
    String ssa = SoftwareStatementMinter.forClient(manifest, DevPkiLayout.UK_TPP)
        .claim("software_jwks_endpoint", "http://127.0.0.1:" + tppJwks.actualPort() + "/jwks")
        .mint();
    return RequestJwtMinter.forClient(manifest, DevPkiLayout.UK_TPP, ssa);
  }

  private static HttpResponse<Buffer> post(String jws) throws Exception {
    return TppClient.create(fixture.vertx(), DevPkiLayout.UK_TPP)
        .post(fixture.gateway().port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/jose")
        .sendBuffer(Buffer.buffer(jws))
        .await(20, TimeUnit.SECONDS);
  }
}
