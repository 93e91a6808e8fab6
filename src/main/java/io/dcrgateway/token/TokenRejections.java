package io.dcrgateway.token;

import io.dcrgateway.error.ErrorCodes;
import io.dcrgateway.error.GatewayException;
import java.util.Map;

/**
 * The answers of the token stage, RFC 6750 §3: the status, the JSON body every gateway error has,
 * and the {@code WWW-Authenticate: Bearer} challenge a client library reads.
 */
public final class TokenRejections {

  private TokenRejections() {
  }

  /** 401: no token, or not one the gateway accepts (malformed, bad signature, expired, inactive, used). */
  public static GatewayException invalid(String reason, String description) {
    return new GatewayException(401, ErrorCodes.INVALID_TOKEN, reason, description, Map.of("WWW-Authenticate",
        "Bearer error=\"invalid_token\", error_description=\"" + quotable(description) + "\""));
  }

  /** 403: a valid token without the scope registration needs (RFC 6750 §3.1 names the scope). */
  public static GatewayException insufficientScope(String scope) {
    String description = "the initial access token does not have the scope " + scope
        + "; request a token with scope " + scope;
    return new GatewayException(403, ErrorCodes.INSUFFICIENT_SCOPE, "token.insufficient-scope", description,
        Map.of("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"" + scope
            + "\", error_description=\"" + quotable(description) + "\""));
  }

  /** 503: the identity server's keys or introspection cannot vouch for the token right now. */
  public static GatewayException unavailable(String reason, String description) {
    return new GatewayException(503, ErrorCodes.TEMPORARILY_UNAVAILABLE, reason, description,
        Map.of("Retry-After", "5"));
  }

  /**
   * RFC 6750 §3: error_description is %x20-21 / %x23-5B / %x5D-7E, so no quote, backslash or
   * non-ASCII (a token's own claims may carry any of them into a message).
   */
  static String quotable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      out.append(c >= 0x20 && c <= 0x7E && c != '"' && c != '\\' ? c : '\'');
    }
    return out.toString();
  }
}
