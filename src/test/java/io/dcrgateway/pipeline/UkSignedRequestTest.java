package io.dcrgateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.dcrgateway.config.DirectoryConfig;
import io.dcrgateway.config.DirectoryConfig.ClaimNames;
import io.dcrgateway.config.RegistrationConfig;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.RequestJwtMinter;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.OfbDirectory;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * UK Open Banking DCR: the body is a JWS the TPP signed with a key published at its software
 * statement's {@code software_jwks_endpoint} (SPEC UK-02..UK-08), served here by a real HTTP
 * server; the identity server receives the original JWS.
 */
class UkSignedRequestTest {

  private static GatewayFixture fixture;
  private static RecordingUpstream upstream;
  private static HttpServer tppJwks;
  private static DevPkiManifest manifest;

  @BeforeAll
  static void start() throws Exception {
    DirectoryConfig ukDirectory = ukDirectoryConfig();
    // The TPP's JWKS is served on 127.0.0.1 here: the fetch policy must be told to allow it.
    fixture = GatewayFixture.start(config -> TestConfigs.withFetch(TestConfigs.withRegistration(config,
        new RegistrationConfig("uk-open-banking", Optional.empty(), RegistrationConfig.SignedRequestForwarding.CLAIMS,
            Optional.of(RequestJwtMinter.DEFAULT_AUDIENCE), List.of(ukDirectory), List.of())),
        TestConfigs.LOOPBACK_FETCH));
    upstream = fixture.upstream();
    manifest = DevPkiManifest.read(SharedDevPki.layout().root());
    byte[] jwks = Files.readAllBytes(SharedDevPki.layout().clientJwks(DevPkiLayout.UK_TPP));
    tppJwks = fixture.vertx().createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
        .requestHandler(r -> r.response().putHeader("Content-Type", "application/json").end(Buffer.buffer(jwks)));
    tppJwks.listen().await(10, TimeUnit.SECONDS);
  }

  static DirectoryConfig ukDirectoryConfig() {
    DirectoryConfig dev = OfbDirectory.devDirectory();
    return new DirectoryConfig("uk-directory", SoftwareStatementMinter.UK_DIRECTORY_ISSUER,
        dev.keys(), List.of("PS256", "ES256"), dev.maxAge(), dev.clockSkew(), true, ClaimNames.UK_OPEN_BANKING);
  }

  @AfterAll
  static void stop() throws Exception {
    tppJwks.close().await(10, TimeUnit.SECONDS);
    fixture.close();
  }

  @BeforeEach
  void reset() {
    upstream.clear();
  }

  static String ssa() {
    try {
      return SoftwareStatementMinter.forClient(manifest, DevPkiLayout.UK_TPP)
          .claim("software_jwks_endpoint", "http://127.0.0.1:" + tppJwks.actualPort() + "/jwks")
          .mint();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static RequestJwtMinter request() {
    try {
      return RequestJwtMinter.forClient(manifest, DevPkiLayout.UK_TPP, ssa());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aSignedRequestFromTheSoftwaresKeyIsForwardedAsItsClaimsWithTheStatementsValues() throws Exception {
    RequestJwtMinter request = request();
    String jws = request.mint();

    HttpResponse<Buffer> response = post(jws);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(upstream.only().headers().get("Content-Type")).isEqualTo("application/json");
    JsonObject forwarded = upstream.only().body().toJsonObject();
    JsonObject statement = new JsonObject(new String(java.util.Base64.getUrlDecoder().decode(
        ((String) request.claims().get("software_statement")).split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8));
    assertThat(forwarded.getString("jwks_uri")).isEqualTo(statement.getString("software_jwks_endpoint"));
    assertThat(forwarded.getString("client_name")).isEqualTo(statement.getString("software_client_name"));
    assertThat(forwarded.containsKey("iss")).isFalse();
  }

  /**
   * Forwarded as the original JWS, a request the profile would have to amend (here: no jwks_uri,
   * the TPP's own client name) cannot be changed, so it is refused rather than sent without the
   * statement's values (RFC 7591 §3.1.1).
   */
  @Test
  void originalForwardingRefusesARequestThatNeedsTheStatementsValues() throws Exception {
    try (GatewayFixture original = GatewayFixture.start(config -> TestConfigs.withFetch(TestConfigs.withRegistration(
        config, new RegistrationConfig("uk-open-banking", Optional.empty(),
            RegistrationConfig.SignedRequestForwarding.ORIGINAL, Optional.of(RequestJwtMinter.DEFAULT_AUDIENCE),
            List.of(ukDirectoryConfig()), List.of())), TestConfigs.LOOPBACK_FETCH))) {
      HttpResponse<Buffer> response = TppClient.create(original.vertx(), DevPkiLayout.UK_TPP)
          .post(original.gateway().port(), "127.0.0.1", "/register")
          .putHeader("Content-Type", "application/jose")
          .sendBuffer(Buffer.buffer(request().claim("client_name", "Totally Your Bank (official)").mint()))
          .await(20, TimeUnit.SECONDS);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client_metadata");
      assertThat(response.bodyAsJsonObject().getString("error_description")).contains("client_name");
      assertThat(original.upstream().received()).isEmpty();
    }
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of("RS256 (DCR-004: FAPI allows PS256/ES256 only)",
            (UnaryOperator<RequestJwtMinter>) m -> m.algorithm(JWSAlgorithm.RS256), "invalid_client_metadata"),
        Arguments.of("signed by a key the software does not publish",
            (UnaryOperator<RequestJwtMinter>) m -> m.signedWith(otherKey()), "invalid_client_metadata"),
        Arguments.of("expired (UK-06)",
            (UnaryOperator<RequestJwtMinter>) m -> m.issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)), "invalid_client_metadata"),
        Arguments.of("aud is another authorization server (UK-05)",
            (UnaryOperator<RequestJwtMinter>) m -> m.audience("someotherbank"), "invalid_client_metadata"),
        Arguments.of("iss is not the software_id (UK-04)",
            (UnaryOperator<RequestJwtMinter>) m -> m.claim("iss", "foo.is/invalid"), "invalid_client_metadata"),
        Arguments.of("jti is not a UUIDv4 (UK-07)",
            (UnaryOperator<RequestJwtMinter>) m -> m.claim("jti", "not-a-uuid"), "invalid_client_metadata"),
        Arguments.of("response_types id_token token (DCR-011)",
            (UnaryOperator<RequestJwtMinter>) m -> m.claim("response_types", List.of("id_token token")),
            "invalid_client_metadata"),
        Arguments.of("redirect URI with localhost (UK-09)",
            (UnaryOperator<RequestJwtMinter>) m -> m.redirectUris("https://localhost/cb"), "invalid_redirect_uri"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusedWith400AndNothingForwarded(String clause, UnaryOperator<RequestJwtMinter> change, String error)
      throws Exception {
    HttpResponse<Buffer> response = post(change.apply(request()).mint());

    assertThat(response.statusCode()).as(clause).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("error")).as(clause).isEqualTo(error);
    assertThat(upstream.received()).as(clause).isEmpty();
  }

  @Test
  void aReplayedRequestJwtIsRefused() throws Exception {
    String jws = request().mint();
    assertThat(post(jws).statusCode()).isEqualTo(201);
    upstream.clear();

    HttpResponse<Buffer> replay = post(jws);

    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(upstream.received()).isEmpty();
  }

  private static HttpResponse<Buffer> post(String jws) throws Exception {
    return TppClient.create(fixture.vertx(), DevPkiLayout.UK_TPP)
        .post(fixture.gateway().port(), "127.0.0.1", "/register")
        .putHeader("Content-Type", "application/jose")
        .sendBuffer(Buffer.buffer(jws))
        .await(20, TimeUnit.SECONDS);
  }

  private static com.nimbusds.jose.jwk.RSAKey otherKey() {
    try {
      return new RSAKeyGenerator(2048).keyID("not-published").generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
