package io.dcrgateway.metrics;

import io.dcrgateway.keys.CachedKeySet;
import io.dcrgateway.keys.KeyAvailability;
import io.dcrgateway.keys.KeySetHealth;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * One JWKS as an operator watches it: how many keys are served, how old they are (stale keys
 * mean what they verify is answered 503 once {@code max-staleness} passes), and how often
 * fetching fails. Everything is read from {@link CachedKeySet#health()} at scrape time. Two
 * families share the shape: directories' keys (software statements) and the identity server's
 * keys of each route taking JWT initial access tokens.
 */
final class KeySetGauges {

  /**
   * @param prefix the series' common name
   * @param label the label naming whose set it is
   * @param keys what the set is, for descriptions
   * @param refused what is answered 503 while the set is unusable, for descriptions
   */
  record Family(String prefix, String label, String keys, String refused) {

    List<String> names() {
      return List.of(prefix + "_keys", prefix + "_available", prefix + "_age_seconds", prefix + "_fetches",
          prefix + "_fetch_failures");
    }
  }

  static final Family DIRECTORY = new Family("dcr_gateway_jwks", "directory", "the directory's JWKS",
      "statements");
  static final Family TOKEN = new Family("dcr_gateway_token_jwks", "route",
      "the identity server's JWKS for the route's JWT initial access tokens", "tokens");

  private KeySetGauges() {
  }

  /** Removes every series of {@code family}: a reload registers its own key sets afresh. */
  static void removeAll(MeterRegistry registry, Family family) {
    family.names().forEach(name -> List.copyOf(registry.find(name).meters()).forEach(registry::remove));
  }

  static void register(MeterRegistry registry, Clock clock, Family family, String owner, CachedKeySet keys) {
    Gauge.builder(family.prefix() + "_keys", keys, k -> k.health().keyCount())
        .tag(family.label(), owner)
        .description("keys in " + family.keys() + " currently served (0 while unavailable)")
        .register(registry);
    Gauge.builder(family.prefix() + "_available", keys,
            k -> k.health().availability() == KeyAvailability.AVAILABLE ? 1 : 0)
        .tag(family.label(), owner)
        .description("1 while " + family.keys() + " may be used; 0 never fetched or stale (" + family.refused()
            + " get 503)")
        .register(registry);
    Gauge.builder(family.prefix() + "_age_seconds", keys, k -> ageSeconds(k.health(), clock))
        .tag(family.label(), owner)
        .description("seconds since " + family.keys() + " was last fetched successfully (NaN: never)")
        .register(registry);
    FunctionCounter.builder(family.prefix() + "_fetches", keys, k -> k.health().fetches())
        .tag(family.label(), owner)
        .description("fetch attempts of " + family.keys() + ", successful or not")
        .register(registry);
    FunctionCounter.builder(family.prefix() + "_fetch_failures", keys, k -> k.health().failures())
        .tag(family.label(), owner)
        .description("failed fetch attempts of " + family.keys())
        .register(registry);
  }

  static double ageSeconds(KeySetHealth health, Clock clock) {
    return health.lastSuccess()
        .map(at -> Duration.between(at, clock.instant()).toMillis() / 1000.0)
        .orElse(Double.NaN);
  }
}
