package io.dcrgateway.devstack;

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
import java.time.Duration;
import java.util.function.Function;

/**
 * What Keycloak itself holds for a client, read through its admin REST API with the bootstrap
 * admin: the proof that the registration through the gateway bound the client to the
 * certificate, not just the gateway's word for it.
 */
final class KeycloakAdminApi {

  /** Client attribute holding the {@code tls_client_auth_subject_dn} Keycloak compares. */
  static final String SUBJECT_DN_ATTRIBUTE = "x509.subjectdn";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final URI baseUri;
  private final AdminCredentials admin;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  KeycloakAdminApi(URI baseUri, AdminCredentials admin) {
    this.baseUri = baseUri;
    this.admin = admin;
  }

  /** The subject DN Keycloak will compare client certificates against for this client_id. */
  String boundSubjectDn(String clientId) throws DevStackException, InterruptedException {
    String query = "/admin/realms/" + KeycloakProcess.REALM + "/clients?clientId="
        + URLEncoder.encode(clientId, StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(query))
        .timeout(TIMEOUT)
        .header("Authorization", "Bearer " + accessToken())
        .header("Accept", "application/json")
        .GET()
        .build();
    String dn = parse(request, JsonArray::new).stream()
        .map(JsonObject.class::cast)
        .filter(client -> clientId.equals(client.getString("clientId")))
        .findFirst()
        .map(client -> client.getJsonObject("attributes", new JsonObject()).getString(SUBJECT_DN_ATTRIBUTE))
        .orElseThrow(() -> new DevStackException("Keycloak's admin API knows no client " + clientId));
    if (dn == null) {
      throw new DevStackException("Keycloak holds client " + clientId + " without attribute " + SUBJECT_DN_ATTRIBUTE);
    }
    return dn;
  }

  /** A master-realm token for admin-cli, password grant with the bootstrap admin. */
  private String accessToken() throws DevStackException, InterruptedException {
    String form = "grant_type=password&client_id=admin-cli"
        + "&username=" + URLEncoder.encode(admin.username(), StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(admin.password(), StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/realms/master/protocol/openid-connect/token"))
        .timeout(TIMEOUT)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
    return parse(request, JsonObject::new).getString("access_token");
  }

  /** A 200 answer's JSON body; anything else is a failure naming the call. */
  private <T> T parse(HttpRequest request, Function<String, T> json) throws DevStackException, InterruptedException {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new DevStackException("Keycloak admin API: " + request.method() + " " + request.uri().getPath()
            + " answered " + response.statusCode() + ": " + response.body());
      }
      return json.apply(response.body());
    } catch (IOException | DecodeException e) {
      throw new DevStackException("Keycloak admin API: " + request.method() + " " + request.uri().getPath()
          + " failed: " + e.getMessage(), e);
    }
  }
}
