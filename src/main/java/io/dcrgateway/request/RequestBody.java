package io.dcrgateway.request;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parse stage for registration bodies: JSON client metadata (RFC 7591 §3.1), or a
 * TPP-signed request JWT (UK DCR: {@code application/jose}). Duplicate keys are refused: the
 * gateway and the identity server must not be able to read different values from one body.
 */
public sealed interface RequestBody {

  /** Plain JSON metadata. */
  record Json(JsonObject metadata) implements RequestBody {
  }

  /** A compact JWS to be verified by the statement stage. */
  record Jose(String compact) implements RequestBody {
  }

  static RequestBody parse(Optional<String> contentType, Buffer body) {
    String type = contentType.map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    return switch (type) {
      case "application/json" -> new Json(json(body));
      case "application/jose", "application/jwt" -> new Jose(text(body).trim());
      default -> throw new GatewayException(415, ErrorCodes.INVALID_REQUEST, "request.content-type",
          "Content-Type must be application/json (client metadata) or application/jose (signed request), got "
              + (type.isEmpty() ? "none" : "\"" + type + "\""));
    };
  }

  private static JsonObject json(Buffer body) {
    try {
      Object parsed = StrictJson.read(body);
      if (!(parsed instanceof Map<?, ?> map)) {
        throw malformed("the body must be a JSON object of client metadata");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> metadata = (Map<String, Object>) map;
      return new JsonObject(metadata);
    } catch (GatewayException e) {
      throw e;
    } catch (StrictJson.NotUtf8 e) {
      throw malformed("the body is not valid UTF-8");
    } catch (Exception e) {
      String reason = e.getMessage() == null ? "" : e.getMessage().split("\n", 2)[0];
      throw malformed("the body is not valid JSON: " + reason);
    }
  }

  /** Strict UTF-8 (RFC 8259 §8.1): a malformed byte is an error, not a replacement character. */
  private static String text(Buffer body) {
    try {
      return StrictJson.text(body.getBytes());
    } catch (StrictJson.NotUtf8 e) {
      throw malformed("the body is not valid UTF-8");
    }
  }

  private static GatewayException malformed(String description) {
    return new GatewayException(400, ErrorCodes.INVALID_CLIENT_METADATA, "request.body-malformed", description);
  }
}
