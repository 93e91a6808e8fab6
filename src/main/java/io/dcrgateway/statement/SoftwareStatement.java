package io.dcrgateway.statement;

import io.dcrgateway.config.DirectoryConfig;
import io.dcrgateway.config.DirectoryConfig.ClaimNames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * A software statement whose signature, issuer, age and uniqueness were verified against a
 * trusted directory. Rules read its claims through the directory's claim names, so one rule
 * serves ecosystems that name things differently.
 *
 * @param compact the JWS exactly as the TPP sent it (RFC 7591 §3.2.1: echoed unmodified)
 * @param claims the verified payload
 */
public record SoftwareStatement(String compact, JsonObject claims, DirectoryConfig directory) {

  public ClaimNames names() {
    return directory.claims();
  }

  public Optional<String> string(String claim) {
    return claims.getValue(claim) instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /** A JSON array of strings, or empty when absent or of another shape. */
  public Optional<List<String>> strings(String claim) {
    if (!(claims.getValue(claim) instanceof JsonArray array)) {
      return Optional.empty();
    }
    List<String> values = array.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    return values.size() == array.size() ? Optional.of(values) : Optional.empty();
  }

  public Optional<String> softwareId() {
    return string(names().softwareId());
  }

  public Optional<String> orgId() {
    return string(names().orgId());
  }
}
