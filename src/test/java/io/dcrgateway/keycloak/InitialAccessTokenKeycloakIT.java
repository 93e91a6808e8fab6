package io.dcrgateway.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.InitialAccessTokenConfig;
import io.dcrgateway.config.InitialAccessTokenConfig.Template;
import io.dcrgateway.config.InitialAccessTokenConfig.Validation;
import io.dcrgateway.config.ProfileConfig;
import io.dcrgateway.config.ProfileConfig.RuleConfig;
import io.dcrgateway.config.RegistrationConfig;
import io.dcrgateway.config.RouteConfig;
import io.dcrgateway.config.UpstreamConfig;
import io.dcrgateway.config.UpstreamConfig.IdentityServer;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.dcrgateway.testkit.TokenIssuer;
import io.dcrgateway.testkit.TppClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Initial access tokens from a real Keycloak (issue 9): a mobile app signs its user in with scope
 * {@code dcr}, registers its own client through the gateway's token route (no certificate), then
 * signs the user in again with that new client (authorization code + PKCE, RFC 8252) and gets its
 * own access token. A partner back end gets its token with client_credentials and registers
 * through the introspection route; a revoked token is refused, a token without scope {@code dcr}
 * is refused as insufficient. Every refusal is checked against Keycloak's client count.
 */
@ExtendWith(KeycloakExtension.class)
class InitialAccessTokenKeycloakIT {

  private static final String MOBILE = "/register/mobile";
  private static final String PARTNER = "/register/partner";
  private static final String REDIRECT = "com.example.app:/oauth2redirect";
  private static final String OIDC = "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect";
  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");

  private static KeycloakServer keycloak;
  private static Vertx vertx;
  private static RunningGateway gateway;
  private static HttpClient http;

  @BeforeAll
  static void start(KeycloakServer server) throws Exception {
    keycloak = server;
    vertx = TestVertx.create();
    http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(10)).build();
    String base = keycloak.baseUri().toString().replaceAll("/+$", "");
    String realm = base + "/realms/" + KeycloakServer.REALM;
    ProfileConfig nativeApps = new ProfileConfig("mobile-native", "test", false, false, List.of(
        new RuleConfig("redirect-uris.required", "test.rules[0]", Map.of()),
        new RuleConfig("grant-types.allowed", "test.rules[1]", Map.of("allowed", List.of("authorization_code"))),
        new RuleConfig("token-endpoint-auth-method.allowed", "test.rules[2]", Map.of("allowed", List.of("none")))));
    InitialAccessTokenConfig jwt = new InitialAccessTokenConfig(Validation.JWT, Optional.of(realm),
        Optional.of("dcr-gateway"), Optional.of(URI.create(realm + "/protocol/openid-connect/certs")),
        InitialAccessTokenConfig.DEFAULT_ALGORITHMS, Optional.empty(), Optional.empty(), Optional.empty(), "dcr",
        Duration.ofSeconds(10), Duration.ZERO, 100, Duration.ofSeconds(5), true, List.of());
    InitialAccessTokenConfig introspection = new InitialAccessTokenConfig(Validation.INTROSPECTION,
        Optional.of(realm), Optional.empty(), Optional.empty(), List.of(),
        Optional.of(URI.create(realm + "/protocol/openid-connect/token/introspect")), Optional.of("dcr-gateway"),
        Optional.of("gateway-secret"), "dcr", Duration.ofSeconds(10), Duration.ZERO, 100, Duration.ofSeconds(5),
        false, List.of(new Template("partner-template", List.of("dcr-partner"), Optional.empty(), List.of()),
            new Template("other-template", List.of("someone-else"), Optional.empty(), List.of())));
    GatewayConfig config = TestConfigs.forUpstream(base);
    UpstreamConfig u = config.upstream();
    config = TestConfigs.withUpstream(config, new UpstreamConfig(u.baseUrl(),
        "/realms/" + KeycloakServer.REALM + "/clients-registrations/openid-connect", u.tls(), u.connectTimeout(),
        u.responseTimeout(), u.poolSize(), IdentityServer.of("keycloak"), List.of()));
    RegistrationConfig r = config.registration();
    List<ProfileConfig> profiles = new java.util.ArrayList<>(r.profiles());
    profiles.add(nativeApps);
    config = TestConfigs.withRegistration(config, new RegistrationConfig(r.profile(), r.publicBaseUrl(),
        r.signedRequests(), r.audience(), r.directories(), profiles, r.oneRegistration(), List.of(
            new RouteConfig(MOBILE, "mobile-native", false, Optional.of(jwt)),
            new RouteConfig(PARTNER, "mobile-native", false, Optional.of(introspection)))));
    gateway = RunningGateway.start(vertx, config);
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void mobileAppRegistersWithItsUsersTokenThenSignsTheUserInWithTheNewClient() throws Exception {
    String userToken = userToken("openid dcr");

    HttpResponse<Buffer> registered = register(MOBILE, userToken, nativeApp());

    assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
    JsonObject client = registered.bodyAsJsonObject();
    String clientId = client.getString("client_id");
    assertThat(client.getString("registration_client_uri"))
        .isEqualTo("https://127.0.0.1:" + gateway.port() + MOBILE + "/" + clientId);
    JsonObject audit = gateway.audit().awaitMatching(e -> e.containsKey("initial_access_token")
        && e.getJsonObject("registration", new JsonObject()).containsKey("client_id")
        && clientId.equals(e.getJsonObject("registration").getString("client_id")));
    assertThat(audit.getJsonObject("initial_access_token").getString("client_id")).isEqualTo("dcr-mobile-bootstrap");
    assertThat(audit.getJsonObject("initial_access_token").getString("sub")).isNotBlank();

    // Second sign-in, with the app's own client: RFC 8252 §7.1 authorization code, delivered to the
    // app's private-use scheme, redeemed by the app itself with its PKCE verifier (RFC 7636 §4.5):
    // a public client, so no secret and no certificate.
    Pkce pkce = Pkce.s256();
    String code = signIn(clientId, pkce);
    HttpResponse<Buffer> tokens = form(OIDC + "/token", Map.of("grant_type", "authorization_code", "code", code,
        "redirect_uri", REDIRECT, "client_id", clientId, "code_verifier", pkce.verifier()));
    assertThat(tokens.statusCode()).as(tokens.bodyAsString()).isEqualTo(200);
    JsonObject claims = payload(tokens.bodyAsJsonObject().getString("access_token"));
    assertThat(claims.getString("azp")).isEqualTo(clientId);
    assertThat(claims.getString("sub")).isEqualTo(payload(userToken).getString("sub"));
    // The realm binds confidential registrations to a certificate (RFC 8705), never public ones.
    assertThat(claims.containsKey("cnf")).isFalse();

    // The same user token registers one client only.
    int before = keycloak.admin().clientCount();
    HttpResponse<Buffer> again = register(MOBILE, userToken, nativeApp());
    assertThat(again.statusCode()).isEqualTo(401);
    assertThat(again.bodyAsJsonObject().getString("error")).isEqualTo("invalid_token");
    assertThat(keycloak.admin().clientCount()).isEqualTo(before);
  }

  /** RFC 8252 §8.1: a native app's client uses PKCE; the realm's public-client policy makes it S256, always. */
  @Test
  void newNativeClientCannotSignInWithoutPkce() throws Exception {
    String userToken = userToken("openid dcr");
    HttpResponse<Buffer> registered = register(MOBILE, userToken, nativeApp());
    assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);

    var answer = browse(java.net.http.HttpRequest.newBuilder(authorization(
        registered.bodyAsJsonObject().getString("client_id"), Map.of())).GET(), new LinkedHashMap<>());

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    Map<String, String> query = queryOf(answer.headers().firstValue("Location").orElseThrow());
    assertThat(query.get("error")).isEqualTo("invalid_request");
    assertThat(query.get("error_description")).contains("code_challenge");
    assertThat(query).doesNotContainKey("code");
  }

  /**
   * RFC 6750 §3.1: a real token issued for the gateway (aud {@code dcr-gateway}, which the realm
   * adds to every token of these clients) but without scope {@code dcr} is valid and insufficient.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("tokensWithoutTheDcrScope")
  void tokenWithoutTheDcrScopeIsRefusedWithInsufficientScope(String caller, String route,
      Map<String, String> tokenRequest) throws Exception {
    String token = token(tokenRequest);
    JsonObject claims = payload(token);
    assertThat(audiences(claims)).as(caller).contains("dcr-gateway");
    assertThat(claims.getString("scope", "").split(" ")).as(caller).doesNotContain("dcr");
    int before = keycloak.admin().clientCount();

    HttpResponse<Buffer> response = register(route, token, nativeApp());

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(403);
    assertThat(response.getHeader("WWW-Authenticate"))
        .startsWith("Bearer error=\"insufficient_scope\"").contains("scope=\"dcr\"");
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("insufficient_scope");
    String requestId = response.getHeader("X-Request-Id");
    assertThat(requestId).isNotBlank();
    JsonObject audit = gateway.audit().awaitMatching(e -> requestId.equals(e.getString("request_id")));
    assertThat(audit.getString("reason")).isEqualTo("token.insufficient-scope");
    assertThat(audit.containsKey("upstream_status")).as("forwarded").isFalse();
    assertThat(keycloak.admin().clientCount()).isEqualTo(before);
  }

  static Stream<Arguments> tokensWithoutTheDcrScope() {
    return Stream.of(
        Arguments.of("user token of the mobile app, checked as a JWT", MOBILE, Map.of("grant_type", "password",
            "client_id", "dcr-mobile-bootstrap", "username", "alice", "password", "alice-password", "scope", "openid")),
        Arguments.of("partner's client_credentials token, checked by introspection", PARTNER, Map.of(
            "grant_type", "client_credentials", "client_id", "dcr-partner", "client_secret", "partner-secret")));
  }

  @Test
  void forgedTokenIsRefusedAsInvalid() throws Exception {
    int before = keycloak.admin().clientCount();
    String forged = TokenIssuer.mint(TokenIssuer.claims("dcr-mobile-bootstrap")
        .issuer(keycloak.baseUri().toString().replaceAll("/+$", "") + "/realms/" + KeycloakServer.REALM)
        .build(), TokenIssuer.newKey("forged"));

    HttpResponse<Buffer> response = register(MOBILE, forged, nativeApp());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_token");
    assertThat(keycloak.admin().clientCount()).isEqualTo(before);
  }

  @Test
  void partnerBackEndRegistersWithAClientCredentialsTokenCheckedByIntrospection() throws Exception {
    String partnerToken = partnerToken();

    HttpResponse<Buffer> registered = register(PARTNER, partnerToken, nativeApp());

    assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
    assertThat(registered.bodyAsJsonObject().getString("registration_client_uri")).contains(PARTNER + "/");
  }

  @Test
  void revokedPartnerTokenIsInactiveAtIntrospection() throws Exception {
    String partnerToken = partnerToken();
    HttpResponse<Buffer> revoked = form(OIDC + "/revoke",
        Map.of("token", partnerToken, "token_type_hint", "access_token", "client_id", "dcr-partner",
            "client_secret", "partner-secret"));
    assertThat(revoked.statusCode()).isEqualTo(200);
    int before = keycloak.admin().clientCount();

    HttpResponse<Buffer> response = register(PARTNER, partnerToken, nativeApp());

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_token");
    assertThat(gateway.audit().awaitMatching(e -> "token.inactive".equals(e.getString("reason")))).isNotNull();
    assertThat(keycloak.admin().clientCount()).isEqualTo(before);
  }

  @Test
  void partnerMayRegisterFromItsTemplateOnly() throws Exception {
    String partnerToken = partnerToken();
    int before = keycloak.admin().clientCount();

    HttpResponse<Buffer> refused = register(PARTNER, partnerToken, new JsonObject().put("software_id", "other-template"));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client_metadata");
    assertThat(keycloak.admin().clientCount()).isEqualTo(before);

    HttpResponse<Buffer> allowed = register(PARTNER, partnerToken, new JsonObject().put("software_id", "partner-template"));
    // Keycloak has no templates of its own: it registers a client carrying the software_id as sent.
    assertThat(allowed.statusCode()).as(allowed.bodyAsString()).isEqualTo(201);
    assertThat(allowed.bodyAsJsonObject().getString("software_id")).isEqualTo("partner-template");
  }

  private static JsonObject nativeApp() {
    return new JsonObject()
        .put("client_name", "mobile " + UUID.randomUUID())
        .put("application_type", "native")
        .put("redirect_uris", new JsonArray().add(REDIRECT))
        .put("grant_types", new JsonArray().add("authorization_code"))
        .put("response_types", new JsonArray().add("code"))
        .put("token_endpoint_auth_method", "none");
  }

  /** Alice signs in to the app before it has a client of its own (password grant for brevity). */
  private static String userToken(String scope) throws Exception {
    return token(Map.of("grant_type", "password", "client_id", "dcr-mobile-bootstrap",
        "username", "alice", "password", "alice-password", "scope", scope));
  }

  private static String partnerToken() throws Exception {
    return token(Map.of("grant_type", "client_credentials", "client_id", "dcr-partner",
        "client_secret", "partner-secret", "scope", "dcr"));
  }

  private static HttpResponse<Buffer> register(String route, String token, JsonObject body) throws Exception {
    HttpRequest<Buffer> request = TppClient.create(vertx, Optional.empty(), false)
        .post(gateway.port(), "127.0.0.1", route).putHeader("Content-Type", "application/json")
        .putHeader("Authorization", "Bearer " + token);
    return request.sendBuffer(body.toBuffer()).await(30, TimeUnit.SECONDS);
  }

  private static String token(Map<String, String> form) throws Exception {
    HttpResponse<Buffer> response = form(OIDC + "/token", form);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    return response.bodyAsJsonObject().getString("access_token");
  }

  private static HttpResponse<Buffer> form(String path, Map<String, String> form) throws Exception {
    URI uri = keycloak.baseUri().resolve(path);
    return io.vertx.ext.web.client.WebClient.create(vertx)
        .postAbs(uri.toString())
        .sendForm(io.vertx.core.MultiMap.caseInsensitiveMultiMap().addAll(form))
        .await(30, TimeUnit.SECONDS);
  }

  /** A user signing in in the app's browser tab: login form, consent if asked, code to the app's scheme. */
  private static String signIn(String clientId, Pkce pkce) throws Exception {
    Map<String, String> cookies = new LinkedHashMap<>();
    var page = browse(java.net.http.HttpRequest.newBuilder(authorization(clientId, Map.of(
        "code_challenge", pkce.challenge(), "code_challenge_method", "S256"))).GET(), cookies);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    var answer = browse(post(action(page.body()), Map.of("username", "alice", "password", "alice-password")), cookies);
    if (answer.statusCode() == 200) {
      // Anonymous registrations get consent required (the realm's policy): the user grants it once.
      answer = browse(post(action(answer.body()), Map.of("accept", "Yes")), cookies);
    }
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
    String location = answer.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(REDIRECT + "?");
    Map<String, String> query = queryOf(location);
    assertThat(query.get("state")).isEqualTo("s1");
    assertThat(query.get("code")).isNotBlank();
    return query.get("code");
  }

  /** The app's authorization request (RFC 6749 §4.1.1), with {@code extra} parameters (PKCE). */
  private static URI authorization(String clientId, Map<String, String> extra) {
    Map<String, String> query = new LinkedHashMap<>(Map.of("client_id", clientId, "response_type", "code",
        "redirect_uri", REDIRECT, "scope", "openid", "state", "s1"));
    query.putAll(extra);
    return keycloak.baseUri().resolve(OIDC + "/auth?" + encode(query));
  }

  private static Map<String, String> queryOf(String location) {
    assertThat(location).startsWith(REDIRECT + "?");
    return java.util.Arrays.stream(location.substring(location.indexOf('?') + 1).split("&"))
        .map(p -> p.split("=", 2)).collect(Collectors.toMap(p -> p[0],
            p -> URLDecoder.decode(p.length > 1 ? p[1] : "", StandardCharsets.UTF_8), (a, b) -> a));
  }

  private static URI action(String html) {
    Matcher form = FORM_ACTION.matcher(html);
    assertThat(form.find()).as(html).isTrue();
    return URI.create(form.group(1).replace("&amp;", "&"));
  }

  private static java.net.http.HttpRequest.Builder post(URI uri, Map<String, String> form) {
    return java.net.http.HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(BodyPublishers.ofString(encode(form)));
  }

  /** A browser's cookie handling, Secure cookies included (Keycloak sets them on plain http to 127.0.0.1 too). */
  private static java.net.http.HttpResponse<String> browse(java.net.http.HttpRequest.Builder request,
      Map<String, String> cookies) throws Exception {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
          .collect(Collectors.joining("; ")));
    }
    var response = http.send(request.build(), BodyHandlers.ofString());
    for (String set : response.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return response;
  }

  private static String encode(Map<String, String> form) {
    return new LinkedHashMap<>(form).entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static JsonObject payload(String jwt) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  /** RFC 7519 §4.1.3: one audience as a string, several as an array. */
  private static List<Object> audiences(JsonObject claims) {
    Object aud = claims.getValue("aud");
    return aud instanceof JsonArray array ? array.getList() : aud == null ? List.of() : List.of(aud);
  }

  /** RFC 7636 §4.1-4.2: a high-entropy verifier and its S256 challenge. */
  private record Pkce(String verifier, String challenge) {
    static Pkce s256() throws Exception {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII))));
    }
  }
}
