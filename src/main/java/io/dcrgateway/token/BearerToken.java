package io.dcrgateway.token;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The token of an {@code Authorization: Bearer} header (RFC 6750 §2.1); nothing else carries it. */
final class BearerToken {

  /** RFC 6750 §2.1 b64token, the scheme case-insensitive (RFC 9110 §11.1). */
  private static final Pattern BEARER = Pattern.compile("(?i:bearer) +([A-Za-z0-9\\-._~+/]+=*)");

  private BearerToken() {
  }

  static String of(MultiMap headers) {
    List<String> values = headers.getAll("Authorization");
    if (values.isEmpty()) {
      throw TokenRejections.invalid("token.missing", "an initial access token is required: send it as"
          + " Authorization: Bearer <token>");
    }
    if (values.size() > 1) {
      throw TokenRejections.invalid("token.malformed", "send exactly one Authorization header");
    }
    Matcher bearer = BEARER.matcher(values.get(0).strip());
    if (!bearer.matches()) {
      throw TokenRejections.invalid("token.malformed", "the Authorization header must be Bearer <token>");
    }
    return bearer.group(1);
  }
}
