package io.dcrgateway.proxy;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the gateway changes in the identity server's answer: {@code registration_client_uri}
 * points at the gateway's public management endpoint, so RFC 7592 calls keep coming through the
 * gateway and its checks (OFB BR-23: an absolute https URL on the mTLS host). Everything else is
 * relayed as the identity server wrote it.
 */
public final class RegistrationResponse {

  private RegistrationResponse() {
  }

  /** The JSON object of a successful answer, if it is one. */
  public static Optional<JsonObject> json(UpstreamResponse answer) {
    if (answer.status() < 200 || answer.status() > 299 || answer.body().length() == 0) {
      return Optional.empty();
    }
    try {
      return Optional.of(answer.body().toJsonObject());
    } catch (DecodeException | ClassCastException e) {
      return Optional.empty();
    }
  }

  /**
   * @param publicRegistrationUrl e.g. {@code https://dcr.bank.example/register}
   */
  public static UpstreamResponse withGatewayClientUri(UpstreamResponse answer, String publicRegistrationUrl) {
    return withGatewayClientUri(answer, json(answer), publicRegistrationUrl);
  }

  /**
   * @param json the answer's {@link #json}, read once by a caller that needed it too; changed here
   */
  public static UpstreamResponse withGatewayClientUri(UpstreamResponse answer, Optional<JsonObject> json,
      String publicRegistrationUrl) {
    if (json.isEmpty() || !json.get().containsKey("registration_client_uri")
        || !(json.get().getValue("client_id") instanceof String clientId)) {
      return answer;
    }
    JsonObject body = json.get().put("registration_client_uri", publicRegistrationUrl + "/"
        + URLEncoder.encode(clientId, StandardCharsets.UTF_8).replace("+", "%20"));
    return new UpstreamResponse(answer.status(), answer.statusMessage(), answer.headers(),
        JsonBody.of(body, answer.body().length() + publicRegistrationUrl.length() + clientId.length() + 64));
  }
}
