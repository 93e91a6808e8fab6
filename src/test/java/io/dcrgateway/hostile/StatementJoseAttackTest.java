package io.dcrgateway.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JOSE attacks on the software statement of an Open Finance Brasil registration, over real mutual
 * TLS: only a compact JWS signed by the directory's key, with an allowed alg and the key chosen by
 * kid from the directory's own JWKS, is a statement (OFB DCR 7.1-2, RFC 7591 §2.3). Everything
 * else is 400 invalid_software_statement, reaches no identity server, and is audited; no URL a
 * token names is ever fetched.
 */
class StatementJoseAttackTest {

  private static GatewayFixture fixture;
  private static TrapServer trap;
  private static DevPkiManifest manifest;
  private static RSAKey directoryKey;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(HostileConfigs::openFinance);
    trap = TrapServer.start(fixture.vertx());
    manifest = DevPkiManifest.read(SharedDevPki.layout().root());
    directoryKey = RSAKey.parse(Files.readString(SharedDevPki.layout().directorySigningKey()));
  }

  @AfterAll
  static void stop() throws Exception {
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

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void aForgedOrMalformedStatementIsRefusedUnforwardedAndAudited(JoseAttacks.Attack attack) throws Exception {
    SoftwareStatementMinter minter = SoftwareStatementMinter.forClient(manifest, DevPkiLayout.OFB_TPP1_A);
    JsonObject body = registration(minter, attack.token().apply(new JoseAttacks.Target(minter, directoryKey)));

    HttpResponse<Buffer> response;
    try {
      response = TppClient.create(fixture.vertx(), DevPkiLayout.OFB_TPP1_A)
          .post(fixture.gateway().port(), "127.0.0.1", "/register")
          .putHeader("Content-Type", "application/json")
          .sendBuffer(body.toBuffer())
          .await(20, TimeUnit.SECONDS);
    } catch (io.vertx.core.http.HttpClosedException closedWhileSending) {
      assertThat(attack.status()).as("closed without an answer").isEqualTo(413);
      Refusals.assertClosedWith413(fixture);
      return;
    }

    Refusals.assertRefused(fixture, response, attack.status(),
        attack.status() == 413 ? "request_too_large" : "invalid_software_statement");
    assertThat(trap.fetched()).as("URLs named in the token fetched").isEmpty();
  }

  /** The honest request around the statement, so only the statement can be the reason for a refusal. */
  private static JsonObject registration(SoftwareStatementMinter minter, String statement) {
    JsonObject claims = new JsonObject(minter.claims());
    return new JsonObject()
        .put("redirect_uris", new JsonArray().add(claims.getJsonArray("software_redirect_uris").getString(0)))
        .put("jwks_uri", claims.getString("software_jwks_uri"))
        .put("token_endpoint_auth_method", "private_key_jwt")
        .put("software_statement", statement);
  }
}
