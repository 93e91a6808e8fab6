package io.dcrgateway.server;

import io.dcrgateway.keys.CachedKeySet;
import io.dcrgateway.keys.KeyAvailability;
import io.dcrgateway.keys.KeySetHealth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness of the key sets registrations are verified with: a directory's (software statements)
 * and the identity server's (JWT initial access tokens of a route). A set that was never fetched,
 * or whose last fetch is older than its {@code max-staleness}, fails everything verified with it
 * closed (503), so the instance is not ready. While a fetch fails but the last keys are still
 * within {@code max-staleness}, verification goes on and the instance stays ready.
 */
final class KeySetReadiness {

  /** Problems named {@code directory-keys.<directory>}. */
  static final String DIRECTORY_KEYS = "directory-keys";
  /** Problems named {@code token-keys.<route path>}. */
  static final String TOKEN_KEYS = "token-keys";

  private KeySetReadiness() {
  }

  /** @param kind {@link #DIRECTORY_KEYS} or {@link #TOKEN_KEYS}: what an operator reads first */
  static Map<String, String> problems(String kind, Map<String, CachedKeySet> keysByOwner) {
    Map<String, String> problems = new LinkedHashMap<>();
    keysByOwner.forEach((owner, keys) -> {
      KeySetHealth health = keys.health();
      if (health.availability() != KeyAvailability.AVAILABLE) {
        problems.put(kind + "." + owner, (health.availability() == KeyAvailability.STALE
            ? "keys from " + health.location() + " are older than max-staleness (last fetched "
                + health.lastSuccess().map(Object::toString).orElse("never") + ")"
            : "keys from " + health.location() + " were never fetched")
            + health.lastFailure().map(f -> "; last failure: " + f.reason()).orElse(""));
      }
    });
    return problems;
  }
}
