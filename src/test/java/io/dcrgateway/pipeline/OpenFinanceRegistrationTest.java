package io.dcrgateway.pipeline;

import static io.dcrgateway.testkit.TestConfigs.UPSTREAM_PATH;
import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.testkit.GatewayFixture;
import io.dcrgateway.testkit.OfbDirectory;
import io.dcrgateway.testkit.RecordingUpstream;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TppClient;
import io.dcrgateway.tls.PemCertificates;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Open Finance Brasil DCR through the gateway, over real mutual TLS with dev-pki certificates and
 * software statements signed with the dev directory key (SPEC A.2, Appendix E). Every refusal is
 * asserted by exact status and error code, and by the identity server having received nothing.
 */
class OpenFinanceRegistrationTest {

  private static GatewayFixture fixture;
  private static RecordingUpstream upstream;
  private static DevPkiManifest manifest;

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(config -> OfbDirectory.withProfile(config, "open-finance-brasil"));
    upstream = fixture.upstream();
    manifest = DevPkiManifest.read(SharedDevPki.layout().root());
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  @BeforeEach
  void reset() {
    upstream.clear();
    upstream.respondWith(r -> r.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("client_id", "client-" + System.nanoTime())
            .put("registration_client_uri", "http://is.internal" + UPSTREAM_PATH + "/x")
            .put("registration_access_token", "rat").encode()));
  }

  static SoftwareStatementMinter ssa(String client) {
    try {
      return SoftwareStatementMinter.forClient(manifest, client);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A request the suite's happy path sends (BR-24), built from the statement's own values. */
  static JsonObject request(SoftwareStatementMinter ssa) {
    var claims = new JsonObject(ssa.claims());
    return new JsonObject()
        .put("redirect_uris", new JsonArray().add(claims.getJsonArray("software_redirect_uris").getString(0)))
        .put("jwks_uri", claims.getString("software_jwks_uri"))
        .put("token_endpoint_auth_method", "private_key_jwt")
        .put("grant_types", new JsonArray(List.of("refresh_token", "authorization_code", "client_credentials")))
        .put("response_types", new JsonArray(List.of("code id_token")))
        .put("id_token_signed_response_alg", "PS256")
        .put("some_future_field", "unknown metadata never causes rejection")
        .put("software_statement", ssa.mint());
  }

  @Test
  void validRegistrationIsForwardedWithTheStatementByteForByteAndTheRolesScopes() throws Exception {
    SoftwareStatementMinter ssa = ssa(DevPkiLayout.OFB_TPP1_A);
    JsonObject body = request(ssa);

    HttpResponse<Buffer> response = post(DevPkiLayout.OFB_TPP1_A, body);

    assertThat(response.statusCode()).isEqualTo(201);
    JsonObject forwarded = upstream.only().body().toJsonObject();
    assertThat(forwarded.getString("software_statement")).isEqualTo(body.getString("software_statement"));
    assertThat(Set.of(forwarded.getString("scope").split(" "))).contains("openid", "accounts", "payments");
    assertThat(forwarded.getString("some_future_field")).isEqualTo("unknown metadata never causes rejection");
    assertThat(response.bodyAsJsonObject().getString("registration_client_uri"))
        .startsWith("https://127.0.0.1:" + fixture.gateway().port() + "/register/client-");
    JsonObject claims = new JsonObject(ssa.claims());
    String clientId = response.bodyAsJsonObject().getString("client_id");
    JsonObject audited = fixture.gateway().audit().awaitMatching(e -> e.containsKey("registration")
        && clientId.equals(e.getJsonObject("registration").getString("client_id"))).getJsonObject("registration");
    assertThat(audited.getString("profile")).isEqualTo("open-finance-brasil");
    assertThat(audited.getString("software_id")).isEqualTo(claims.getString("software_id"));
    assertThat(audited.getString("org_id")).isEqualTo(claims.getString("org_id"));
    assertThat(audited.getString("statement_jti")).isEqualTo(claims.getString("jti"));
    assertThat(audited.getString("client_id")).isEqualTo(response.bodyAsJsonObject().getString("client_id"));
  }

  @Test
  void tlsClientAuthWithTheCertificatesOwnSubjectDnIsAccepted() throws Exception {
    var certificate = PemCertificates.read(SharedDevPki.layout().client(DevPkiLayout.OFB_TPP1_A).certificate()).get(0);
    JsonObject body = request(ssa(DevPkiLayout.OFB_TPP1_A))
        .put("token_endpoint_auth_method", "tls_client_auth")
        .put("tls_client_auth_subject_dn", certificate.getSubjectX500Principal().getName());

    assertThat(post(DevPkiLayout.OFB_TPP1_A, body).statusCode()).isEqualTo(201);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.dcrgateway.testkit.OfbViolations#cases")
  void refusedWith400AndTheExactErrorAndNothingForwarded(String clause, UnaryOperator<JsonObject> change,
      String error) throws Exception {
    JsonObject body = change.apply(request(ssa(DevPkiLayout.OFB_TPP1_A)));

    HttpResponse<Buffer> response = post(DevPkiLayout.OFB_TPP1_A, body);

    assertThat(response.statusCode()).as(clause).isEqualTo(400);
    assertThat(response.getHeader("Content-Type")).isEqualTo("application/json");
    assertThat(response.bodyAsJsonObject().getString("error")).as(clause).isEqualTo(error);
    assertThat(response.bodyAsJsonObject().getString("error_description")).isNotBlank();
    assertThat(upstream.received()).as(clause).isEmpty();
  }

  @Test
  void aStatementOfAnotherOrganisationThanTheCertificateIsRefused() throws Exception {
    HttpResponse<Buffer> response = post(DevPkiLayout.OFB_TPP2, request(ssa(DevPkiLayout.OFB_TPP1_A)));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_software_statement");
    assertThat(upstream.received()).isEmpty();
  }

  @Test
  void aReplayedStatementIsRefusedTheSecondTime() throws Exception {
    JsonObject body = request(ssa(DevPkiLayout.OFB_TPP1_A));
    assertThat(post(DevPkiLayout.OFB_TPP1_A, body).statusCode()).isEqualTo(201);
    upstream.clear();

    HttpResponse<Buffer> replay = post(DevPkiLayout.OFB_TPP1_A, body);

    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(replay.bodyAsJsonObject().getString("error")).isEqualTo("invalid_software_statement");
    assertThat(replay.bodyAsJsonObject().getString("error_description")).contains("already used");
    assertThat(upstream.received()).isEmpty();
  }

  @Test
  void aStatementRefusedForItsMetadataCanBeUsedAgainOnceTheMetadataIsFixed() throws Exception {
    JsonObject body = request(ssa(DevPkiLayout.OFB_TPP1_A));
    assertThat(post(DevPkiLayout.OFB_TPP1_A, body.copy().put("jwks_uri", "https://evil.example/jwks"))
        .statusCode()).isEqualTo(400);

    assertThat(post(DevPkiLayout.OFB_TPP1_A, body).statusCode()).isEqualTo(201);
  }

  @Test
  void aStatementTheIdentityServerRefusedCanBePresentedAgain() throws Exception {
    JsonObject body = request(ssa(DevPkiLayout.OFB_TPP1_A));
    upstream.respondWith(r -> r.response().setStatusCode(400).putHeader("Content-Type", "application/json")
        .end("{\"error\":\"invalid_client_metadata\"}"));
    assertThat(post(DevPkiLayout.OFB_TPP1_A, body).statusCode()).isEqualTo(400);
    reset();

    assertThat(post(DevPkiLayout.OFB_TPP1_A, body).statusCode()).isEqualTo(201);
  }

  @Test
  void managementAcceptsAnotherCertificateOfTheSameSoftwareAndRefusesOtherSoftware() throws Exception {
    upstream.respondWith(r -> r.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end("{\"client_id\":\"owned-1\"}"));
    assertThat(post(DevPkiLayout.OFB_TPP1_A, request(ssa(DevPkiLayout.OFB_TPP1_A))).statusCode()).isEqualTo(201);
    upstream.respondWith(r -> r.response().setStatusCode(200).putHeader("Content-Type", "application/json")
        .end("{\"client_id\":\"owned-1\"}"));
    upstream.clear();

    HttpResponse<Buffer> sameSoftware = send(DevPkiLayout.OFB_TPP1_B, HttpMethod.GET, "/register/owned-1", null);
    assertThat(sameSoftware.statusCode()).isEqualTo(200);
    assertThat(upstream.received()).hasSize(1);
    assertThat(upstream.only().body().length()).isZero();
    upstream.clear();

    HttpResponse<Buffer> otherSoftware = send(DevPkiLayout.OFB_TPP2, HttpMethod.GET, "/register/owned-1", null);
    assertThat(otherSoftware.statusCode()).isEqualTo(401);
    assertThat(otherSoftware.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
    assertThat(otherSoftware.bodyAsJsonObject().containsKey("client_id")).isFalse();
    assertThat(upstream.received()).isEmpty();
  }

  @Test
  void anUpdateIsCheckedLikeARegistrationAndItsClientIdMustBeThePathsOne() throws Exception {
    upstream.respondWith(r -> r.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end("{\"client_id\":\"upd-1\"}"));
    assertThat(post(DevPkiLayout.OFB_TPP1_A, request(ssa(DevPkiLayout.OFB_TPP1_A))).statusCode()).isEqualTo(201);
    upstream.respondWith(r -> r.response().setStatusCode(200).putHeader("Content-Type", "application/json")
        .end("{\"client_id\":\"upd-1\"}"));
    upstream.clear();

    HttpResponse<Buffer> wrongId = send(DevPkiLayout.OFB_TPP1_A, HttpMethod.PUT, "/register/upd-1",
        request(ssa(DevPkiLayout.OFB_TPP1_A)).put("client_id", "someone-else"));
    assertThat(wrongId.statusCode()).isEqualTo(400);
    assertThat(wrongId.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client_metadata");
    HttpResponse<Buffer> badRedirect = send(DevPkiLayout.OFB_TPP1_A, HttpMethod.PUT, "/register/upd-1",
        request(ssa(DevPkiLayout.OFB_TPP1_A)).put("client_id", "upd-1")
            .put("redirect_uris", new JsonArray().add("https://evil.example/cb")));
    assertThat(badRedirect.statusCode()).isEqualTo(400);
    assertThat(badRedirect.bodyAsJsonObject().getString("error")).isEqualTo("invalid_redirect_uri");
    assertThat(upstream.received()).isEmpty();

    HttpResponse<Buffer> good = send(DevPkiLayout.OFB_TPP1_A, HttpMethod.PUT, "/register/upd-1",
        request(ssa(DevPkiLayout.OFB_TPP1_A)).put("client_id", "upd-1"));
    assertThat(good.statusCode()).isEqualTo(200);
    assertThat(upstream.only().method()).isEqualTo("PUT");
  }

  @Test
  void afterDeleteTheClientIsUnknownToTheGateway() throws Exception {
    upstream.respondWith(r -> r.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end("{\"client_id\":\"del-1\"}"));
    assertThat(post(DevPkiLayout.OFB_TPP1_A, request(ssa(DevPkiLayout.OFB_TPP1_A))).statusCode()).isEqualTo(201);
    upstream.respondWith(r -> r.response().setStatusCode(204).end());

    assertThat(send(DevPkiLayout.OFB_TPP1_A, HttpMethod.DELETE, "/register/del-1", null).statusCode()).isEqualTo(204);
    upstream.clear();

    HttpResponse<Buffer> after = send(DevPkiLayout.OFB_TPP1_A, HttpMethod.GET, "/register/del-1", null);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(upstream.received()).isEmpty();
  }

  private static HttpResponse<Buffer> post(String client, JsonObject body) throws Exception {
    return send(client, HttpMethod.POST, "/register", body);
  }

  private static HttpResponse<Buffer> send(String client, HttpMethod method, String path, JsonObject body)
      throws Exception {
    var request = TppClient.create(fixture.vertx(), client)
        .request(method, fixture.gateway().port(), "127.0.0.1", path)
        .putHeader("Authorization", "Bearer rat");
    if (body == null) {
      return request.send().await(20, TimeUnit.SECONDS);
    }
    return request.putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer())
        .await(20, TimeUnit.SECONDS);
  }

}
