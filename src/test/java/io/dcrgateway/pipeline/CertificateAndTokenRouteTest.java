package io.dcrgateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.dcrgateway.testkit.TokenIssuer;
import io.dcrgateway.testkit.TokenRoutes;
import io.dcrgateway.testkit.TppClient;
import io.dcrgateway.tls.CertificateFingerprint;
import io.dcrgateway.tls.PemCertificates;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * Issue 9: a route that takes a partner's client certificate <em>and</em> an initial access token
 * ({@code client-certificate: true} with {@code initial-access-token}). Each authenticates on its
 * own: the certificate is verified first and refused as on the mTLS route ({@code invalid_client}),
 * then the token as on a token route (RFC 6750 §3 {@code invalid_token} with its challenge). Only
 * both together are forwarded, with the verified certificate's headers; every refusal forwards
 * nothing and every decision is audited with what was presented.
 */
class CertificateAndTokenRouteTest {

  private static final String ROUTE = "/register/partner-mtls";
  private static final JsonObject REGISTRATION = new JsonObject()
      .put("redirect_uris", new JsonArray().add("https://partner.example/cb"))
      .put("client_name", "partner back end");

  private static Vertx issuerVertx;
  private static TokenIssuer issuer;
  private static GatewayFixture fixture;
  private static X509Certificate leaf;
  private static X509Certificate issuingCa;

  @BeforeAll
  static void start() throws Exception {
    issuerVertx = TestVertx.create();
    issuer = TokenIssuer.start(issuerVertx);
    fixture = GatewayFixture.start(config -> TokenRoutes.withRoutes(config,
        TokenRoutes.route(ROUTE, true, TokenRoutes.jwt(issuer.url("/jwks")))));
    DevPkiLayout pki = SharedDevPki.layout();
    leaf = PemCertificates.read(pki.client(DevPkiLayout.OFB_TPP1_A).certificate()).get(0);
    issuingCa = PemCertificates.read(pki.tppIssuingCa().certificate()).get(0);
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
    issuer.close();
    issuerVertx.close().await(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void clear() {
    fixture.upstream().clear();
  }

  @Test
  void certificateAndValidTokenAreForwardedWithTheVerifiedCertificateHeaders() throws Exception {
    String token = issuer.mint("partner-a", c -> c.jwtID("both-1"));

    HttpResponse<Buffer> response = post(Optional.of(DevPkiLayout.OFB_TPP1_A), Optional.of(token),
        request -> request.putHeader("Client-Cert", ":AAAA:").putHeader("X-Forwarded-Client-Cert", "Hash=00"));

    assertThat(response.statusCode()).isEqualTo(201);
    RecordingUpstream.Received forwarded = fixture.upstream().only();
    assertThat(forwarded.uri()).isEqualTo(TestConfigs.UPSTREAM_PATH);
    assertThat(forwarded.body().toJsonObject()).isEqualTo(REGISTRATION);
    // RFC 9440: the certificate the gateway verified, never one the client wrote into a header.
    assertThat(forwarded.headers().getAll("Client-Cert")).containsExactly(rfc9440(leaf));
    assertThat(forwarded.headers().getAll("Client-Cert-Chain")).containsExactly(rfc9440(issuingCa));
    assertThat(forwarded.headers().contains("X-Forwarded-Client-Cert")).isFalse();
    // The token is the gateway's to check: the identity server registers from the certificate.
    assertThat(forwarded.headers().contains("Authorization")).isFalse();
    JsonObject event = audited(response);
    assertThat(event.getString("outcome")).isEqualTo("forwarded");
    assertThat(event.getJsonObject("certificate").getString("sha256")).isEqualTo(CertificateFingerprint.sha256Hex(leaf));
    assertThat(event.getJsonObject("initial_access_token").getString("jti")).isEqualTo("both-1");
    assertThat(event.getJsonObject("initial_access_token").getString("client_id")).isEqualTo("partner-a");
    assertThat(event.encode()).doesNotContain(token);
  }

  static Stream<Arguments> unacceptableCertificates() {
    return Stream.of(
        Arguments.of(Optional.empty(), "tls.client-cert.missing"),
        Arguments.of(Optional.of(DevPkiLayout.EXPIRED), "tls.client-cert.expired"),
        Arguments.of(Optional.of(DevPkiLayout.UNTRUSTED), "tls.client-cert.untrusted-issuer"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("unacceptableCertificates")
  void validTokenWithoutAnAcceptableCertificateIsRefusedWithTheCertificateError(Optional<String> certificate,
      String reason) throws Exception {
    String token = issuer.mint("partner-a", c -> c);

    HttpResponse<Buffer> response = post(certificate, Optional.of(token), request -> request);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
    // A certificate refusal is not a token challenge.
    assertThat(response.getHeader("WWW-Authenticate")).isNull();
    assertThat(fixture.upstream().received()).isEmpty();
    JsonObject event = audited(response);
    assertThat(event.getString("outcome")).isEqualTo("rejected");
    assertThat(event.getString("reason")).isEqualTo(reason);
    assertThat(event.getString("path")).isEqualTo(ROUTE);
    // The token was not looked at, so it is not spent either.
    assertThat(event.containsKey("initial_access_token")).isFalse();
  }

  @Test
  void aTokenRefusedForWantOfACertificateStillRegistersOnceWithOne() throws Exception {
    String token = issuer.mint("partner-a", c -> c.jwtID("both-after-missing-certificate"));

    assertThat(post(Optional.empty(), Optional.of(token), request -> request).statusCode()).isEqualTo(401);
    assertThat(post(Optional.of(DevPkiLayout.OFB_TPP1_A), Optional.of(token), request -> request).statusCode())
        .isEqualTo(201);
    HttpResponse<Buffer> again = post(Optional.of(DevPkiLayout.OFB_TPP1_A), Optional.of(token), request -> request);

    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("invalid_token");
    assertThat(audited(again).getString("reason")).isEqualTo("token.already-used");
    assertThat(fixture.upstream().received()).hasSize(1);
  }

  /** Each token is minted once the issuer runs: arguments are built before {@code @BeforeAll}. */
  static Stream<Arguments> unacceptableTokens() {
    return Stream.of(
        Arguments.of("token.missing", (Function<TokenIssuer, Optional<String>>) is -> Optional.empty()),
        Arguments.of("token.malformed", (Function<TokenIssuer, Optional<String>>) is -> Optional.of("not-a-jwt")),
        Arguments.of("token.bad-signature", (Function<TokenIssuer, Optional<String>>) is -> Optional.of(
            TokenIssuer.mint(TokenIssuer.claims("partner-a").build(), TokenIssuer.newKey("is-key-1")))),
        Arguments.of("token.expired", (Function<TokenIssuer, Optional<String>>) is -> Optional.of(
            is.mint("partner-a", c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600)))))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unacceptableTokens")
  void certificateWithAMissingOrBadTokenIsInvalidTokenWithABearerChallenge(String reason,
      Function<TokenIssuer, Optional<String>> token) throws Exception {
    Optional<String> sent = token.apply(issuer);

    HttpResponse<Buffer> response = post(Optional.of(DevPkiLayout.OFB_TPP1_A), sent, request -> request);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_token");
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\", error_description=\"");
    assertThat(fixture.upstream().received()).isEmpty();
    JsonObject event = audited(response);
    assertThat(event.getString("outcome")).isEqualTo("rejected");
    assertThat(event.getString("reason")).isEqualTo(reason);
    assertThat(event.getString("error")).isEqualTo("invalid_token");
    // The verified certificate is on the record of the refusal: who tried.
    assertThat(event.getJsonObject("certificate").getString("sha256")).isEqualTo(CertificateFingerprint.sha256Hex(leaf));
  }

  private static HttpResponse<Buffer> post(Optional<String> certificate, Optional<String> token,
      UnaryOperator<HttpRequest<Buffer>> extra) throws Exception {
    HttpRequest<Buffer> request = TppClient.create(fixture.vertx(), certificate, false)
        .post(fixture.gateway().port(), "127.0.0.1", ROUTE)
        .putHeader("Content-Type", "application/json");
    token.ifPresent(t -> request.putHeader("Authorization", "Bearer " + t));
    return extra.apply(request).sendBuffer(REGISTRATION.toBuffer()).await(20, TimeUnit.SECONDS);
  }

  /** The request's one audit record, found by the request id the gateway answered with. */
  private static JsonObject audited(HttpResponse<Buffer> response) throws Exception {
    String requestId = response.getHeader("X-Request-Id");
    assertThat(requestId).isNotBlank();
    JsonObject event = fixture.gateway().audit().awaitMatching(e -> requestId.equals(e.getString("request_id")));
    assertThat(fixture.gateway().audit().events().stream().filter(e -> requestId.equals(e.getString("request_id"))))
        .hasSize(1);
    return event;
  }

  private static String rfc9440(X509Certificate certificate) throws Exception {
    return ":" + Base64.getEncoder().encodeToString(certificate.getEncoded()) + ":";
  }
}
