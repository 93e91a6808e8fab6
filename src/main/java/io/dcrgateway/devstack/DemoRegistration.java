package io.dcrgateway.devstack;

import io.dcrgateway.devpki.DevPkiManifest;
import io.dcrgateway.devpki.SoftwareStatementMinter;
import io.dcrgateway.tls.PemCertificates;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * What a TPP does first: registers over mutual TLS with its certificate and a fresh software
 * statement, as the Open Finance Brasil conformance suite's {@code tls_client_auth} variant does,
 * then asks for a client_credentials token with the same certificate.
 */
final class DemoRegistration {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  /** What the gateway answered the registration with. */
  record Registered(String clientId, String registrationClientUri, String registrationAccessToken) {
  }

  private final DevPkiManifest manifest;
  private final String clientName;
  private final URI gateway;
  private final HttpClient http;

  DemoRegistration(DevPkiManifest manifest, String clientName, URI gateway) throws DevStackException {
    this.manifest = manifest;
    this.clientName = clientName;
    this.gateway = gateway;
    this.http = HttpClient.newBuilder()
        .sslContext(TppTls.context(manifest, clientName))
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  X509Certificate certificate() throws DevStackException {
    try {
      return PemCertificates.read(manifest.client(clientName).files().certificate()).get(0);
    } catch (IOException | GeneralSecurityException e) {
      throw new DevStackException("cannot read the certificate of " + clientName + ": " + e.getMessage(), e);
    }
  }

  /** RFC 7591 POST with a software statement minted now (OFB DCR 7.1: at most 5 minutes old). */
  Registered register(String registrationPath) throws DevStackException, InterruptedException {
    String ssa;
    try {
      ssa = SoftwareStatementMinter.forClient(manifest, clientName).mint();
    } catch (IOException | RuntimeException e) {
      throw new DevStackException("cannot mint a software statement for " + clientName + ": " + e.getMessage(), e);
    }
    JsonObject claims = JwtPayload.of(ssa);
    JsonObject metadata = new JsonObject()
        .put("redirect_uris", new JsonArray().add(claims.getJsonArray("software_redirect_uris").getString(0)))
        .put("jwks_uri", claims.getString("software_jwks_uri"))
        .put("token_endpoint_auth_method", "tls_client_auth")
        // RFC 8705 §2.1.2 in the OFB form: X500Principal.getName(), which is also the one form
        // Keycloak compares successfully (conf/keycloak/README.md)
        .put("tls_client_auth_subject_dn", certificate().getSubjectX500Principal().getName())
        .put("grant_types", new JsonArray(List.of("authorization_code", "refresh_token", "client_credentials")))
        .put("response_types", new JsonArray(List.of("code")))
        .put("software_statement", ssa);
    HttpRequest request = HttpRequest.newBuilder(gateway.resolve(registrationPath))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(metadata.encode()))
        .build();
    JsonObject client = expect(201, "registration", request);
    return new Registered(client.getString("client_id"), client.getString("registration_client_uri"),
        client.getString("registration_access_token"));
  }

  /** RFC 8705 §3: the token's {@code cnf.x5t#S256}, the thumbprint of the certificate it is bound to. */
  String certificateBoundToken(String tokenPath, String clientId) throws DevStackException, InterruptedException {
    String form = "grant_type=client_credentials&scope=accounts&client_id="
        + URLEncoder.encode(clientId, StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(gateway.resolve(tokenPath))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    JsonObject token = expect(200, "token request", request);
    JsonObject cnf = JwtPayload.of(token.getString("access_token", "")).getJsonObject("cnf");
    if (cnf == null || cnf.getString("x5t#S256") == null) {
      throw new DevStackException("the access token Keycloak issued has no cnf.x5t#S256: it is not certificate-bound");
    }
    return cnf.getString("x5t#S256");
  }

  private JsonObject expect(int status, String what, HttpRequest request)
      throws DevStackException, InterruptedException {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DevStackException(what + " through the gateway at " + request.uri() + " failed: " + e, e);
    }
    if (response.statusCode() != status) {
      throw new DevStackException(what + " through the gateway answered " + response.statusCode()
          + ", expected " + status + ": " + response.body().strip());
    }
    try {
      return new JsonObject(response.body());
    } catch (DecodeException e) {
      throw new DevStackException(what + " through the gateway answered " + status + " without JSON: "
          + response.body().strip(), e);
    }
  }

  /** The claims of a compact JWS, unverified: the gateway and Keycloak did the verifying. */
  static final class JwtPayload {

    private JwtPayload() {
    }

    static JsonObject of(String jws) throws DevStackException {
      String[] parts = jws.split("\\.");
      try {
        if (parts.length != 3) {
          throw new IllegalArgumentException("not a compact JWS");
        }
        return new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException | DecodeException e) {
        throw new DevStackException("cannot read the claims of a token: " + e.getMessage(), e);
      }
    }
  }

  static String thumbprint(X509Certificate certificate) throws DevStackException {
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new DevStackException("cannot hash the certificate: " + e.getMessage(), e);
    }
  }
}
