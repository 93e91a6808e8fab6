package io.dcrgateway.token;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A validated initial access token, as later stages may rely on it: who it was issued to (the
 * client, and the signed-in user for a mobile app), its id and scopes. The token string is not kept.
 *
 * @param clientId {@code client_id} (RFC 9068 §2.2, RFC 7662 §2.2), else {@code azp}
 * @param claims every claim (JWT) or introspection member, for template policies on user claims
 */
public record InitialAccessToken(Optional<String> clientId, Optional<String> subject, Optional<String> jti,
    Set<String> scopes, Optional<Instant> expiresAt, JsonObject claims) {

  public InitialAccessToken {
    scopes = Set.copyOf(scopes);
    claims = claims.copy();
  }

  /** From JWT claims or an introspection answer: both name the same facts the same way. */
  static InitialAccessToken of(JsonObject claims) {
    Optional<String> clientId = string(claims, "client_id").or(() -> string(claims, "azp"));
    Object exp = claims.getValue("exp");
    Optional<Instant> expiresAt = exp instanceof Number n ? Optional.of(Instant.ofEpochSecond(n.longValue()))
        : Optional.empty();
    return new InitialAccessToken(clientId, string(claims, "sub"), string(claims, "jti"), scopesOf(claims),
        expiresAt, claims);
  }

  /** RFC 6749 §3.3 space-separated {@code scope}; some servers send {@code scp} as an array. */
  private static Set<String> scopesOf(JsonObject claims) {
    Set<String> scopes = new LinkedHashSet<>();
    Object scope = claims.getValue("scope");
    if (scope instanceof String s) {
      Arrays.stream(s.split(" ")).filter(t -> !t.isEmpty()).forEach(scopes::add);
    }
    Object scp = claims.getValue("scp");
    if (scp instanceof JsonArray array) {
      array.stream().filter(String.class::isInstance).map(String.class::cast).forEach(scopes::add);
    } else if (scp instanceof String s) {
      Arrays.stream(s.split(" ")).filter(t -> !t.isEmpty()).forEach(scopes::add);
    }
    return scopes;
  }

  private static Optional<String> string(JsonObject claims, String name) {
    return claims.getValue(name) instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
  }

  /** Whether {@code claim} is {@code value}, or an array holding it. */
  public boolean claimHolds(String claim, String value) {
    Object held = claims.getValue(claim);
    if (held instanceof JsonArray array) {
      return array.contains(value);
    }
    return value.equals(held);
  }
}
