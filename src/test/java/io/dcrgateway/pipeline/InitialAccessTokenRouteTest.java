package io.dcrgateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.RSAKey;
import io.dcrgateway.config.InitialAccessTokenConfig;
import io.dcrgateway.config.InitialAccessTokenConfig.Template;
import io.dcrgateway.config.InitialAccessTokenConfig.Validation;
import io.dcrgateway.config.ProfileConfig;
import io.dcrgateway.config.ProfileConfig.RuleConfig;
import io.dcrgateway.config.RegistrationConfig;
import io.dcrgateway.config.RouteConfig;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.dcrgateway.testkit.TokenIssuer;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Registration routes authenticated by an initial access token (issue 9): a mobile route taking
 * JWT access tokens without any client certificate, a partner route validating tokens by RFC 7662
 * introspection, both with templatized DCR. Tokens are minted here and checked against a stand-in
 * identity server's JWKS and introspection endpoint.
 */
class InitialAccessTokenRouteTest {

  private static final String MOBILE = "/register/mobile";
  private static final String PARTNER = "/register/partner";
  /** A second route taking the same identity server's tokens (say, a tablet app's). */
  private static final String TABLET = "/register/tablet";
  private static final JsonObject NATIVE_APP = new JsonObject()
      .put("application_type", "native")
      .put("redirect_uris", new JsonArray().add("com.example.app:/oauth2redirect"))
      .put("grant_types", new JsonArray().add("authorization_code"))
      .put("token_endpoint_auth_method", "none");

  private static Vertx issuerVertx;
  private static TokenIssuer issuer;
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    issuerVertx = TestVertx.create();
    issuer = TokenIssuer.start(issuerVertx);
    ProfileConfig mobile = new ProfileConfig("mobile-native", "test", false, false, List.of(
        new RuleConfig("redirect-uris.required", "test.rules[0]", Map.of()),
        new RuleConfig("grant-types.allowed", "test.rules[1]", Map.of("allowed", List.of("authorization_code"))),
        new RuleConfig("token-endpoint-auth-method.allowed", "test.rules[2]", Map.of("allowed", List.of("none"))),
        new RuleConfig("application-type.allowed", "test.rules[3]", Map.of()),
        new RuleConfig("redirect-uris.match-patterns", "test.rules[4]",
            Map.of("private-use-schemes", List.of("com.example.app")))));
    List<Template> templates = List.of(
        new Template("partner-template", List.of("partner-a"), Optional.empty(), List.of()),
        new Template("beta-template", List.of(), Optional.of("groups"), List.of("beta")));
    InitialAccessTokenConfig jwt = new InitialAccessTokenConfig(Validation.JWT, Optional.of(TokenIssuer.ISSUER),
        Optional.of(TokenIssuer.AUDIENCE), Optional.of(URI.create(issuer.url("/jwks"))),
        InitialAccessTokenConfig.DEFAULT_ALGORITHMS, Optional.empty(), Optional.empty(), Optional.empty(), "dcr",
        Duration.ofSeconds(5), Duration.ZERO, 100, Duration.ofSeconds(3), true, templates);
    InitialAccessTokenConfig introspection = new InitialAccessTokenConfig(Validation.INTROSPECTION,
        Optional.of(TokenIssuer.ISSUER), Optional.empty(), Optional.empty(), List.of(),
        Optional.of(URI.create(issuer.url("/introspect"))), Optional.of(TokenIssuer.GATEWAY_CLIENT),
        Optional.of(TokenIssuer.GATEWAY_SECRET), "dcr", Duration.ofSeconds(5), Duration.ofSeconds(30), 100,
        Duration.ofSeconds(3), false, templates);
    fixture = GatewayFixture.start(config -> TestConfigs.withRegistration(config, new RegistrationConfig(
        TestConfigs.TRANSPORT_ONLY.name(), Optional.empty(), RegistrationConfig.SignedRequestForwarding.ORIGINAL,
        Optional.empty(), List.of(), List.of(TestConfigs.TRANSPORT_ONLY, mobile), RegistrationConfig.OneRegistration.OFF,
        List.of(new RouteConfig(MOBILE, "mobile-native", false, Optional.of(jwt)),
            new RouteConfig(TABLET, "mobile-native", false, Optional.of(jwt)),
            new RouteConfig(PARTNER, "mobile-native", false, Optional.of(introspection))))));
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
    fixture.upstream().respondWith(request -> request.response().setStatusCode(201)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("client_id", "c-1")
            .put("registration_client_uri", "http://127.0.0.1/realms/dcr/clients-registrations/openid-connect/c-1")
            .encode()));
  }

  private static HttpResponse<Buffer> post(String path, Optional<String> token, JsonObject body) throws Exception {
    HttpRequest<Buffer> request = TppClient.create(fixture.vertx(), Optional.empty(), false)
        .post(fixture.gateway().port(), "127.0.0.1", path)
        .putHeader("Content-Type", "application/json");
    token.ifPresent(t -> request.putHeader("Authorization", "Bearer " + t));
    return request.sendBuffer(body.toBuffer()).await(20, TimeUnit.SECONDS);
  }

  private static JsonObject lastAudit(String path) throws Exception {
    int size = fixture.gateway().audit().events().size();
    return fixture.gateway().audit().await(size - 1);
  }

  private static void assertRefused(HttpResponse<Buffer> response, int status, String error, String reason)
      throws Exception {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo(error);
    assertThat(fixture.upstream().received()).isEmpty();
    JsonObject event = fixture.gateway().audit().awaitMatching(e -> reason.equals(e.getString("reason")));
    assertThat(event.getString("outcome")).isEqualTo("rejected");
    assertThat(event.getString("error")).isEqualTo(error);
  }

  private static double tokens(String route, String result) {
    var counter = fixture.gateway().server().metrics().registry().find("dcr_gateway_initial_access_tokens")
        .tags("route", route, "result", result).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void mobileAppWithAValidTokenRegistersWithoutAClientCertificate() throws Exception {
    String token = issuer.mint("mobile-app", c -> c.subject("alice").jwtID("jti-valid-1"));

    HttpResponse<Buffer> response = post(MOBILE, Optional.of(token), NATIVE_APP);

    assertThat(response.statusCode()).isEqualTo(201);
    RecordingUpstream.Received forwarded = fixture.upstream().only();
    assertThat(forwarded.uri()).isEqualTo(TestConfigs.UPSTREAM_PATH);
    assertThat(forwarded.body().toJsonObject()).isEqualTo(NATIVE_APP);
    // The initial access token is the gateway's to check, not the identity server's; no certificate to bind.
    assertThat(forwarded.headers().contains("Authorization")).isFalse();
    assertThat(forwarded.headers().contains("Client-Cert")).isFalse();
    assertThat(response.bodyAsJsonObject().getString("registration_client_uri")).endsWith(MOBILE + "/c-1");
    JsonObject event = fixture.gateway().audit().awaitMatching(e -> e.containsKey("initial_access_token")
        && "jti-valid-1".equals(e.getJsonObject("initial_access_token").getString("jti")));
    assertThat(event.getString("outcome")).isEqualTo("forwarded");
    assertThat(event.getJsonObject("initial_access_token").getMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "route", MOBILE, "client_id", "mobile-app", "sub", "alice", "jti", "jti-valid-1"));
    assertThat(event.getJsonObject("registration").getString("client_id")).isEqualTo("c-1");
    assertThat(event.encode()).doesNotContain(token);
  }

  @Test
  void missingTokenIsInvalidTokenWithABearerChallenge() throws Exception {
    HttpResponse<Buffer> response = post(MOBILE, Optional.empty(), NATIVE_APP);

    assertRefused(response, 401, "invalid_token", "token.missing");
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\", error_description=\"");
  }

  @Test
  void expiredTokenIsInvalidToken() throws Exception {
    double before = tokens(MOBILE, "expired");
    String token = issuer.mint("mobile-app", c -> c.expirationTime(Date.from(Instant.now().minusSeconds(600))));

    assertRefused(post(MOBILE, Optional.of(token), NATIVE_APP), 401, "invalid_token", "token.expired");
    assertThat(tokens(MOBILE, "expired")).isEqualTo(before + 1);
  }

  @Test
  void tokenForAnotherAudienceIsInvalidToken() throws Exception {
    String token = issuer.mint("mobile-app", c -> c.audience("account"));

    assertRefused(post(MOBILE, Optional.of(token), NATIVE_APP), 401, "invalid_token", "token.wrong-audience");
  }

  @Test
  void tokenOfAnotherIssuerIsInvalidToken() throws Exception {
    String token = issuer.mint("mobile-app", c -> c.issuer("https://elsewhere.test"));

    assertRefused(post(MOBILE, Optional.of(token), NATIVE_APP), 401, "invalid_token", "token.wrong-issuer");
  }

  @Test
  void tokenSignedByAKeyTheIdentityServerDoesNotPublishIsInvalidToken() throws Exception {
    RSAKey impostor = TokenIssuer.newKey("is-key-1"); // same kid, another key
    String token = TokenIssuer.mint(TokenIssuer.claims("mobile-app").build(), impostor);

    assertRefused(post(MOBILE, Optional.of(token), NATIVE_APP), 401, "invalid_token", "token.bad-signature");
  }

  @Test
  void unsignedTokenIsInvalidToken() throws Exception {
    String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(
        TokenIssuer.claims("mobile-app").build().toString().getBytes(StandardCharsets.UTF_8));

    assertRefused(post(MOBILE, Optional.of(header + "." + payload + "."), NATIVE_APP), 401, "invalid_token",
        "token.malformed");
  }

  @Test
  void tokenWithoutTheDcrScopeIsInsufficientScope() throws Exception {
    String token = issuer.mint("mobile-app", c -> c.claim("scope", "openid profile"));

    HttpResponse<Buffer> response = post(MOBILE, Optional.of(token), NATIVE_APP);

    assertRefused(response, 403, "insufficient_scope", "token.insufficient-scope");
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer error=\"insufficient_scope\", scope=\"dcr\"");
  }

  @Test
  void theRoutesProfileStillDecidesTheMetadata() throws Exception {
    String token = issuer.mint("mobile-app", c -> c);
    JsonObject confidential = NATIVE_APP.copy().put("grant_types", new JsonArray().add("client_credentials"));

    assertRefused(post(MOBILE, Optional.of(token), confidential), 400, "invalid_client_metadata",
        "rule.grant-types.allowed");
  }

  @Test
  void aWebRedirectUriIsRefusedOnTheNativeAppRoute() throws Exception {
    String token = issuer.mint("mobile-app", c -> c);
    JsonObject web = NATIVE_APP.copy().put("redirect_uris", new JsonArray().add("https://evil.example/cb"));

    assertRefused(post(MOBILE, Optional.of(token), web), 400, "invalid_redirect_uri",
        "rule.redirect-uris.match-patterns");
  }

  @Test
  void aTokenRegistersOneClientWhenTheRouteSaysSo() throws Exception {
    String token = issuer.mint("mobile-app", c -> c.jwtID("jti-once"));

    assertThat(post(MOBILE, Optional.of(token), NATIVE_APP).statusCode()).isEqualTo(201);
    fixture.upstream().clear();
    HttpResponse<Buffer> again = post(MOBILE, Optional.of(token), NATIVE_APP);

    assertRefused(again, 401, "invalid_token", "token.already-used");
  }

  /** A jti is unique per issuer (RFC 7519 §4.1.7), so its one use is counted across routes. */
  @Test
  void aTokenSpentOnOneRouteIsSpentOnEveryRoute() throws Exception {
    String token = issuer.mint("mobile-app", c -> c.jwtID("jti-one-route"));

    assertThat(post(MOBILE, Optional.of(token), NATIVE_APP).statusCode()).isEqualTo(201);
    fixture.upstream().clear();
    HttpResponse<Buffer> elsewhere = post(TABLET, Optional.of(token), NATIVE_APP);

    assertRefused(elsewhere, 401, "invalid_token", "token.already-used");
    assertThat(fixture.upstream().received()).isEmpty();
  }

  /** How the identity server may decline to act on a registration, and what the app is answered. */
  static Stream<Arguments> identityServerRefusals() {
    return Stream.of(
        Arguments.of("refuses the metadata (400)", 400, (Consumer<HttpServerRequest>) request -> request.response()
            .setStatusCode(400).putHeader("Content-Type", "application/json")
            .end("{\"error\":\"invalid_client_metadata\"}")),
        Arguments.of("fails (500)", 500, (Consumer<HttpServerRequest>) request -> request.response()
            .setStatusCode(500).end()),
        Arguments.of("is unavailable (503)", 503, (Consumer<HttpServerRequest>) request -> request.response()
            .setStatusCode(503).putHeader("Retry-After", "1").end()),
        Arguments.of("resets the connection (502)", 502,
            (Consumer<HttpServerRequest>) request -> request.connection().close()));
  }

  @ParameterizedTest(name = "identity server {0}")
  @MethodSource("identityServerRefusals")
  void aTokenTheIdentityServerDidNotActOnMayRegisterAgain(String refusal, int answered,
      Consumer<HttpServerRequest> identityServer) throws Exception {
    String token = issuer.mint("mobile-app", c -> c);
    fixture.upstream().respondWith(identityServer);

    assertThat(post(MOBILE, Optional.of(token), NATIVE_APP).statusCode()).isEqualTo(answered);
    clear();
    assertThat(post(MOBILE, Optional.of(token), NATIVE_APP).statusCode()).isEqualTo(201);
    // Registered now: the claim the identity server's refusal released is taken again, and kept.
    fixture.upstream().clear();
    assertRefused(post(MOBILE, Optional.of(token), NATIVE_APP), 401, "invalid_token", "token.already-used");
  }

  @Test
  void theCertificateRouteIsUnchanged() throws Exception {
    HttpResponse<Buffer> response = post("/register", Optional.of(issuer.mint("mobile-app", c -> c)), NATIVE_APP);

    assertRefused(response, 401, "invalid_client", "tls.client-cert.missing");
  }

  @Test
  void aCertificateDoesNotReplaceTheToken() throws Exception {
    HttpResponse<Buffer> response = TppClient.create(fixture.vertx(), DevPkiLayout.OFB_TPP1_A)
        .post(fixture.gateway().port(), "127.0.0.1", MOBILE)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(NATIVE_APP.toBuffer()).await(20, TimeUnit.SECONDS);

    assertRefused(response, 401, "invalid_token", "token.missing");
  }

  @Test
  void partnerTokenIsIntrospectedWithTheGatewaysCredentialsAndCached() throws Exception {
    String token = "opaque-partner-token-1";
    issuer.activate(token, new JsonObject().put("scope", "dcr").put("client_id", "partner-b")
        .put("iss", TokenIssuer.ISSUER).put("exp", Instant.now().plusSeconds(600).getEpochSecond()));
    int introspectedBefore = issuer.introspections().size();

    assertThat(post(PARTNER, Optional.of(token), NATIVE_APP).statusCode()).isEqualTo(201);
    assertThat(post(PARTNER, Optional.of(token), NATIVE_APP).statusCode()).isEqualTo(201);

    List<TokenIssuer.Introspection> calls = issuer.introspections();
    assertThat(calls).hasSize(introspectedBefore + 1);
    TokenIssuer.Introspection call = calls.get(calls.size() - 1);
    assertThat(call.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
        (TokenIssuer.GATEWAY_CLIENT + ":" + TokenIssuer.GATEWAY_SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(call.form().get("token")).isEqualTo(token);
    assertThat(fixture.upstream().received()).hasSize(2);
  }

  @Test
  void revokedPartnerTokenIsInvalidToken() throws Exception {
    String token = "opaque-partner-token-revoked";

    assertRefused(post(PARTNER, Optional.of(token), NATIVE_APP), 401, "invalid_token", "token.inactive");
  }

  @Test
  void introspectedTokenWithoutTheScopeIsInsufficientScope() throws Exception {
    String token = "opaque-partner-token-no-scope";
    issuer.activate(token, new JsonObject().put("scope", "openid").put("client_id", "partner-b"));

    assertRefused(post(PARTNER, Optional.of(token), NATIVE_APP), 403, "insufficient_scope", "token.insufficient-scope");
  }

  @Test
  void introspectionFailingIsTemporarilyUnavailableNotAGuess() throws Exception {
    String token = "opaque-partner-token-while-down";
    issuer.activate(token, new JsonObject().put("scope", "dcr").put("client_id", "partner-b"));
    issuer.introspectionAnswers(500);
    try {
      HttpResponse<Buffer> response = post(PARTNER, Optional.of(token), NATIVE_APP);

      assertRefused(response, 503, "temporarily_unavailable", "token.introspection-unavailable");
      assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    } finally {
      issuer.introspectionAnswers(200);
    }
  }

  @Test
  void templatizedRequestOfAnAllowedClientIsForwardedAsIs() throws Exception {
    String token = issuer.mint("partner-a", c -> c.jwtID("jti-template-1"));
    String body = "{\"software_id\":\"partner-template\"}";

    HttpResponse<Buffer> response = TppClient.create(fixture.vertx(), Optional.empty(), false)
        .post(fixture.gateway().port(), "127.0.0.1", MOBILE)
        .putHeader("Content-Type", "application/json").putHeader("Authorization", "Bearer " + token)
        .sendBuffer(Buffer.buffer(body)).await(20, TimeUnit.SECONDS);

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(fixture.upstream().only().body().toString()).isEqualTo(body);
    JsonObject event = fixture.gateway().audit().awaitMatching(e -> e.containsKey("initial_access_token")
        && "jti-template-1".equals(e.getJsonObject("initial_access_token").getString("jti")));
    assertThat(event.getJsonObject("initial_access_token").getString("template")).isEqualTo("partner-template");
  }

  @Test
  void templateOfAnotherClientIsRefused() throws Exception {
    String token = issuer.mint("partner-b", c -> c);

    assertRefused(post(MOBILE, Optional.of(token), new JsonObject().put("software_id", "partner-template")), 400,
        "invalid_client_metadata", "template.not-allowed");
  }

  @Test
  void templateAllowedByAUserClaim() throws Exception {
    String beta = issuer.mint("mobile-app", c -> c.claim("groups", List.of("staff", "beta")));
    String other = issuer.mint("mobile-app", c -> c.claim("groups", List.of("staff")));
    JsonObject request = new JsonObject().put("software_id", "beta-template");

    assertRefused(post(MOBILE, Optional.of(other), request), 400, "invalid_client_metadata", "template.not-allowed");
    assertThat(post(MOBILE, Optional.of(beta), request).statusCode()).isEqualTo(201);
  }

  @Test
  void unknownTemplateAndTemplateWithMetadataOfItsOwnAreRefused() throws Exception {
    String token = issuer.mint("partner-a", c -> c);

    assertRefused(post(MOBILE, Optional.of(token), new JsonObject().put("software_id", "nope")), 400,
        "invalid_client_metadata", "template.unknown");
    assertRefused(post(MOBILE, Optional.of(token), NATIVE_APP.copy().put("software_id", "partner-template")), 400,
        "invalid_client_metadata", "template.extra-metadata");
  }
}
