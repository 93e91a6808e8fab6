package io.dcrgateway.server;

import io.dcrgateway.keys.CachedKeySet;
import io.dcrgateway.keys.KeyAvailability;
import io.dcrgateway.keys.KeySetHealth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness of the directories' key sets: a set that was never fetched, or whose last fetch is
 * older than its {@code max-staleness}, fails every statement of its directory closed (503), so
 * the instance is not ready. While a fetch fails but the last keys are still within
 * {@code max-staleness}, statements keep verifying and the instance stays ready.
 */
final class DirectoryKeysReadiness {

  private DirectoryKeysReadiness() {
  }

  static Map<String, String> problems(Map<String, CachedKeySet> keysByDirectory) {
    Map<String, String> problems = new LinkedHashMap<>();
    keysByDirectory.forEach((directory, keys) -> {
      KeySetHealth health = keys.health();
      if (health.availability() != KeyAvailability.AVAILABLE) {
        problems.put("directory-keys." + directory, (health.availability() == KeyAvailability.STALE
            ? "keys from " + health.location() + " are older than max-staleness (last fetched "
                + health.lastSuccess().map(Object::toString).orElse("never") + ")"
            : "keys from " + health.location() + " were never fetched")
            + health.lastFailure().map(f -> "; last failure: " + f.reason()).orElse(""));
      }
    });
    return problems;
  }
}
