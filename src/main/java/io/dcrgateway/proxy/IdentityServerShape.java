package io.dcrgateway.proxy;

import io.dcrgateway.config.UpstreamConfig.IdentityServer;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * Fits a checked registration to what the identity server accepts, and its answer back to
 * RFC 7591. Fields the server rejects (Keycloak: {@code software_statement}) are withheld from
 * the forwarded JSON; RFC 7591 §3.2.1 wants the statement echoed unmodified in the response,
 * so withheld values are put back there when the server left them out.
 */
public final class IdentityServerShape {

  /**
   * What is echoed when the server left it out: the statement (RFC 7591 §3.2.1) and facts that
   * only describe the software. A withheld field that would change behaviour (webhook_uris,
   * require_signed_request_object...) is not echoed: the TPP must not believe it applies.
   */
  private static final java.util.Set<String> ECHOED = java.util.Set.of("software_statement", "software_id",
      "software_version");

  private final IdentityServer server;

  public IdentityServerShape(IdentityServer server) {
    this.server = server;
  }

  /** A JSON body without the withheld fields, and what was withheld. */
  public record Shaped(Buffer body, JsonObject withheld) {
  }

  public Shaped shape(Buffer body, Optional<String> contentType) {
    if (server.removeFields().isEmpty() || !contentType.orElse("").startsWith("application/json")) {
      return new Shaped(body, new JsonObject());
    }
    JsonObject metadata;
    try {
      metadata = body.toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      return new Shaped(body, new JsonObject());
    }
    JsonObject withheld = new JsonObject();
    for (String field : server.removeFields()) {
      if (metadata.containsKey(field)) {
        withheld.put(field, metadata.remove(field));
      }
    }
    return withheld.isEmpty() ? new Shaped(body, withheld) : new Shaped(JsonBody.of(metadata, body.length()), withheld);
  }

  /** Registration (201) and update (200) answers get the withheld values back when absent. */
  public UpstreamResponse complete(UpstreamResponse answer, JsonObject withheld) {
    if (!server.completeResponse() || withheld.isEmpty()) {
      return answer;
    }
    Optional<JsonObject> json = RegistrationResponse.json(answer);
    if (json.isEmpty()) {
      return answer;
    }
    JsonObject body = json.get().copy();
    withheld.forEach(entry -> {
      if (ECHOED.contains(entry.getKey()) && !body.containsKey(entry.getKey())) {
        body.put(entry.getKey(), entry.getValue());
      }
    });
    return new UpstreamResponse(answer.status(), answer.statusMessage(), answer.headers(),
        JsonBody.of(body, answer.body().length() + 256));
  }
}
