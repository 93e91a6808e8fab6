package io.dcrgateway.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.config.GatewayConfig;
import io.dcrgateway.config.UpstreamConfig;
import io.dcrgateway.config.UpstreamConfig.IdentityServer;
import io.dcrgateway.config.UpstreamConfig.PassThroughRoute;
import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.testkit.OfbDirectory;
import io.dcrgateway.testkit.RunningGateway;
import io.dcrgateway.testkit.SharedDevPki;
import io.dcrgateway.testkit.TestConfigs;
import io.dcrgateway.testkit.TestVertx;
import io.dcrgateway.testkit.TppClient;
import io.dcrgateway.tls.PemCertificates;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole path with a real identity server: TPP -> mTLS -> gateway rules -> Keycloak -> a
 * client bound to the certificate -> a certificate-bound token through the gateway's token route.
 * Refusals are checked against Keycloak itself: its client count does not move.
 */
@ExtendWith(KeycloakExtension.class)
class GatewayKeycloakIT {

  private static final String TOKEN_PATH = "/realms/" + KeycloakServer.REALM + "/protocol/openid-connect/token";

  private static KeycloakServer keycloak;
  private static Vertx vertx;
  private static RunningGateway gateway;
  private static DevPkiManifest manifest;

  @BeforeAll
  static void start(KeycloakServer server) throws Exception {
    keycloak = server;
    vertx = TestVertx.create();
    manifest = DevPkiManifest.read(SharedDevPki.layout().root());
    GatewayConfig base = OfbDirectory.withProfile(
        TestConfigs.forUpstream(keycloak.baseUri().toString().replaceAll("/+$", "")), "open-finance-brasil");
    UpstreamConfig u = base.upstream();
    gateway = RunningGateway.start(vertx, TestConfigs.withUpstream(base, new UpstreamConfig(u.baseUrl(),
        "/realms/" + KeycloakServer.REALM + "/clients-registrations/openid-connect", u.tls(), u.connectTimeout(),
        u.responseTimeout(), u.poolSize(), IdentityServer.of("keycloak"),
        List.of(new PassThroughRoute("/token", TOKEN_PATH, List.of("POST"))))));
  }

  @AfterAll
  static void stop() throws Exception {
    gateway.close();
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void registrationGivesAClientBoundToTheCertificateAndACertificateBoundToken() throws Exception {
    String ssa = ssa(DevPkiLayout.OFB_TPP1_A).mint();

    HttpResponse<Buffer> response = send(DevPkiLayout.OFB_TPP1_A, HttpMethod.POST, "/register", null,
        request(DevPkiLayout.OFB_TPP1_A, ssa));

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    JsonObject client = response.bodyAsJsonObject();
    String clientId = client.getString("client_id");
    assertThat(client.getString("software_statement")).isEqualTo(ssa);
    assertThat(client.getString("scope")).contains("accounts").contains("payments");
    assertThat(client.getString("registration_client_uri"))
        .isEqualTo("https://127.0.0.1:" + gateway.port() + "/register/" + clientId);
    assertThat(keycloak.admin().boundSubjectDn(clientId))
        .contains(certificate(DevPkiLayout.OFB_TPP1_A).getSubjectX500Principal().getName());

    HttpResponse<Buffer> token = TppClient.create(vertx, DevPkiLayout.OFB_TPP1_A)
        .post(gateway.port(), "127.0.0.1", "/token")
        .putHeader("Content-Type", "application/x-www-form-urlencoded")
        .sendBuffer(Buffer.buffer("grant_type=client_credentials&scope=accounts&client_id=" + clientId))
        .await(30, TimeUnit.SECONDS);
    assertThat(token.statusCode()).as(token.bodyAsString()).isEqualTo(200);
    JsonObject claims = payload(token.bodyAsJsonObject().getString("access_token"));
    assertThat(claims.getJsonObject("cnf").getString("x5t#S256"))
        .isEqualTo(thumbprint(certificate(DevPkiLayout.OFB_TPP1_A)));
  }

  @Test
  void managementThroughTheGatewayKeepsTheTokenAndEndsWith401AfterDelete() throws Exception {
    JsonObject registered = register(DevPkiLayout.OFB_TPP1_A);
    String path = "/register/" + registered.getString("client_id");
    String rat = registered.getString("registration_access_token");

    HttpResponse<Buffer> read = send(DevPkiLayout.OFB_TPP1_B, HttpMethod.GET, path, rat, null);
    assertThat(read.statusCode()).as(read.bodyAsString()).isEqualTo(200);

    // As the OFB conformance suite builds it: the read answer minus the four RFC 7592 §2.2
    // fields, with a fresh statement (BRM-04, BRM-07).
    JsonObject update = read.bodyAsJsonObject().copy();
    List.of("registration_access_token", "registration_client_uri", "client_secret_expires_at",
        "client_id_issued_at").forEach(update::remove);
    update.put("software_statement", ssa(DevPkiLayout.OFB_TPP1_A).mint());
    HttpResponse<Buffer> updated = send(DevPkiLayout.OFB_TPP1_A, HttpMethod.PUT, path, rat, update);
    assertThat(updated.statusCode()).as(updated.bodyAsString()).isEqualTo(200);
    assertThat(updated.bodyAsJsonObject().getString("registration_access_token")).isEqualTo(rat);

    assertThat(send(DevPkiLayout.OFB_TPP1_A, HttpMethod.DELETE, path, rat, null).statusCode()).isEqualTo(204);
    HttpResponse<Buffer> gone = send(DevPkiLayout.OFB_TPP1_A, HttpMethod.GET, path, rat, null);
    assertThat(gone.statusCode()).isEqualTo(401);
    assertThat(gone.bodyAsJsonObject().containsKey("client_id")).isFalse();
  }

  @Test
  void anotherOrganisationsCertificateCannotManageTheClient() throws Exception {
    JsonObject registered = register(DevPkiLayout.OFB_TPP1_A);
    String path = "/register/" + registered.getString("client_id");

    HttpResponse<Buffer> response = send(DevPkiLayout.OFB_TPP2, HttpMethod.DELETE, path,
        registered.getString("registration_access_token"), null);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(keycloak.admin().client(registered.getString("client_id"))).isPresent();
  }

  /** Keycloak alone accepts this certificate (KeycloakSmokeIT shows it): the gateway must not. */
  @Test
  void theForgedCertificateNeverReachesKeycloak() throws Exception {
    int before = keycloak.admin().clientCount();

    HttpResponse<Buffer> response = send(DevPkiLayout.FORGED, HttpMethod.POST, "/register", null,
        request(DevPkiLayout.OFB_TPP1_A, ssa(DevPkiLayout.OFB_TPP1_A).mint()));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.bodyAsJsonObject().getString("error")).isEqualTo("invalid_client");
    assertThat(keycloak.admin().clientCount()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.dcrgateway.testkit.OfbViolations#cases")
  void ruleViolationsNeverReachKeycloak(String clause, UnaryOperator<JsonObject> change, String error)
      throws Exception {
    int before = keycloak.admin().clientCount();

    HttpResponse<Buffer> response = send(DevPkiLayout.OFB_TPP1_A, HttpMethod.POST, "/register", null,
        change.apply(request(DevPkiLayout.OFB_TPP1_A, ssa(DevPkiLayout.OFB_TPP1_A).mint())));

    assertThat(response.statusCode()).as(clause).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("error")).as(clause).isEqualTo(error);
    assertThat(keycloak.admin().clientCount()).as(clause).isEqualTo(before);
  }

  private static JsonObject register(String client) throws Exception {
    HttpResponse<Buffer> response = send(client, HttpMethod.POST, "/register", null,
        request(client, ssa(client).mint()));
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private static SoftwareStatementMinter ssa(String client) throws Exception {
    return SoftwareStatementMinter.forClient(manifest, client);
  }

  /** What the OFB conformance suite sends for the tls_client_auth variant (SPEC BR-24). */
  private static JsonObject request(String client, String ssa) throws Exception {
    JsonObject claims = payload(ssa);
    return new JsonObject()
        .put("redirect_uris", new JsonArray().add(claims.getJsonArray("software_redirect_uris").getString(0)))
        .put("jwks_uri", claims.getString("software_jwks_uri"))
        .put("token_endpoint_auth_method", "tls_client_auth")
        .put("tls_client_auth_subject_dn", certificate(client).getSubjectX500Principal().getName())
        .put("grant_types", new JsonArray(List.of("authorization_code", "refresh_token", "client_credentials")))
        .put("response_types", new JsonArray(List.of("code")))
        .put("software_statement", ssa);
  }

  private static HttpResponse<Buffer> send(String client, HttpMethod method, String path, String token,
      JsonObject body) throws Exception {
    var request = TppClient.create(vertx, client).request(method, gateway.port(), "127.0.0.1", path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    if (body == null) {
      return request.send().await(30, TimeUnit.SECONDS);
    }
    return request.putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer())
        .await(30, TimeUnit.SECONDS);
  }

  private static X509Certificate certificate(String client) throws Exception {
    return PemCertificates.read(SharedDevPki.layout().client(client).certificate()).get(0);
  }

  private static JsonObject payload(String jwt) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static String thumbprint(X509Certificate certificate) throws Exception {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
  }
}
