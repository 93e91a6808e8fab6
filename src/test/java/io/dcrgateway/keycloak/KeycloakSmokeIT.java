package io.dcrgateway.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import io.dcrgateway.devpki.DevPkiLayout;
import io.dcrgateway.testkit.SharedDevPki;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keycloak alone, as the gateway will drive it: the realm in {@code conf/keycloak/dcr-realm.json}
 * takes a {@code tls_client_auth} registration from the gateway's address, binds the client to
 * the certificate's subject DN and issues certificate-bound tokens (RFC 8705) to the RFC 9440
 * {@code Client-Cert} header. No gateway here: this proves the harness and the realm.
 */
@ExtendWith(KeycloakExtension.class)
class KeycloakSmokeIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String OFB_SCOPE = "openid accounts credit-cards-accounts consents customers"
      + " invoice-financings financings loans unarranged-accounts-overdraft resources payments";
  /** The TPP's address as the gateway would report it on the token route. */
  private static final String TPP_ADDRESS = "203.0.113.7";

  private static KeycloakServer keycloak;
  private static X509Certificate tpp;
  private static X509Certificate forged;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  @BeforeAll
  static void keycloakAndCertificates(KeycloakServer server) throws Exception {
    keycloak = server;
    DevPkiLayout pki = SharedDevPki.layout();
    tpp = certificate(pki, DevPkiLayout.OFB_TPP1_A);
    forged = certificate(pki, DevPkiLayout.FORGED);
  }

  @Test
  void registersTlsClientAuthClientBoundToTheCertificateSubject() throws Exception {
    int before = keycloak.admin().clientCount();

    HttpResponse<String> response = register(registration(tpp), Optional.empty());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonObject client = new JsonObject(response.body());
    assertThat(client.getString("client_id")).isNotBlank();
    assertThat(client.getString("registration_access_token")).isNotBlank();
    assertThat(client.getString("registration_client_uri"))
        .isEqualTo(keycloak.registrationEndpoint() + "/" + client.getString("client_id"));
    assertThat(client.getString("token_endpoint_auth_method")).isEqualTo("tls_client_auth");
    // "openid" is accepted but is no client scope: Keycloak leaves it out of the answer
    assertThat(client.getString("scope").split(" "))
        .containsExactlyInAnyOrder(OFB_SCOPE.replace("openid ", "").split(" "));
    // the realm's holder-of-key policy turns binding on even though the request did not ask
    assertThat(client.getBoolean("tls_client_certificate_bound_access_tokens")).isTrue();

    KeycloakAdmin admin = keycloak.admin();
    assertThat(admin.clientCount()).isEqualTo(before + 1);
    JsonObject stored = admin.client(client.getString("client_id")).orElseThrow();
    assertThat(stored.getString("clientAuthenticatorType")).isEqualTo(KeycloakAdmin.TLS_CLIENT_AUTH_AUTHENTICATOR);
    assertThat(admin.boundSubjectDn(client.getString("client_id"))).contains(subjectDn(tpp));
  }

  @Test
  void issuesAccessTokenBoundToTheRegisteringCertificate() throws Exception {
    String clientId = registered(tpp).getString("client_id");

    HttpResponse<String> response = clientCredentials(clientId, tpp);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject claims = payload(new JsonObject(response.body()).getString("access_token"));
    assertThat(claims.getString("azp")).isEqualTo(clientId);
    assertThat(claims.getJsonObject("cnf").getString("x5t#S256")).isEqualTo(thumbprint(tpp));
  }

  @Test
  void keepsTheRegistrationAccessTokenOnReadAndUpdateThenDeletes() throws Exception {
    JsonObject client = registered(tpp);
    URI uri = URI.create(client.getString("registration_client_uri"));
    String token = client.getString("registration_access_token");

    HttpResponse<String> read = send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET());
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(new JsonObject(read.body()).getString("registration_access_token")).isEqualTo(token);

    JsonObject update = registration(tpp).put("client_id", client.getString("client_id")).put("client_name", "TPP One");
    HttpResponse<String> updated = send(HttpRequest.newBuilder(uri)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(update.encode())));
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    // OFB DCM: the token is not rotated (realm policy registration-access-token-rotation-disabled)
    assertThat(new JsonObject(updated.body()).getString("registration_access_token")).isEqualTo(token);
    assertThat(new JsonObject(updated.body()).getString("client_name")).isEqualTo("TPP One");

    HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).DELETE());
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
    HttpResponse<String> gone = send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET());
    assertThat(gone.statusCode()).isEqualTo(401);
    assertThat(keycloak.admin().client(client.getString("client_id"))).isEmpty();
  }

  /** Why the gateway exists: Keycloak compares the subject DN only, never the issuing CA. */
  @Test
  void keycloakAloneIssuesTokenToForgedCertificateWithTheSameSubject() throws Exception {
    assertThat(subjectDn(forged)).isEqualTo(subjectDn(tpp));
    assertThat(forged.getIssuerX500Principal()).isEqualTo(tpp.getIssuerX500Principal());
    String clientId = registered(tpp).getString("client_id");

    HttpResponse<String> response = clientCredentials(clientId, forged);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject claims = payload(new JsonObject(response.body()).getString("access_token"));
    assertThat(claims.getJsonObject("cnf").getString("x5t#S256")).isEqualTo(thumbprint(forged));
  }

  /** RFC 7591 §2.3 lets a server ignore it; Keycloak refuses it: the gateway must strip it. */
  @Test
  void refusesSoftwareStatementAsUnrecognizedMetadata() throws Exception {
    int before = keycloak.admin().clientCount();

    HttpResponse<String> response = register(registration(tpp).put("software_statement", "eyJhbGciOiJQUzI1NiJ9.e30.c2ln"),
        Optional.empty());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(response.body()).getString("error")).contains("Unrecognized field \"software_statement\"");
    assertThat(keycloak.admin().clientCount()).isEqualTo(before);
  }

  /** Trusted Hosts judges X-Forwarded-For: the gateway must not forward the TPP's address here. */
  @Test
  void refusesRegistrationForwardedForAnotherAddress() throws Exception {
    int before = keycloak.admin().clientCount();

    HttpResponse<String> response = register(registration(tpp), Optional.of(TPP_ADDRESS));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(response.body()).getString("error")).isEqualTo("insufficient_scope");
    assertThat(new JsonObject(response.body()).getString("error_description")).contains("'Trusted Hosts'");
    assertThat(keycloak.admin().clientCount()).isEqualTo(before);
  }

  /** Open Finance Brasil metadata as the gateway forwards it, software_statement removed. */
  private static JsonObject registration(X509Certificate certificate) {
    return new JsonObject()
        .put("redirect_uris", new JsonArray().add("https://tpp1.example/cb"))
        .put("token_endpoint_auth_method", "tls_client_auth")
        .put("tls_client_auth_subject_dn", subjectDn(certificate))
        .put("grant_types", new JsonArray().add("authorization_code").add("refresh_token").add("client_credentials"))
        .put("response_types", new JsonArray().add("code id_token"))
        .put("jwks_uri", "https://keystore.tpp1.example/software.jwks")
        .put("scope", OFB_SCOPE);
  }

  private JsonObject registered(X509Certificate certificate) throws IOException {
    HttpResponse<String> response = register(registration(certificate), Optional.empty());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body());
  }

  private HttpResponse<String> register(JsonObject metadata, Optional<String> forwardedFor) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(keycloak.registrationEndpoint())
        .header("Content-Type", "application/json")
        .header("Client-Cert", clientCertHeader(tpp))
        .POST(HttpRequest.BodyPublishers.ofString(metadata.encode()));
    // with https claimed too: a public address over plain http gets "HTTPS required" (realm
    // sslRequired=external) before Trusted Hosts is even asked
    forwardedFor.ifPresent(address -> request.header("X-Forwarded-For", address).header("X-Forwarded-Proto", "https"));
    return send(request);
  }

  /** As the gateway's token route will forward it: verified certificate, TPP address, https. */
  private HttpResponse<String> clientCredentials(String clientId, X509Certificate certificate) throws IOException {
    String form = "grant_type=client_credentials&scope=accounts&client_id="
        + URLEncoder.encode(clientId, StandardCharsets.UTF_8);
    return send(HttpRequest.newBuilder(keycloak.tokenEndpoint())
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Client-Cert", clientCertHeader(certificate))
        .header("X-Forwarded-For", TPP_ADDRESS)
        .header("X-Forwarded-Proto", "https")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
    try {
      return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  /** RFC 9440 §2.2: the DER certificate as a structured-field byte sequence, the one form Keycloak reads. */
  private static String clientCertHeader(X509Certificate certificate) {
    try {
      return ":" + Base64.getEncoder().encodeToString(certificate.getEncoded()) + ":";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * RFC 2253 as the JDK writes it: attribute types Keycloak cannot name (organizationIdentifier,
   * jurisdictionC...) as dotted OIDs with #hex values. Keycloak parses the registered DN with the
   * JDK, so a DN naming them by keyword registers but can never authenticate.
   */
  private static String subjectDn(X509Certificate certificate) {
    return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
  }

  /** RFC 8705 §3.1: base64url SHA-256 of the DER certificate. */
  private static String thumbprint(X509Certificate certificate) throws GeneralSecurityException {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private static JsonObject payload(String jwt) {
    return new JsonObject(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
  }

  private static X509Certificate certificate(DevPkiLayout pki, String name) throws Exception {
    try (InputStream in = Files.newInputStream(pki.client(name).certificate())) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
