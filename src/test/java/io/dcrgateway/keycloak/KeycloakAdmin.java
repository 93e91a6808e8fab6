package io.dcrgateway.keycloak;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What Keycloak ends up holding, read through its admin REST API: the judge of every e2e test
 * ("the client count is unchanged", "the client is bound to this subject DN").
 */
public final class KeycloakAdmin {

  /** Client attribute holding the {@code tls_client_auth_subject_dn} Keycloak compares. */
  public static final String SUBJECT_DN_ATTRIBUTE = "x509.subjectdn";
  /** Client attribute behind {@code tls_client_certificate_bound_access_tokens} (RFC 8705 §3). */
  public static final String CERTIFICATE_BOUND_TOKENS_ATTRIBUTE = "tls.client.certificate.bound.access.tokens";
  /** Keycloak's authenticator id for {@code tls_client_auth}. */
  public static final String TLS_CLIENT_AUTH_AUTHENTICATOR = "client-x509";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** admin-cli tokens live 60 s; refreshed this long before they expire. */
  private static final Duration TOKEN_MARGIN = Duration.ofSeconds(15);

  private final URI baseUri;
  private final String realm;
  private final String username;
  private final String password;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private String token;
  private Instant tokenExpires = Instant.MIN;

  KeycloakAdmin(URI baseUri, String realm, String username, String password) {
    this.baseUri = baseUri;
    this.realm = realm;
    this.username = username;
    this.password = password;
  }

  /** A master-realm admin token (admin-cli, password grant with the bootstrap admin). */
  public synchronized String accessToken() throws IOException {
    if (token == null || Instant.now().isAfter(tokenExpires.minus(TOKEN_MARGIN))) {
      String form = "grant_type=password&client_id=admin-cli"
          + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
          + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
      HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/realms/master/protocol/openid-connect/token"))
          .timeout(TIMEOUT)
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form))
          .build();
      JsonObject body = new JsonObject(expect(200, send(request)));
      token = body.getString("access_token");
      tokenExpires = Instant.now().plusSeconds(body.getLong("expires_in", 60L));
    }
    return token;
  }

  /** Every client of the realm, Keycloak's own ({@code account}, {@code admin-cli}...) included. */
  public List<JsonObject> clients() throws IOException {
    JsonArray clients = new JsonArray(get("/clients?max=10000"));
    return clients.stream().map(JsonObject.class::cast).toList();
  }

  public int clientCount() throws IOException {
    return clients().size();
  }

  /** The client Keycloak registered under this {@code client_id}, if it still exists. */
  public Optional<JsonObject> client(String clientId) throws IOException {
    JsonArray found = new JsonArray(get("/clients?clientId=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)));
    return found.stream().map(JsonObject.class::cast)
        .filter(client -> clientId.equals(client.getString("clientId")))
        .findFirst();
  }

  /** The subject DN Keycloak will compare certificates against for this client. */
  public Optional<String> boundSubjectDn(String clientId) throws IOException {
    return client(clientId).map(client -> client.getJsonObject("attributes", new JsonObject()))
        .map(attributes -> attributes.getString(SUBJECT_DN_ATTRIBUTE));
  }

  private String get(String realmPath) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/admin/realms/" + realm + realmPath))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + accessToken())
        .header("Accept", "application/json")
        .GET()
        .build();
    return expect(200, send(request));
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted calling " + request.uri(), e);
    }
  }

  private static String expect(int status, HttpResponse<String> response) throws IOException {
    if (response.statusCode() != status) {
      throw new IOException(response.request().method() + " " + response.request().uri() + " answered "
          + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
